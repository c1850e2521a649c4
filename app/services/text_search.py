"""Portable full-text-ish search: every word must occur in one of the columns (LIKE)."""

from __future__ import annotations

from sqlalchemy import and_, func, or_

MAX_WORDS = 8


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def words_match(columns, text: str):
    """SQL condition: each word of text occurs, case-insensitively, in at least one column.

    LIKE over lower() works the same on SQLite and PostgreSQL; the wildcards % and _ typed
    by a user are escaped so they match themselves.
    """
    words = [w for w in text.lower().split() if w][:MAX_WORDS]
    if not words:
        return None
    conditions = []
    for word in words:
        pattern = f"%{_escape(word)}%"
        conditions.append(or_(*[func.lower(column).like(pattern, escape="\\")
                                for column in columns]))
    return and_(*conditions)
