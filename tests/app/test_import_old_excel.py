"""An old Excel workbook (.xls, Excel 97–2003's binary format) is refused with how to save it
as one the import reads, not only "Upload a CSV file or an Excel workbook (.xlsx)", which
left staff holding an Excel file wondering what is wrong with it. Nothing is kept."""

from __future__ import annotations

import html as html_lib
import io

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import User


@pytest.fixture(params=["nb", "en"])
def staff_lang(request) -> str:
    return request.param


# The start of a compound file (OLE2), as every .xls is; the import reads no further.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
SAVE_AS = {
    "nb": "Dette er en eldre Excel-arbeidsbok (.xls), som Koble ikke kan lese. Åpne den i "
          "Excel, velg Fil → Lagre som, lagre den som «Excel-arbeidsbok (.xlsx)» eller «CSV "
          "UTF-8 (kommadelt)», og last opp den filen.",
    "en": "This is an older Excel workbook (.xls), which Koble cannot read. Open it in Excel, "
          "choose File → Save As, save it as “Excel Workbook (.xlsx)” or “CSV UTF-8 (Comma "
          "delimited)”, and upload that file.",
}
NOT_READ = {"nb": "Last opp en CSV-fil eller en Excel-arbeidsbok (.xlsx).",
            "en": "Upload a CSV file or an Excel workbook (.xlsx)."}


def _refused(client, data: bytes, name: str) -> str:
    users = db.session.scalar(select(func.count(User.id)))
    response = client.post("/staff/members/import", content_type="multipart/form-data",
                           data={"file": (io.BytesIO(data), name)})
    assert response.status_code == 422
    assert db.session.scalar(select(func.count(User.id))) == users
    assert client.get("/staff/members/import/preview").status_code == 302
    return " ".join(html_lib.unescape(response.get_data(as_text=True)).split())


@pytest.mark.parametrize(("name", "data"), [
    ("Medlemmer 2026.xls", OLE2),
    ("MEDLEMMER.XLS", OLE2),
    # an "Excel" export of an older member system: a web page or text named .xls
    ("eksport.xls", b"<html><table><tr><td>Navn</td></tr></table></html>"),
])
def test_an_old_excel_file_is_told_how_to_save_it(client, staff, staff_lang, name, data):
    page = _refused(client, data, name)
    assert SAVE_AS[staff_lang] in page
    assert NOT_READ[staff_lang] not in page


@pytest.mark.parametrize("name", ["notat.doc", "medlemmer.pdf"])
def test_other_files_are_refused_as_before(client, staff, staff_lang, name):
    """A guard: a Word file (a compound file too) is not called an Excel workbook."""
    page = _refused(client, OLE2, name)
    assert NOT_READ[staff_lang] in page and SAVE_AS[staff_lang] not in page
