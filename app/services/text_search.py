"""Portable full-text-ish search: every word must occur in one of the columns (LIKE)."""

from __future__ import annotations

from sqlalchemy import and_

from app.models.text_index import search_text

MAX_WORDS = 8


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
    return and_(*[searched.like(f"%{_escape(word)}%", escape="\\") for word in words])
