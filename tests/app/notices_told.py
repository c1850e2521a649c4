"""Who has been told what: the in-app notices, read fresh from the database."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Notification


def told(kind: str | None = None) -> dict[int, list[Notification]]:
    """user id → their notices (of one kind), oldest first."""
    db.session.expire_all()
    query = select(Notification).order_by(Notification.id)
    if kind:
        query = query.where(Notification.kind == kind)
    out: dict[int, list[Notification]] = {}
    for note in db.session.scalars(query):
        out.setdefault(note.user_id, []).append(note)
    return out


def told_kinds(kind: str | None = None) -> dict[int, list[str]]:
    """user id → the kinds of their notices (of one kind), oldest first."""
    return {user_id: [note.kind for note in notes] for user_id, notes in told(kind).items()}
