"""What the arena-times tests read back from the database, whichever door (page, API, CLI)
set the times."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Invitation, Meeting


def stored(invitation_id: int) -> tuple:
    """The invitation's (arrive_slot, leave_slot, meeting_cap) as saved."""
    db.session.expire_all()
    inv = db.session.get(Invitation, invitation_id)
    return inv.arrive_slot, inv.leave_slot, inv.meeting_cap


def audits() -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).filter_by(action="availability_set")))


def active(arena_id: int) -> list[Meeting]:
    """The arena's meetings that still stand."""
    db.session.expire_all()
    return list(db.session.scalars(
        select(Meeting).filter_by(arena_id=arena_id, state="scheduled")))
