"""A member list with a stray control character is read, the character cleaned from its
cell as typed text is (app/typed_text.py); a binary file is still refused with a message.

The CSV upload refused a whole file as "not a CSV or Excel (.xlsx) file" when its first
4,096 characters held one control character (a name pasted with one). An .xlsx cell's
control character arrived as Excel's escape ("_x000B_"), which openpyxl keeps: it was
saved so, in the name."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.extensions import db
from app.models import User
from app.services import member_files
from tests.app.security.checksum import checksum
from tests.app.security.principals import logged_in_client
from tests.factories import make_user

NOT_A_LIST = {"nb": "Dette er ikke en CSV- eller Excel-fil (.xlsx).",
              "en": "This is not a CSV or Excel (.xlsx) file."}


def _staff(app, lang):
    client = logged_in_client(app, make_user("staff", association="asker", locale=lang))
    client.post("/language", data={"lang": lang})
    return client


def _upload(client, data: bytes, name: str):
    return client.post("/staff/members/import", data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def _imported(client) -> dict[str, str]:
    preview = client.get("/staff/members/import/preview").get_data(as_text=True)
    assert 'class="import-reject"' not in preview
    assert client.post("/staff/members/import/confirm").status_code == 303
    return dict(db.session.execute(select(User.email, User.name).where(
        User.email.like("%@bedrift.no"))).all())


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_csv_with_a_stray_control_character_is_read_and_cleaned(app, lang):
    client = _staff(app, lang)
    # one in a name, one in the first row's name of a column, near the top of the file
    data = _csv(["email", "navn\x1b", "role"],
                [["ola@bedrift.no", "Ola\x01 Nordmann", "founder"],
                 ["kari@bedrift.no", "Kari Nordmann", "founder"]])
    response = _upload(client, data, "medlemmer.csv")
    assert response.status_code == 303, response.get_data(as_text=True)
    assert _imported(client) == {"ola@bedrift.no": "Ola Nordmann",
                                 "kari@bedrift.no": "Kari Nordmann"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_csv_with_a_few_control_characters_in_many_names_is_read(app, lang):
    client = _staff(app, lang)
    rows = [[f"medlem{i}@bedrift.no", f"Medlem\x02 {i}\x7f", "founder"] for i in range(30)]
    assert _upload(client, _csv(["email", "name", "role"], rows), "m.csv").status_code == 303
    names = _imported(client)
    assert len(names) == 30 and names["medlem7@bedrift.no"] == "Medlem 7"


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("data", [
    bytes(range(1, 32)) * 40 + b"email;name;role\n",  # binary without a NUL, read as text
    b"email;name;role\n" + bytes(range(1, 9)) * 20,
    b"\x00\x01\x02\xff\xfe binary",
])
def test_a_binary_file_named_csv_is_still_refused(app, lang, data):
    """A guard: these were refused before too, with the same words."""
    client = _staff(app, lang)
    before = checksum()
    response = _upload(client, data, "medlemmer.csv")
    assert response.status_code == 422
    assert NOT_A_LIST[lang] in response.get_data(as_text=True)
    assert checksum() == before


def _xlsx(rows: list[list[str]]) -> bytes:
    """A workbook whose cells hold Excel's escapes as Excel writes them: openpyxl writes
    "_x000B_" as it is (and refuses a control character itself)."""
    book = Workbook()
    sheet = book.active
    sheet.append(["email", "name", "role", "organisation"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_excel_escapes_in_a_cell_are_cleaned_as_control_characters(app, lang):
    client = _staff(app, lang)
    data = _xlsx([["ola@bedrift.no", "Ola_x0001_ Nord_x000B_mann", "founder", ""],
                  ["kari@bedrift.no", "Kari_x0009_Nordmann_x001B_", "founder", ""]])
    response = _upload(client, data, "medlemmer.xlsx")
    assert response.status_code == 303, response.get_data(as_text=True)
    assert _imported(client) == {"ola@bedrift.no": "Ola Nordmann",
                                 "kari@bedrift.no": "Kari Nordmann"}


def test_excel_escapes_decode_as_excel_means_them(app):
    data = _xlsx([["ola@bedrift.no", "Ola Nordmann", "investor",
                   "Sol_x005F_x000B_ AS_xD83D__xDE00__xD800_"]])
    with app.test_request_context():
        [row] = member_files.read_upload("m.xlsx", data).rows
    # an escaped underscore keeps the text after it; a UTF-16 pair is one character and
    # half of one (which no database stores) the replacement character
    assert row["organisation"] == "Sol_x000B_ AS\U0001F600\ufffd"
    assert not re.search("[\ud800-\udfff]", row["organisation"])
