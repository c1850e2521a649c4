"""After the arena: staff mark who came."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation, User
from app.models.arena import LOCAL_TZ
from app.services import audit
from app.services.collation import norwegian_order
from app.services.errors import DomainError, NotFound

MARKABLE_STATUSES = ("scheduled", "done")


class AttendanceClosed(DomainError):
    """A mark refused because nobody at the arena can be marked yet; its message is
    `closed_because`'s reason, which the attendance page already states in place of the
    buttons, so the route tells this refusal apart by its type, not by its words."""


def closed_because(arena: Arena, now: datetime | None = None) -> str | None:
    """Why nobody at the arena can be marked present or absent yet, or None when they can.
    The attendance page says it in place of the buttons, and `mark` refuses with it."""
    if arena.status == "cancelled":
        return _("The arena is cancelled, so nobody can be marked present or absent.")
    if arena.status not in MARKABLE_STATUSES:
        return _("Attendance is marked once the schedule is built.")
    now = now or datetime.now(UTC)
    if not arena.schedule_published and arena.held_at(now):
        # A held arena's draft can no longer be published (schedule.closed_because), so
        # "not published yet" would promise what cannot come.
        return _("The schedule was never published, so nobody can be marked present or "
                 "absent.")
    if not arena.schedule_published:
        # Presence is what makes a meeting held (dashboard, met before): a draft's meetings
        # were never shown to the two people, so there is nothing to mark them present at.
        return _("The meeting schedule is not published yet, so nobody can be marked present "
                 "or absent.")
    if now.astimezone(LOCAL_TZ).date() < arena.date:
        # Nobody can have come before the arena's day (its start's Oslo date); a mark made
        # weeks ahead would count meetings as held, or not, before they happen.
        return _("Attendance can be marked from the day of the arena, %(date)s.",
                 date=format_date(arena.date, "long"))
    return None


def roll(arena: Arena) -> list[Invitation]:
    """Those who accepted, in alphabetical order of their names (Æ, Ø, Å last): staff at
    the door look a person up by name, and the invitation ranks interleaved founders and
    investors in an order nobody arriving knows."""
    return list(db.session.scalars(
        select(Invitation).join(User, User.id == Invitation.user_id)
        .where(Invitation.arena_id == arena.id, Invitation.state == "accepted")
        .order_by(norwegian_order(User.name), Invitation.id)))


class Tally(NamedTuple):
    """Of those who accepted: how many are marked present, absent, or not yet."""

    present: int
    absent: int
    unmarked: int

    @property
    def total(self) -> int:
        return self.present + self.absent + self.unmarked


def tally(accepted: list[Invitation]) -> Tally:
    """Count `roll`'s invitations by their mark. "Attended 2" alone read as the arena's
    outcome while eight who came were still unmarked."""
    marks = [i.attended for i in accepted]
    return Tally(present=marks.count(True), absent=marks.count(False),
                 unmarked=marks.count(None))


def mark(staff, arena: Arena, invitation_id: int, attended: bool | None) -> Invitation:
    """Record that an accepted participant came (True), did not (False), or unknown (None)."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.arena_id != arena.id:
        raise NotFound(_("No such invitation."))
    closed = closed_because(arena)
    if closed is not None:
        raise AttendanceClosed(closed)
    if invitation.state != "accepted":
        raise DomainError(_("Only people who accepted can be marked as present."))
    invitation.attended = attended
    db.session.commit()
    audit.record("attendance_marked", actor=staff, target=f"arena:{arena.id}",
                 detail=f"user:{invitation.user_id} attended={attended}")
    return invitation
