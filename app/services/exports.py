"""CSV exports that are safe to open in a spreadsheet.

A cell that begins with = + - @ TAB or CR is a formula to Excel, LibreOffice and Google
Sheets (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`); `safe_cell` puts a single quote in front
so it is shown as text. Every CSV the app serves goes through `csv_response`.

A CSV downloaded in bokmål is written as a Norwegian spreadsheet reads it: Excel with
Norwegian regional settings splits a double-clicked CSV on its list separator, the
semicolon, and reads a decimal comma (with commas, every row landed in column A, and a value
like 1.5 turned into the date 1 May). In English commas and points. The command line writes
the dialect of the language its headers are in (the site's default), as the web does.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from flask import Response
from flask_babel import get_locale

from app.models.arena import LOCAL_TZ

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def safe_cell(value, decimal_comma: bool = False) -> str:
    """A value as CSV text, neutralised if a spreadsheet would read it as a formula."""
    text = cell_text(value, decimal_comma)
    if not isinstance(value, int | float) and text.startswith(FORMULA_START):
        return "'" + text  # a plain number (also negative) is not a formula
    return text


def cell_text(value, decimal_comma: bool = False) -> str:
    """A value as the text a cell shows (no formula guard)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        # stored in UTC (naive on SQLite, aware on PostgreSQL): shown on the associations'
        # clock, to the minute, as the pages show times
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and decimal_comma:
        return str(value).replace(".", ",")
    return str(value)


def csv_text(header: Iterable, rows: Iterable[Iterable], norwegian: bool = False) -> str:
    """The CSV text: a header row and the rows, every cell through `safe_cell`; `norwegian`
    separates cells with semicolons and writes decimal commas."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if norwegian else ",", lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell, decimal_comma=norwegian) for cell in row])
    return out.getvalue()


def norwegian_csv() -> bool:
    """Whether a CSV written now is in bokmål, so in the Norwegian dialect (";", 1,5)."""
    return str(get_locale()) == "nb"


def csv_response(filename: str, header: Iterable, rows: Iterable[Iterable]) -> Response:
    """A CSV download (UTF-8 with BOM so Excel reads æøå) with a safe file name."""
    name = _SAFE_NAME.sub("-", filename).strip("-") or "export.csv"
    if not name.endswith(".csv"):
        name += ".csv"
    body = "\ufeff" + csv_text(header, rows, norwegian=norwegian_csv())
    response = Response(body.encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def xlsx_bytes(header: Iterable, rows: Iterable[Iterable], title: str = "Koble") -> bytes:
    """An .xlsx workbook of one sheet. Numbers stay numbers; every other cell is stored as a
    text cell, which a spreadsheet shows as it is and never runs as a formula, so unlike the
    CSV it needs no quote in front ("+47 …" phone numbers read as written)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_SAFE_NAME.sub(" ", title)[:31] or "Koble")

    def text(value):
        cell = WriteOnlyCell(sheet, value=cell_text(value))
        cell.data_type = "s"  # openpyxl would make a string that begins with = a formula
        return cell

    sheet.append([text(h) for h in header])
    for row in rows:
        sheet.append([cell if isinstance(cell, int | float) and not isinstance(cell, bool)
                      else text(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str, header: Iterable, rows: Iterable[Iterable]) -> Response:
    """An .xlsx download with a safe file name."""
    name = _SAFE_NAME.sub("-", filename).strip("-") or "export.xlsx"
    if not name.endswith(".xlsx"):
        name += ".xlsx"
    response = Response(xlsx_bytes(header, rows, title=name[:-5]), mimetype=XLSX_MIMETYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def download(fmt: str, basename: str, header: Iterable, rows: Iterable[Iterable]) -> Response:
    """A CSV or .xlsx download of the same rows."""
    if fmt == "xlsx":
        return xlsx_response(f"{basename}.xlsx", header, rows)
    return csv_response(f"{basename}.csv", header, rows)
