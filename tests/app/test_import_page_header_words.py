"""The member import's upload page says where the row naming the columns may be, as the import
reads it now (25fd793, 62d709b): one of the first rows, under a title or blank rows, and in a
workbook on the first sheet or on the only sheet that has one. The page and the file field's
hint still said the file needed "a first row that names the columns" (nb "en første rad"),
which sent staff to delete the title rows of their own exports for nothing."""

from __future__ import annotations

import html

import pytest

from app.services.member_files import HEADER_ROWS

SAYS = {
    "en": (f"One of the first {HEADER_ROWS} rows names the columns, in bokmål or English; a "
           "title or blank rows may stand above it. In a workbook the list is read from the "
           "first sheet, or from the only sheet that has such a row.",
           "One member per row, under the row that names the columns (see “Columns” below)."),
    "nb": (f"En av de første {HEADER_ROWS} radene navngir kolonnene, på bokmål eller engelsk; "
           "over den kan det stå en tittel eller tomme rader. I en arbeidsbok leses listen fra "
           "det første arket, eller fra det eneste arket som har en slik rad.",
           "Ett medlem per rad, under raden som navngir kolonnene (se «Kolonner» nedenfor)."),
}
OLD = {"en": "first row", "nb": "første rad"}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_upload_page_says_where_the_column_names_may_be(client, staff, lang):
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get("/staff/members/import").get_data(as_text=True))
    where, hint = SAYS[lang]
    assert where in page
    assert hint in page
    assert OLD[lang] not in page.lower()
