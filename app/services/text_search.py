"""Portable full-text-ish search: every word must occur in one of the columns (LIKE); and
the one way to turn typed text into a LIKE pattern, for every search that takes one."""

from __future__ import annotations

from sqlalchemy import and_

from app.models.text_index import search_text

MAX_WORDS = 8


# Said in every LIKE that takes typed text: SQLite has no escape character unless told, and
# PostgreSQL's default (the backslash) is the same one, so both read a pattern alike.
ESCAPE = "\\"


def escape_like(text: str) -> str:
    """`text` for a LIKE pattern: the wildcards % and _, and the escape character itself,
    match only themselves."""
    return text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")


def contains(column, text: str):
    """SQL condition: `column` holds `text` as typed (a "50%" finds "50%", not "500")."""
    return column.like(f"%{escape_like(text)}%", escape=ESCAPE)


def words_match(columns, text: str):
    """SQL condition: each word of text occurs, case-insensitively, in at least one column.

    The columns are read as one lower-cased text (app/models/text_index.py): one LIKE per
    word, the same on SQLite and PostgreSQL, where the table's trigram index on that text
    finds the candidate rows. The wildcards % and _ typed by a user are escaped so they
    match themselves; words shorter than three letters have no trigram and are checked
    row by row (correct, just not helped by the index).
    """
    words = [w for w in text.lower().split() if w][:MAX_WORDS]
    if not words:
        return None
    searched = search_text(*columns)
    return and_(*[contains(searched, word) for word in words])
