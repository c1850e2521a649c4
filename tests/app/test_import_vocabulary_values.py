"""The member import reads a fixed list's value (sectors, stages, a founder's stage, an
investor's type) as the pages name it, in bokmål or English, or by its key, in any case and
spacing, whoever imports the file; a value not on the list rejects its row with a message that
names the column as the file does, the value, and the valid values, and nothing is written."""

from __future__ import annotations

import html as html_lib
import io
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile, Pitch, User

HEADER = "email;name;role;organisation;investor_type;Sectors;stages; Stage \n"
GOOD = (
    # bokmål labels, several sectors as the importer splits them
    "fond@fjord.no;Fjord Fond;investor;Fjord AS;Venturefond;Energi, IKT og programvare;"
    "Pre-seed, Serie A;\n"
    # English labels, odd case and spaces; keys
    "engel@fjord.no;Eva Engel;investor;Engel AS;  ANGEL investor ;circular ECONOMY;  seed ;\n"
    "kari@sol.no;Kari Sol;founder;Sol AS;;Mat  og landbruk;;Vekst\n"
    "per@vind.no;Per Vind;founder;Vind AS;;energy;;pre_seed\n"
)
BAD = (
    "ola@gronn.no;Ola Grønn;founder;Grønn AS;;Romfart, Energi;;Idé\n"
    "siri@start.no;Siri Start;founder;Start AS;;;;Børsnotert\n"
    "bent@kapital.no;Bent Kapital;investor;Kapital AS;Pensjonsfond;;Pre-seed, Tidlig;\n"
)

WORDS = {
    "nb": {
        "sectors": "Ukjent verdi i kolonnen «Sectors»: «Romfart». Gyldige verdier: "
                   "Energi, Sirkulærøkonomi, Maritim, Bygg og eiendom,",
        "stage": "Ukjent verdi i kolonnen «Stage»: «Børsnotert». Gyldige verdier: Idé, Pre-seed, "
                 "Seed, Serie A, Vekst.",
        "type": "Ukjent verdi i kolonnen «investor_type»: «Pensjonsfond». Gyldige "
                "verdier: Engleinvestor, Venturefond,",
        "stages": "Ukjent verdi i kolonnen «stages»: «Tidlig».",
    },
    "en": {
        "sectors": "Unknown value in the column “Sectors”: “Romfart”. Valid values: "
                   "Energy, Circular economy, Maritime, Construction & property,",
        "stage": "Unknown value in the column “Stage”: “Børsnotert”. Valid values: Idea, "
                 "Pre-seed, Seed, Series A, Growth.",
        "type": "Unknown value in the column “investor_type”: “Pensjonsfond”. Valid "
                "values: Angel investor, Venture fund,",
        "stages": "Unknown value in the column “stages”: “Tidlig”.",
    },
}


@pytest.fixture(params=["nb", "en"])
def staff_lang(request) -> str:
    return request.param


def _upload(client, text: str):
    response = client.post("/staff/members/import", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(text.encode("utf-8")), "medlemmer.csv")})
    assert response.status_code == 303
    return client.get("/staff/members/import/preview").get_data(as_text=True)


def _why(html: str, email: str) -> str:
    """The last cell (Why) of the preview's row for `email`."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    row = next(r for r in rows if re.search(rf"<td[^>]*>{re.escape(email)}</td>", r))
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    return html_lib.unescape(cells[-1]).strip()


def test_labels_in_either_language_and_keys_are_read(app, client, staff):
    html = _upload(client, HEADER + GOOD)
    assert "import-reject" not in html
    confirm = client.post("/staff/members/import/confirm")
    assert confirm.status_code == 303

    def profile(email):
        user = db.session.scalar(select(User).where(User.email == email))
        return db.session.scalar(select(InvestorProfile).where(
            InvestorProfile.user_id == user.id))

    def pitch(email):
        user = db.session.scalar(select(User).where(User.email == email))
        return db.session.scalar(select(Pitch).where(Pitch.owner_id == user.id))

    fund = profile("fond@fjord.no")
    assert (fund.investor_type, fund.sectors, fund.stages) == (
        "venture_fund", ["energy", "ict_software"], ["pre_seed", "series_a"])
    angel = profile("engel@fjord.no")
    assert (angel.investor_type, angel.sectors, angel.stages) == (
        "angel", ["circular_economy"], ["seed"])
    assert (pitch("kari@sol.no").stage, pitch("kari@sol.no").sectors) == (
        "growth", ["food_agriculture"])
    assert (pitch("per@vind.no").stage, pitch("per@vind.no").sectors) == (
        "pre_seed", ["energy"])


def test_unknown_values_are_named_with_their_column_and_the_valid_values(app, client, staff,
                                                                          staff_lang):
    words = WORDS[staff_lang]
    users = db.session.query(User).count()
    html = _upload(client, HEADER + BAD)
    assert html.count('class="import-reject"') == 3
    assert words["sectors"] in _why(html, "ola@gronn.no")
    assert words["stage"] in _why(html, "siri@start.no")
    bent = _why(html, "bent@kapital.no")
    assert words["type"] in bent and words["stages"] in bent
    # nothing to import, nothing written
    assert client.post("/staff/members/import/confirm").status_code == 303
    assert db.session.query(User).count() == users


def test_cli_names_the_unknown_value_and_the_valid_ones(app, tmp_path):
    path = tmp_path / "medlemmer.csv"
    path.write_bytes((HEADER + GOOD + BAD).encode("utf-8"))
    result = app.test_cli_runner().invoke(args=["members", "import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "4 to create, 0 to update, 3 rejected." in result.output
    assert WORDS["en"]["stage"] in result.output
    assert db.session.query(User).count() == 0


def test_old_preview_without_column_names_says_the_readers_name(app):
    from app.services import member_import_plan

    with app.test_request_context():
        plans = member_import_plan.plan([{"email": "a@b.no", "name": "A", "role": "founder",
                                          "sectors": "Romfart"}])
    assert "“Sectors”" in plans[0].reasons[0]
