"""Alphabetical order as Norwegian readers expect it, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func

# Spelled as letters after "z", the three last letters of the Norwegian alphabet come last
# and in their order (Æ, Ø, Å) under both databases: SQLite compares bytes (Å < Æ < Ø) and
# its lower() leaves them upper case; PostgreSQL's usual en_US collation files Å under A, Æ as
# AE and Ø as O.
_LAST_LETTERS = (("Æ", "zzza"), ("æ", "zzza"), ("Ø", "zzzb"), ("ø", "zzzb"),
                 ("Å", "zzzc"), ("å", "zzzc"))


def norwegian_order(column):
    """An ORDER BY key for a text column: case-blind, Æ, Ø, Å after Z."""
    for letter, spelled in _LAST_LETTERS:
        column = func.replace(column, letter, spelled)
    return func.lower(column)
