"""CSV exports that are safe to open in a spreadsheet.

A cell that begins with = + - @ TAB or CR is a formula to Excel, LibreOffice and Google
Sheets (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`); `safe_cell` puts a single quote in front
so it is shown as text. Every CSV the app serves goes through `csv_response`.

A CSV downloaded in bokmål is written as a Norwegian spreadsheet reads it: Excel with
Norwegian regional settings splits a double-clicked CSV on its list separator, the
semicolon, and reads a decimal comma (with commas, every row landed in column A, and a value
like 1.5 turned into the date 1 May). In English commas and points. The command line writes
the dialect of the language its headers are in (the site's default), as the web does.

An .xlsx holds typed cells: numbers as numbers, times and dates as Excel dates (on the
associations' clock, to the minute, as the CSV writes them) and a `Percent` as a fraction
with a percent format, so a spreadsheet sorts, sums and filters them without converting text.

A download's file name is in the reader's language, as its headers are ("medlemmer.csv",
"members.csv"): the callers take it from the catalogues (pgettext "file name"). A bokmål
name may hold æ, ø or å ("møter"): `attachment` sends it as RFC 6266's filename* (UTF-8),
which browsers use, with a plain ASCII filename beside it for any client that does not
(curl -J reads only that one). Werkzeug writes the header (`dump_options_header`: quoting,
parameters); the ASCII name is ours, because the one werkzeug's send_file makes drops every
letter Unicode cannot decompose: "mter.csv" for "møter.csv", "brekraft" for "bærekraft".
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, date, datetime, time
from urllib.parse import quote

from flask import Response
from flask_babel import get_locale
from werkzeug.http import dump_options_header

from app.models.arena import LOCAL_TZ

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# a file name in any language: letters (æøå too), digits, "_", "." and "-"
_NAME = re.compile(r"[^\w.-]+")
_ASCII_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})
_ATTR_CHAR = "!#$&+-.^_`|~"  # RFC 8187's attr-char, left as it is in filename* (werkzeug's)


def file_name(name: str, suffix: str) -> str:
    """`name` as a download's file name ending in `suffix`: anything but letters, digits,
    "_", "." and "-" made a "-" (no quote, slash or line break reaches the header)."""
    name = _NAME.sub("-", name).strip("-") or "export"
    return name if name.endswith(suffix) else name + suffix


def ascii_name(name: str) -> str:
    """`name` in ASCII letters, as a reader would spell it: æ ø å as "ae", "o", "a", other
    accents dropped ("café" → "cafe"), anything else a "-"."""
    name = unicodedata.normalize("NFKD", name.translate(_ASCII_LETTERS))
    name = name.encode("ascii", "ignore").decode("ascii")
    return _SAFE_NAME.sub("-", name).strip("-") or "export"


def attachment(name: str) -> str:
    """The Content-Disposition of a download called `name` (`file_name`), written by
    werkzeug: the name itself when it is ASCII; else `ascii_name` ("moter" for "møter") as
    filename and the name as filename* (RFC 6266, UTF-8, percent-encoded as werkzeug's
    send_file does), which browsers prefer."""
    plain = ascii_name(name)
    if plain == name:
        return dump_options_header("attachment", {"filename": name})
    encoded = "UTF-8''" + quote(name, safe=_ATTR_CHAR)
    return dump_options_header("attachment", {"filename": plain, "filename*": encoded})


class Percent(int):
    """A whole percent as the pages show it (81 for "81 %"). A CSV writes the number (81, its
    header says "(%)"); an .xlsx writes the fraction with a percent format (0.81 shown as
    81 %), so Excel computes with it as with any percent and shows what the page shows."""

    __slots__ = ()


def local_minute(value: datetime) -> datetime:
    """A stored time (UTC: naive on SQLite, aware on PostgreSQL) on the associations' clock,
    to the minute, as the pages show times; naive, as a spreadsheet cell holds it."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL_TZ).replace(second=0, microsecond=0, tzinfo=None)


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
        return local_minute(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):  # a time of day on the associations' clock (a slot's start)
        return value.strftime("%H:%M")
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
    """A CSV download (UTF-8 with BOM so Excel reads æøå) with a safe file name (`filename`,
    in the reader's language)."""
    name = file_name(filename, ".csv")
    body = "\ufeff" + csv_text(header, rows, norwegian=norwegian_csv())
    response = Response(body.encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = attachment(name)
    response.headers["Cache-Control"] = "no-store"
    return response


def xlsx_bytes(header: Iterable, rows: Iterable[Iterable], title: str = "Koble") -> bytes:
    """An .xlsx workbook of one sheet. Numbers stay numbers, dates and times are date cells
    (local, to the minute), a `Percent` is a fraction shown as a percent; every other cell is
    stored as a text cell, which a spreadsheet shows as it is and never runs as a formula, so
    unlike the CSV it needs no quote in front ("+47 …" phone numbers read as written), and
    without the invisible control characters a workbook cannot hold (the CSV keeps them)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_NAME.sub(" ", title)[:31] or "Koble")

    def formatted(value, number_format: str):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = number_format
        return cell

    def text(value):
        # (a C0 control but tab and line breaks, which XML 1.0 cannot hold: openpyxl refuses
        # the cell, and the whole download failed, for one stored in a title or a name)
        cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", cell_text(value)))
        cell.data_type = "s"  # openpyxl would make a string that begins with = a formula
        return cell

    def typed(value):
        if isinstance(value, Percent):
            return formatted(int(value) / 100, "0%")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        if isinstance(value, datetime):
            return formatted(local_minute(value), "yyyy-mm-dd hh:mm")
        if isinstance(value, date):
            return formatted(value, "yyyy-mm-dd")
        if isinstance(value, time):
            return formatted(value, "hh:mm")
        return text(value)

    sheet.append([text(h) for h in header])
    for row in rows:
        sheet.append([typed(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str, header: Iterable, rows: Iterable[Iterable]) -> Response:
    """An .xlsx download with a safe file name."""
    name = file_name(filename, ".xlsx")
    response = Response(xlsx_bytes(header, rows, title=name[:-5]), mimetype=XLSX_MIMETYPE)
    response.headers["Content-Disposition"] = attachment(name)
    response.headers["Cache-Control"] = "no-store"
    return response


def download(fmt: str, basename: str, header: Iterable, rows: Iterable[Iterable]) -> Response:
    """A CSV or .xlsx download of the same rows; `basename`: the file's name without its
    suffix, in the reader's language."""
    if fmt == "xlsx":
        return xlsx_response(f"{basename}.xlsx", header, rows)
    return csv_response(f"{basename}.csv", header, rows)
