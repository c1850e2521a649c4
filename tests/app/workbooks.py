"""Workbooks as an upload sends them, for the member import's tests."""

from __future__ import annotations

import io

from openpyxl import Workbook


def xlsx(sheets: dict[str, list]) -> bytes:
    """An .xlsx with one sheet per entry of `sheets` ({title: rows}), in that order."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
