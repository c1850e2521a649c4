"""A member list whose row of column names is not the first row is read: association staff's
own exports put a title ("Medlemmer Asker Næringsråd 2026") and blank rows above it, and
Excel's CSV may start with a "sep=;" line. The upload refused both with "missing: E-post,
Navn, Rolle". The preview's line numbers stay the spreadsheet's. When none of the first
rows names the columns, the refusal says what was looked for and where, and nothing is kept."""

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


HEADER = ["Navn", "E-post", "Rolle", "Kommune"]
MEMBERS = [["Pål Ærø", "pal@bedrift.no", "gründer", "Bærum"],
           ["Åsa Øvrebø", "asa@bedrift.no", "gründer", "Asker"],
           ["Pål igjen", "pal@bedrift.no", "gründer", "Bærum"]]
DUPLICATE = {"nb": "Duplikat av linje %d i filen.", "en": "Duplicate of line %d in the file."}


def _csv(rows, delimiter=";") -> bytes:
    return "".join(delimiter.join(row) + "\r\n" for row in rows).encode("utf-8")


def _upload(client, data: bytes, name: str):
    return client.post("/staff/members/import", content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), name)})


TITLE = ["Medlemmer Asker Næringsråd 2026"]
FILES = {
    # a title and a blank row above the names: the first member is on line 4
    "title": ("medlemmer.csv", _csv([TITLE, [], HEADER, *MEMBERS]), 4),
    # as Excel saves such a sheet: every row as wide as the widest, empty cells and all
    "title, Excel": ("medlemmer.csv",
                     _csv([[*TITLE, "", "", ""], ["", "", "", ""], HEADER, *MEMBERS]), 4),
    # Excel's "sep=;" line, which is no row of the sheet
    "sep": ("medlemmer.csv", b"sep=;\r\n" + _csv([HEADER, *MEMBERS]), 2),
    # a delimiter that the names' row alone would not give: commas in the title
    "sep, title": ("medlemmer.csv",
                   b'sep=,\r\nMedlemmer, Asker; 2026\r\n' + _csv([HEADER, *MEMBERS], ","), 3),
    "xlsx": ("medlemmer.xlsx", xlsx({"Medlemmer": [TITLE, [], [], HEADER, *MEMBERS]}), 5),
}


@pytest.mark.parametrize("kind", list(FILES))
def test_the_row_naming_the_columns_is_found_under_a_title(client, staff, staff_lang, kind):
    name, data, first_line = FILES[kind]
    upload = _upload(client, data, name)
    assert upload.status_code == 303, html_lib.unescape(upload.get_data(as_text=True))
    preview = html_lib.unescape(
        client.get("/staff/members/import/preview").get_data(as_text=True))
    assert "Pål Ærø" in preview and "Åsa Øvrebø" in preview
    # the third member repeats the first: said by the first's line in the spreadsheet
    assert DUPLICATE[staff_lang] % first_line in preview
    assert client.post("/staff/members/import/confirm").status_code == 303
    names = dict(db.session.execute(select(User.email, User.name).where(
        User.email.like("%@bedrift.no"))).all())
    assert names == {"pal@bedrift.no": "Pål Ærø", "asa@bedrift.no": "Åsa Øvrebø"}


NOT_FOUND = {
    "nb": "Fant ingen rad med kolonnenavnene E-post, Navn og Rolle blant de første 10 radene "
          "i filen. Rad 3 er nærmest, men mangler: E-post, Rolle.",
    "en": "No row naming the columns E-mail, Name and Role was found in the first 10 rows of "
          "the file. Row 3 comes closest but is missing: E-mail, Role.",
}
NOT_FOUND_SHEET = {
    "nb": "Fant ingen rad med kolonnenavnene E-post, Navn og Rolle blant de første 10 radene "
          "i arbeidsbokens første ark («Ark1»).",
    "en": "No row naming the columns E-mail, Name and Role was found in the first 10 rows of "
          "the workbook's first sheet (“Ark1”).",
}


def _refused(client, data: bytes, name: str) -> str:
    users = db.session.scalar(select(func.count(User.id)))
    response = _upload(client, data, name)
    assert response.status_code == 422
    assert db.session.scalar(select(func.count(User.id))) == users
    assert client.get("/staff/members/import/preview").status_code == 302
    return " ".join(html_lib.unescape(response.get_data(as_text=True)).split())


def test_a_file_without_the_names_says_where_they_were_looked_for(client, staff, staff_lang):
    data = _csv([TITLE, [], ["navn", "telefon"], ["Kari", "123"]])
    assert NOT_FOUND[staff_lang] in _refused(client, data, "medlemmer.csv")


def test_a_workbook_without_the_names_says_which_sheet(client, staff, staff_lang):
    data = xlsx({"Ark1": [TITLE, ["Kari", "kari@bedrift.no", "gründer"]]})
    assert NOT_FOUND_SHEET[staff_lang] in _refused(client, data, "medlemmer.xlsx")


def test_names_further_down_than_the_first_rows_are_not_looked_for(client, staff, staff_lang):
    """A guard: a sheet of notes is not searched for a list under it."""
    data = _csv([*[[f"Notat {n}"] for n in range(10)], HEADER, *MEMBERS])
    assert NOT_FOUND[staff_lang].split(".")[0] in _refused(client, data, "medlemmer.csv")
