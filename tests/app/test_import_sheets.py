"""A workbook whose member list is not on its first sheet (a "Les meg" sheet of instructions
in front of it) is read from the one sheet that has the column names, and the preview says
which sheet it read. The import read only the first sheet and refused the workbook with
"missing: E-post, Navn, Rolle". When several later sheets have the names, or none has, the
refusal says so, naming the sheets, and nothing is kept."""

from __future__ import annotations

import html as html_lib
import io

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import User
from tests.app.workbooks import xlsx


@pytest.fixture(params=["nb", "en"])
def staff_lang(request) -> str:
    return request.param


HEADER = ["Navn", "E-post", "Rolle"]
MEMBERS = [["Pål Ærø", "pal@bedrift.no", "gründer"], ["Åsa Øvrebø", "asa@bedrift.no", "gründer"]]
README = [["Slik fyller du ut listen"], ["Én rad per medlem."]]
READ_FROM = {"nb": "Lest fra arket «%s», det som har kolonnenavnene.",
             "en": "Read from the sheet “%s”, the one with the column names."}


def _upload(client, data: bytes):
    return client.post("/staff/members/import", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), "medlemmer.xlsx")})


def _imported() -> dict[str, str]:
    return dict(db.session.execute(select(User.email, User.name).where(
        User.email.like("%@bedrift.no"))).all())


@pytest.mark.parametrize("sheets", [
    {"Les meg": README, "Medlemmer": [HEADER, *MEMBERS]},
    {"Les meg": README, "Medlemmer": [["Medlemmer 2026"], [], HEADER, *MEMBERS],
     "Koder": [["gründer"], ["investor"]]},
])
def test_the_one_sheet_with_the_names_is_read(client, staff, staff_lang, sheets):
    upload = _upload(client, xlsx(sheets))
    assert upload.status_code == 303, html_lib.unescape(upload.get_data(as_text=True))
    preview = html_lib.unescape(
        client.get("/staff/members/import/preview").get_data(as_text=True))
    assert READ_FROM[staff_lang] % "Medlemmer" in preview
    assert "Pål Ærø" in preview and "Åsa Øvrebø" in preview
    assert client.post("/staff/members/import/confirm").status_code == 303
    assert _imported() == {"pal@bedrift.no": "Pål Ærø", "asa@bedrift.no": "Åsa Øvrebø"}


def test_the_first_sheet_with_the_names_is_read_before_the_others(client, staff, staff_lang):
    """The first sheet, as before, though a later sheet (last year's list) has the names too;
    the preview says which sheet that was."""
    old = [HEADER, ["Gammel Medlem", "gammel@bedrift.no", "gründer"]]
    upload = _upload(client, xlsx({"2026": [HEADER, *MEMBERS], "2025": old}))
    assert upload.status_code == 303
    preview = html_lib.unescape(
        client.get("/staff/members/import/preview").get_data(as_text=True))
    assert READ_FROM[staff_lang] % "2026" in preview
    assert "Pål Ærø" in preview and "Gammel Medlem" not in preview


def test_a_single_sheet_is_not_named_in_the_preview(client, staff, staff_lang):
    """A guard: a workbook of one sheet reads as before."""
    assert _upload(client, xlsx({"Ark1": [HEADER, *MEMBERS]})).status_code == 303
    preview = client.get("/staff/members/import/preview").get_data(as_text=True)
    assert "Pål Ærø" in preview and 'id="import-sheet"' not in preview


def _refused(client, data: bytes) -> str:
    users = db.session.scalar(select(func.count(User.id)))
    response = _upload(client, data)
    assert response.status_code == 422
    assert db.session.scalar(select(func.count(User.id))) == users
    assert client.get("/staff/members/import/preview").status_code == 302
    return " ".join(html_lib.unescape(response.get_data(as_text=True)).split())


SEVERAL = {
    "nb": "Flere ark har en rad med kolonnenavnene E-post, Navn og Rolle: «2026», «2025». "
          "Flytt medlemslisten til det første arket, eller slett de andre arkene, og last opp "
          "arbeidsboken på nytt.",
    "en": "Several sheets have a row naming the columns E-mail, Name and Role: “2026”, “2025”. "
          "Move the member list to the first sheet, or delete the other sheets, and upload the "
          "workbook again.",
}


def test_several_later_sheets_with_the_names_are_named(client, staff, staff_lang):
    data = xlsx({"Les meg": README, "2026": [HEADER, *MEMBERS], "2025": [HEADER, *MEMBERS]})
    assert SEVERAL[staff_lang] in _refused(client, data)


NONE = {
    "nb": "Fant ingen rad med kolonnenavnene E-post, Navn og Rolle blant de første 10 radene i "
          "noen av arbeidsbokens ark («Les meg», «Medlemmer»). Rad 2 i arket «Medlemmer» er "
          "nærmest, men mangler: Rolle.",
    "en": "No row naming the columns E-mail, Name and Role was found in the first 10 rows of "
          "any of the workbook's sheets (“Les meg”, “Medlemmer”). Row 2 of the sheet "
          "“Medlemmer” comes closest but is missing: Role.",
}


def test_a_workbook_without_the_names_says_which_sheets(client, staff, staff_lang):
    data = xlsx({"Les meg": README,
                  "Medlemmer": [["Medlemmer 2026"], ["Navn", "E-post", "Kommune"]]})
    assert NONE[staff_lang] in _refused(client, data)
