"""Reading a member list: a row of an uploaded CSV or .xlsx file names its columns (by key,
alias, or the label the pages use, in bokmål or English) and each further row is one member,
as {column: text}. The row naming them is the first row, or one a little further down under
a title or blank rows, as association staff's own exports have them; in a workbook, on the
first sheet, or on the one sheet that has such a row. Nothing here judges a value;
`member_import_plan.plan` does.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import zipfile
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.services.errors import DomainError
from app.typed_text import single_line

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# How many of a file's first rows are searched for the row naming the columns: a title, a
# date, a blank row or two above it, not a whole sheet of notes.
HEADER_ROWS = 10
REQUIRED = ("email", "name", "role")
COLUMNS = ("email", "name", "role", "municipality", "organisation", "phone", "investor_type",
           "sectors", "stages", "stage", "summary", "past_investments")
ALIASES = {"e-mail": "email", "e-post": "email", "epost": "email", "navn": "name",
           "rolle": "role", "kommune": "municipality", "organization": "organisation",
           "company": "organisation", "selskap": "organisation", "organisasjon": "organisation",
           "telefon": "phone", "mobile": "phone", "investments": "past_investments",
           "tidligere_investeringer": "past_investments", "investeringer": "past_investments"}
# The columns as the pages name them. A file's first row may name a column so, in bokmål or
# English ("Bransjer", "Sectors"), as well as by its key or an alias; the upload page lists
# them in the reader's language.
COLUMN_LABELS = {
    "email": _l("E-mail"), "name": _l("Name"), "role": _l("Role"),
    "municipality": _l("Municipality"), "organisation": _l("Organisation"),
    "phone": _l("Phone"), "investor_type": _l("Investor type"), "sectors": _l("Sectors"),
    "stages": _l("Stages"), "stage": _l("Stage"), "summary": _l("Summary"),
    "past_investments": _l("Past investments"),
}


class BadFile(DomainError):
    """The upload is not a readable CSV or .xlsx member list."""


@dataclass
class Table:
    """A member list as read: its data rows, the names in its row of column names of
    columns the import does not know (their cells are left out), each known column's name
    as the file writes it (messages about a cell name its column so), and each data row's
    line number as the spreadsheet shows it (rows under a title, blank rows left out); of a
    workbook of several sheets, the name of the sheet read."""

    rows: list[dict]
    ignored: list[str]
    headers: dict[str, str] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    sheet: str = ""


def fold(text) -> str:
    """A name as compared: any case, runs of spaces as one."""
    return " ".join(str(text).split()).casefold()


def _column_names() -> dict[str, str]:
    """Every name a first row may give a column, folded, to its key: the key, an alias, and
    its label in every language of the site, with spaces or underscores between words."""
    names = {}
    for locale in current_app.config["LANGUAGES"]:
        with force_locale(locale):
            for key, label in COLUMN_LABELS.items():
                names[fold(label)] = key
    names.update({name.replace(" ", "_"): key for name, key in names.items()})
    names.update(ALIASES)
    names.update({key: key for key in COLUMNS})
    return names


def _header_key(raw, names: dict[str, str]) -> str:
    text = fold(raw or "")
    return names.get(text) or names.get(text.replace(" ", "_")) or text.replace(" ", "_")


def _header_names(cells) -> list[str]:
    """A row's cells as names of columns; they lose control characters as the cells below do."""
    return ["" if raw is None else single_line(str(raw)) for raw in cells]


def _missing(cells, names: dict[str, str]) -> list[str]:
    """The required columns a row does not name."""
    keys = {_header_key(h, names) for h in _header_names(cells)}
    return [c for c in REQUIRED if c not in keys]


def _header_row(matrix: list[list], names: dict[str, str] | None = None) -> int | None:
    """The index of the row naming the columns: the first of the first HEADER_ROWS rows that
    names every required one."""
    names = names or _column_names()
    return next((i for i, cells in enumerate(matrix[:HEADER_ROWS])
                 if not _missing(cells, names)), None)


