"""Column types shared by the models."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import String, Text, literal
from sqlalchemy.types import TypeDecorator


class TagList(TypeDecorator):
    """A list of vocabulary keys stored as "|a|b|", so a LIKE filter works on any database."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Iterable[str] | None, dialect) -> str:
        items = [v for v in (value or []) if v]
        return "|" + "|".join(items) + "|" if items else ""

    def process_result_value(self, value: str | None, dialect) -> list[str]:
        if not value:
            return []
        return [v for v in value.strip("|").split("|") if v]


def has_tag(column, key: str):
    """SQL condition: the TagList column holds the key."""
    # A plain string pattern: bound with TagList it would be turned into a tag list itself.
    return column.like(literal(f"%|{key}|%", String()))


__all__ = ["TagList", "has_tag", "String"]
