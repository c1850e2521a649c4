"""The member import's upload page lists the columns in the reader's language (with the roles
in it, "gründer eller investor"), and the importer reads a file whose first row uses the names
the page lists, in bokmål or English, whoever imports it."""

from __future__ import annotations

import html as html_lib
import io
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile, Pitch, User


@pytest.fixture(params=["nb", "en"])
def staff_lang(request) -> str:
    return request.param


LISTED = {
    "nb": ["E-post", "Navn", "Rolle", "Kommune", "Organisasjon", "Telefon", "Investortype",
           "Bransjer", "Faser", "Fase", "Sammendrag", "Tidligere investeringer"],
    "en": ["E-mail", "Name", "Role", "Municipality", "Organisation", "Phone", "Investor type",
           "Sectors", "Stages", "Stage", "Summary", "Past investments"],
}
ROLES = {"nb": "Påkrevd: gründer eller investor.", "en": "Required: founder or investor."}


def _listed(client) -> list[str]:
    """The column names the upload page lists, in its order."""
    page = client.get("/staff/members/import").get_data(as_text=True)
    table = page.split('id="import-column-list"', 1)[1].split("</table>", 1)[0]
    return [html_lib.unescape(name) for name in re.findall(r'<th scope="row">(.*?)</th>',
                                                           table)]


def test_upload_page_lists_the_columns_in_the_readers_language(client, staff, staff_lang):
    assert _listed(client) == LISTED[staff_lang]
    page = html_lib.unescape(client.get("/staff/members/import").get_data(as_text=True))
    assert ROLES[staff_lang] in page
    for key in ("investor_type", "past_investments", "founder eller investor"):
        assert key not in page


@pytest.mark.parametrize("names", ["nb", "en"])
def test_a_file_named_as_the_page_lists_is_read(app, client, staff, staff_lang, names):
    """The columns named as the page lists them in `names` (staff reading in `staff_lang`)."""
    header = LISTED[names]
    rows = [
        ["fond@fjord.no", "Fjord Fond", "investor", "Drammen", "Fjord AS", "+47 911 11 111",
         "Venturefond", "Energi, Maritim", "Seed", "", "", "12"],
        ["kari@sol.no", "Kari Sol", "gründer", "Asker", "Sol AS", "", "", "Energy", "",
         "Serie A", "Solceller på låvetak", ""],
    ]
    text = "\n".join(";".join(row) for row in [header, *rows]) + "\n"
    upload = client.post("/staff/members/import", content_type="multipart/form-data",
                         data={"file": (io.BytesIO(text.encode("utf-8")), "medlemmer.csv")})
    assert upload.status_code == 303
    preview = client.get("/staff/members/import/preview").get_data(as_text=True)
    assert "import-ignored" not in preview and "import-reject" not in preview
    assert client.post("/staff/members/import/confirm").status_code == 303
    fund = db.session.scalar(select(User).where(User.email == "fond@fjord.no"))
    profile = db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == fund.id))
    assert (fund.municipality, fund.phone) == ("drammen", "+47 911 11 111")
    assert (profile.organisation, profile.investor_type, profile.sectors, profile.stages,
            profile.past_investments) == ("Fjord AS", "venture_fund", ["energy", "maritime"],
                                          ["seed"], 12)
    kari = db.session.scalar(select(User).where(User.email == "kari@sol.no"))
    pitch = db.session.scalar(select(Pitch).where(Pitch.owner_id == kari.id))
    assert (kari.role, pitch.title, pitch.stage, pitch.sectors, pitch.summary) == (
        "founder", "Sol AS", "series_a", ["energy"], "Solceller på låvetak")


@pytest.mark.parametrize(("staff_lang", "message"), [
    ("nb", "Rad 1 er nærmest, men mangler: E-post, Rolle."),
    ("en", "Row 1 comes closest but is missing: E-mail, Role."),
])
def test_missing_columns_are_named_in_the_readers_language(client, staff, message):
    upload = client.post("/staff/members/import", content_type="multipart/form-data",
                         data={"file": (io.BytesIO(b"navn;telefon\nKari;123\n"), "m.csv")})
    assert upload.status_code == 422
    assert message in html_lib.unescape(upload.get_data(as_text=True))