def _closest(matrix: list[list], names: dict[str, str]) -> tuple[int, list[str]] | None:
    """The line number and missing columns of the first of the first rows that names the most
    required columns, when one names any."""
    best = None
    for index, cells in enumerate(matrix[:HEADER_ROWS]):
        missing = _missing(cells, names)
        if len(missing) < len(REQUIRED) and (best is None or len(missing) < len(best[1])):
            best = (index + 1, missing)
    return best


def _required_labels() -> dict[str, str]:
    return {key: str(COLUMN_LABELS[key]) for key in REQUIRED}


def _and_closest(said: str, matrix: list[list]) -> str:
    """A refusal for want of the row naming the columns, and which row came closest to it."""
    closest = _closest(matrix, _column_names())
    if closest:
        said += " " + _("Row %(row)d comes closest but is missing: %(cols)s.", row=closest[0],
                        cols=", ".join(str(COLUMN_LABELS[c]) for c in closest[1]))
    return said


def _no_header_in_file(matrix: list[list]) -> str:
    """Says where the row naming the columns was looked for in a CSV file, and which row came
    closest to it."""
    said = _("No row naming the columns %(email)s, %(name)s and %(role)s was found in the "
             "first %(n)d rows of the file.", n=HEADER_ROWS, **_required_labels())
    return _and_closest(said, matrix)


def _quoted(sheet: str) -> str:
    return _("“%(sheet)s”", sheet=sheet)


def _no_header_in_workbook(tops: list[tuple[str, list[list]]]) -> str:
    """Says where the row naming the columns was looked for in a workbook (its sheets' names
    and first rows), and which row came closest to it."""
    if len(tops) == 1:
        sheet, matrix = tops[0]
        said = _("No row naming the columns %(email)s, %(name)s and %(role)s was found in the "
                 "first %(n)d rows of the workbook's first sheet (“%(sheet)s”).",
                 n=HEADER_ROWS, sheet=sheet, **_required_labels())
        return _and_closest(said, matrix)
    said = _("No row naming the columns %(email)s, %(name)s and %(role)s was found in the "
             "first %(n)d rows of any of the workbook's sheets (%(sheets)s).", n=HEADER_ROWS,
             sheets=", ".join(_quoted(sheet) for sheet, _top in tops), **_required_labels())
    names = _column_names()
    closest = [(found, sheet) for sheet, top in tops if (found := _closest(top, names))]
    if closest:
        (row, missing), sheet = min(closest, key=lambda item: len(item[0][1]))
        said += " " + _("Row %(row)d of the sheet %(sheet)s comes closest but is missing: "
                        "%(cols)s.", row=row, sheet=_quoted(sheet),
                        cols=", ".join(str(COLUMN_LABELS[c]) for c in missing))
    return said


def _table_from_matrix(matrix: list[list], start: int) -> Table:
    """The rows under the row `start` (the one naming the columns) as a Table."""
    names = _column_names()
    first = _header_names(matrix[start])
    header = [_header_key(h, names) for h in first]
    ignored = [raw.strip() for raw, key in zip(first, header, strict=True)
               if key and key not in COLUMNS]
    headers = {}
    for raw, key in zip(first, header, strict=True):
        if key in COLUMNS:
            headers.setdefault(key, raw.strip())
    rows, lines = [], []
    for line, cells in enumerate(matrix[start + 1:], start=start + 2):
        # Every column is one line of text: a cell loses the control characters a paste
        # brought (app/typed_text.py, as the forms and the API read text); a name left
        # empty so is refused as an empty one is.
        values = {key: ("" if cell is None else single_line(str(cell)).strip())
                  for key, cell in zip(header, cells, strict=False) if key in COLUMNS}
        if any(values.values()):
            rows.append(values)
            lines.append(line)
        if len(rows) > MAX_ROWS:
            raise BadFile(_("At most %(n)d rows per import.", n=MAX_ROWS))
    if not rows:
        raise BadFile(_("The file names the columns but has no members under them."))
    return Table(rows=rows, ignored=ignored, headers=headers, lines=lines)


