"""What every loader step shares: the context with the ids made so far, chunking, and an
insert that hands back the new ids in order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import insert

from app.demo.run import DemoData
from app.extensions import db

CHUNK = 1000


@dataclass
class LoadContext:
    """What every step needs: the data, the shared hash, ids made so far, progress."""

    data: DemoData
    password_hash: str
    progress: Callable[[int], None] = lambda _n: None
    association_ids: dict[str, int] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)  # e-mail → id
    pitch_ids: list[int] = field(default_factory=list)  # by position in data.pitches
    profile_ids: dict[str, int] = field(default_factory=dict)  # investor's e-mail → id
    arena_ids: list[int] = field(default_factory=list)  # by position in data.arenas
    meeting_ids: list[int] = field(default_factory=list)  # by position in data.meetings


def chunks(rows: list[dict], size: int = CHUNK) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def inserted(model, rows: list[dict]) -> list[int]:
    """Insert the rows through the table; their new ids, in the rows' order."""
    if not rows:
        return []
    table = model.__table__
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(db.session.scalars(statement, rows))
