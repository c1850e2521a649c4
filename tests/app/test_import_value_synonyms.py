"""A member list written by a Norwegian association office names values as the office speaks:
sector "Fornybar energi", stage "Såkorn" or "Såkornfase", investor type "Forretningsengel".
The import now reads such words (app/services/value_synonyms.py) as it reads the labels, in
any case and spacing, and maps each to its value of the list; before, each rejected its row
as an unknown value. A word that is not in the table is still refused with the list's valid
values, and the table only names values the lists have."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from app import vocabulary
from app.extensions import db
from app.models import InvestorProfile, Pitch, User
from app.services import member_import_plan
from app.services.member_files import fold
from app.services.value_synonyms import SYNONYMS
from tests.factories import make_user

HEADER = "E-post;Navn;Rolle;Organisasjon;investor_type;Bransjer;stages;Stage\n"
ROWS = (
    "ola@sol.no;Ola Sol;gründer;Sol AS;;Fornybar energi;;Såkorn\n"
    "kari@mat.no;Kari Mat;gründer;Mat AS;;  LANDBRUK , ikt;;såkornfase\n"
    "per@ide.no;Per Ide;gründer;Ide AS;;Reiseliv;;Preseed\n"
    "fond@fjord.no;Fjord Fond;investor;Fjord AS;Forretningsengel;Fornybar energi, "
    "Sirkulær  økonomi;Såkorn, Pre seed, Vekstfase;\n"
)


def _upload(client, text: str) -> str:
    response = client.post("/staff/members/import", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(text.encode("utf-8")), "medlemmer.csv")})
    assert response.status_code == 303
    return client.get("/staff/members/import/preview").get_data(as_text=True)


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def test_the_preview_reads_the_offices_words_and_the_import_stores_their_values(
        app, client, staff):
    html = _upload(client, HEADER + ROWS)
    assert "import-reject" not in html
    assert client.post("/staff/members/import/confirm").status_code == 303

    def pitch(email):
        return db.session.scalar(select(Pitch).where(Pitch.owner_id == _user(email).id))

    assert (pitch("ola@sol.no").sectors, pitch("ola@sol.no").stage) == (["energy"], "seed")
    assert (pitch("kari@mat.no").sectors, pitch("kari@mat.no").stage) == (
        ["food_agriculture", "ict_software"], "seed")
    assert (pitch("per@ide.no").sectors, pitch("per@ide.no").stage) == (
        ["tourism_culture"], "pre_seed")
    fund = db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == _user("fond@fjord.no").id))
    assert (fund.investor_type, fund.sectors, fund.stages) == (
        "angel", ["energy", "circular_economy"], ["seed", "pre_seed", "growth"])


@pytest.mark.parametrize(("column", "word", "key"), [
    ("sectors", "Fornybar energi", "energy"), ("stage", "Såkorn", "seed"),
    ("stage", "SÅKORNFASE", "seed"), ("stages", "Pre-seed", "pre_seed"),
    ("stages", "preseed", "pre_seed"), ("investor_type", "Forretningsengel", "angel")])
def test_a_word_is_read_as_its_value(app, column, word, key):
    role = "investor" if column in ("stages", "investor_type") else "founder"
    row = {"email": "a@b.no", "name": "A", "role": role, "organisation": "A AS", column: word}
    with app.test_request_context():
        (plan,) = member_import_plan.plan([row])
    assert plan.reasons == []
    with app.test_request_context():
        names = member_import_plan._Values({}).names[column]
    assert names[fold(word)] == key


def test_a_word_not_in_the_table_is_still_refused(app):
    with app.test_request_context():
        (plan,) = member_import_plan.plan([{"email": "a@b.no", "name": "A", "role": "founder",
                                            "sectors": "Fornybar romfart",
                                            "stage": "Såkornet"}])
    assert plan.action == "reject"
    assert "Unknown value in the column “Sectors”: “Fornybar romfart”. Valid values: " \
        "Energy," in plan.reasons[0]
    assert "“Såkornet”" in plan.reasons[1]


def test_the_table_names_only_values_of_the_lists_and_no_label_of_another(app):
    labels: dict[str, dict[str, str]] = {}
    with app.test_request_context():
        for column, mapping in member_import_plan.VALUE_COLUMNS.items():
            labels[column] = member_import_plan._names(mapping)  # keys and labels only
    assert set(SYNONYMS) <= set(member_import_plan.VALUE_COLUMNS)
    assert SYNONYMS["stage"] is SYNONYMS["stages"]
    assert set(SYNONYMS["sectors"]) <= set(vocabulary.SECTORS)
    for column, words in SYNONYMS.items():
        seen: dict[str, str] = {}
        for key, each in words.items():
            assert key in member_import_plan.VALUE_COLUMNS[column], (column, key)
            for word in each:
                folded = fold(word)
                assert labels[column].get(folded, key) == key, (column, word)
                assert seen.setdefault(folded, key) == key, (column, word)


@pytest.mark.parametrize(("lang", "says"), [
    ("nb", "Noen vanlige norske ord leses også som en verdi, for eksempel «Såkorn» som Seed "
           "og «Fornybar energi» som Energi."),
    ("en", "Some common Norwegian words are read as a value too, such as “Såkorn” for Seed "
           "and “Fornybar energi” for Energy.")])
def test_the_upload_page_says_such_words_are_read(client, auth, lang, says):
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    page = " ".join(client.get("/staff/members/import").get_data(as_text=True).split())
    assert says in page