# Control characters that no text file holds many of: every C0 control but tab, the line
# breaks and the vertical tab and form feed some programs write for a line break in a cell
# (FileMaker's exports, Word's pastes), and DEL.
_BINARY_CONTROLS = frozenset([*map(chr, range(0x20)), "\x7f"]) - set("\t\n\r\x0b\x0c")


def _looks_binary(sample: str) -> bool:
    """Whether the start of a file that decoded as text is binary data after all: more than
    one character in twenty a control character. A stray one in a real list (pasted into a
    cell with a name) is cleaned from its cell as the forms clean typed text
    (app/typed_text.py), not taken for a sign of binary data."""
    controls = sum(1 for char in sample if char in _BINARY_CONTROLS)
    return controls * 20 > len(sample)


def _decode(data: bytes) -> str:
    """A text file's characters: UTF-16 after its byte order mark (Excel's "Unicode Text",
    LibreOffice's UTF-16 CSV, where every other byte of a Latin letter is a NUL), else UTF-8
    (with or without a BOM), else Windows-1252 (Excel's older "CSV" on a Norwegian Windows).
    A NUL among the characters is binary data."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise BadFile(_("This is not a CSV or Excel (.xlsx) file.")) from error
    if "\x00" in text:
        raise BadFile(_("This is not a CSV or Excel (.xlsx) file."))
    return text


def _sep_line(text: str) -> tuple[str | None, str]:
    """Excel's "sep=;" first line, which names the delimiter and is no row of the sheet
    (Excel reads it so and shows the rows under it): the delimiter it names, and the text
    under it. (None, the text) when there is none."""
    first, _newline, rest = text.partition("\n")
    line = first.strip().strip('"')
    if line.lower().startswith("sep=") and len(line) == 5 and line[4] not in "\"\r\n":
        return line[4], rest
    return None, text


def _rows(text: str, delimiter: str, limit: int | None = None) -> list[list]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return list(itertools.islice(reader, limit) if limit else reader)


def _read_csv(data: bytes) -> list[list]:
    """A CSV or text file's rows, split on the delimiter a "sep=" line names, else on the one
    of comma, semicolon and tab with which one of the first rows names the columns (the one
    the first rows hold most of when none does)."""
    text = _decode(data)
    if _looks_binary(text[:4096]):
        raise BadFile(_("This is not a CSV or Excel (.xlsx) file."))
    delimiter, text = _sep_line(text)
    try:
        if delimiter is None:
            # A title row above the names has no delimiter or a different count of them, so
            # csv.Sniffer, which wants nine lines in ten to agree, gives up on such a file:
            # each candidate is tried on the first rows instead.
            sample = "\n".join(text.splitlines()[:HEADER_ROWS])
            candidates = sorted(",;\t", key=sample.count, reverse=True)
            names = _column_names()
            delimiter = next((d for d in candidates
                              if _header_row(_rows(text, d, HEADER_ROWS), names) is not None),
                             candidates[0])
        return _rows(text, delimiter)
    except csv.Error as error:
        raise BadFile(_("The CSV file could not be read: %(error)s", error=error)) from error


def _excel_text(text: str) -> str:
    """A cell's text as typed: Excel writes a control character as an escape ("_x000B_" for
    a vertical tab, "_x005F_" for an underscore before "x0…"), which openpyxl's reader keeps
    as it is. Decoded (openpyxl's own unescape), the control characters are then cleaned from
    the cell as a CSV's are. An escape naming half of a UTF-16 pair is joined with its other
    half; one left alone (no database stores it) becomes U+FFFD. (From the shared strings
    Excel writes, openpyxl has dropped an escaped underscore's "x005F_" already: text typed
    as "_x000B_" itself reads as the escape, and goes.)"""
    from openpyxl.utils.escape import unescape

    text = unescape(text)
    if any("\ud800" <= char <= "\udfff" for char in text):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def _sheet_rows(sheet, limit: int | None = None) -> list[list]:
    matrix = []
    for row in sheet.iter_rows(max_row=limit, values_only=True):
        matrix.append([_excel_text(cell) if isinstance(cell, str) else cell for cell in row])
        if len(matrix) > MAX_ROWS + HEADER_ROWS:
            raise BadFile(_("At most %(n)d rows per import.", n=MAX_ROWS))
    return matrix


def _read_xlsx(data: bytes) -> Table:
    """A workbook's member list: on its first sheet when that has a row naming the columns
    (whatever the others hold, as before), else on the one sheet that has one. A list on a
    later sheet is what a user means when it is the only one; of several, which is meant
    cannot be told, and the refusal names them."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise BadFile(_("The Excel file could not be read.")) from error
    try:
        sheets = book.worksheets
        tops = [(sheet, _sheet_rows(sheet, HEADER_ROWS)) for sheet in sheets]
        if not any(top for _sheet, top in tops):
            raise BadFile(_("The file is empty."))
        names = _column_names()
        found = [(sheet, start) for sheet, top in tops
                 if (start := _header_row(top, names)) is not None]
        if not found:
            raise BadFile(_no_header_in_workbook([(s.title, top) for s, top in tops]))
        if found[0][0] is not sheets[0] and len(found) > 1:
            raise BadFile(_(
                "Several sheets have a row naming the columns %(email)s, %(name)s and "
                "%(role)s: %(sheets)s. Move the member list to the first sheet, or delete the "
                "other sheets, and upload the workbook again.",
                sheets=", ".join(_quoted(sheet.title) for sheet, _start in found),
                **_required_labels()))
        sheet, start = found[0]
        table = _table_from_matrix(_sheet_rows(sheet), start)
        if len(sheets) > 1:
            table.sheet = sheet.title
        return table
    finally:
        book.close()


def too_large_text() -> str:
    """The import's own limit, said by the form of a file over it and by the page of one
    over the site's body limit (app/errors.py), which would otherwise name the larger one."""
    return _("The file is larger than %(mb)d MB.", mb=MAX_BYTES // (1024 * 1024))


def read_upload(filename: str, data: bytes) -> Table:
    """An uploaded CSV or .xlsx file's data rows as {column: text}, and the columns of its
    row of column names that the import does not read."""
    if not data:
        raise BadFile(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise BadFile(too_large_text())
    name = (filename or "").lower()
    if data[:4] == b"PK\x03\x04":
        if not name.endswith((".xlsx", ".xlsm")):
            raise BadFile(_("Upload a CSV file or an Excel workbook (.xlsx)."))
        return _read_xlsx(data)
    if name.endswith(".xls"):
        # Excel 97–2003's binary format, which openpyxl does not read; every Excel since
        # saves the same sheet as .xlsx in two clicks, and staff are told those two.
        raise BadFile(_("This is an older Excel workbook (.xls), which Koble cannot read. "
                        "Open it in Excel, choose File → Save As, save it as “Excel Workbook "
                        "(.xlsx)” or “CSV UTF-8 (Comma delimited)”, and upload that "
                        "file."))
    if not name.endswith((".csv", ".txt")):
        raise BadFile(_("Upload a CSV file or an Excel workbook (.xlsx)."))
    matrix = _read_csv(data)
    if not matrix:
        raise BadFile(_("The file is empty."))
    start = _header_row(matrix)
    if start is None:
        raise BadFile(_no_header_in_file(matrix))
    return _table_from_matrix(matrix, start)


def read_table(filename: str, data: bytes) -> list[dict]:
    """The data rows of an uploaded CSV or .xlsx file as {column: text}."""
    return read_upload(filename, data).rows
