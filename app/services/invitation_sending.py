"""Sending an arena's invitations and reminding those who have not answered."""

from __future__ import annotations

from datetime import timedelta
from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import Arena, Invitation
from app.models.user import utcnow
from app.services import arena_notices, audit
from app.services import arenas as arena_service
from app.services.errors import DomainError
from app.services.invitations import (
    ArenaHeld,
    Counts,
    check_editable,
    held_because,
    normalise,
    seated_and_pending,
    yes_waiting_seated,
)
from app.services.invitations import counts as invitation_counts
from app.services.rsvp import mail_invitation

REMIND_AFTER = timedelta(hours=24)


class Mailed(NamedTuple):
    """People invited or reminded, and how many of their e-mails the mail server refused."""

    count: int
    failed: int = 0


def _check_sendable(arena: Arena) -> None:
    check_editable(arena)
    if arena.deadline_passed():
        raise DomainError(_("The answer deadline has passed; move it before sending."))


def to_send(arena: Arena, counted: Counts | None = None) -> dict[str, int]:
    """How many people per side "Send" would invite now (the unsent ones that fit the free
    seats, as `send` numbers them), changing nothing: the page that asks first says it.
    DomainError when sending would be refused. `counted`: the arena's `invitations.counts`,
    when the caller has read them (one statement; four of its own before)."""
    _check_sendable(arena)
    counted = invitation_counts(arena) if counted is None else counted
    counts, waiting = {}, 0
    for side in ("founder", "investor"):
        seated, pending = seated_and_pending(counted, side)
        counts[side] = min(pending, max(0, arena.capacity(side) - seated))
        waiting += pending
    if not any(counts.values()) and waiting:
        # people wait on the list, but every seat is taken: a proposal would only say so
        raise DomainError(_("Every seat is taken by someone invited or accepted, so nobody "
                            "on the waiting list can be invited now. Add seats in the "
                            "arena's settings to invite more."))
    if not any(counts.values()):
        raise DomainError(_("There is nobody to invite. Ask for a proposal or add people."))
    return counts


def send(staff, arena: Arena) -> Mailed:
    """Invite every proposed person and e-mail them, with a notice in the app; the arena
    starts inviting. An invitation whose e-mail fails stands (the person sees it in their
    notifications and on their arenas page), and a reminder can carry the link later."""
    _check_sendable(arena)
    chosen = []
    for side in ("founder", "investor"):
        normalise(arena, side)
        chosen += yes_waiting_seated(arena, side)  # offered the seat, as rsvp.fill_seats does
    chosen += db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.state == "proposed"))
    if not chosen:
        raise DomainError(_("There is nobody to invite. Ask for a proposal or add people."))
    now = utcnow()
    for invitation in chosen:
        invitation.state = "invited"
        invitation.invited_at = now
        invitation.answered_at = None
    arena_notices.invited(arena, chosen, staff)
    if arena.status == "draft":
        arena.status = "inviting"
    db.session.commit()
    failed = sum(not mail_invitation(invitation) for invitation in chosen)
    audit.record("invitations_sent", actor=staff, target=f"arena:{arena.id}",
                 detail=f"{len(chosen)} invitations, {failed} e-mails failed")
    return Mailed(len(chosen), failed)


class Reminders(NamedTuple):
    """Of an arena: who was invited and has not answered, and how many of them a reminder
    would reach now (none after the deadline; each at most once a day)."""

    awaiting: int
    due: int


def reminders(arena: Arena) -> Reminders:
    """Whether "Remind" has anyone to remind, so the page offers it only then (the same
    rule as `remind`)."""
    now = utcnow()
    unanswered = (Invitation.arena_id == arena.id, Invitation.state == "invited",
                  Invitation.answered_at.is_(None))
    awaiting = db.session.scalar(select(func.count(Invitation.id)).where(*unanswered)) or 0
    if (not awaiting or arena.status not in arena_service.OPEN_STATUSES
            or arena.deadline_passed(now)):
        return Reminders(awaiting, 0)
    due = db.session.scalar(select(func.count(Invitation.id)).where(*unanswered, or_(
        Invitation.reminded_at.is_(None), Invitation.reminded_at < now - REMIND_AFTER))) or 0
    return Reminders(awaiting, due)


def remind_arena(staff, arena: Arena) -> Mailed:
    """Remind the arena's undecided; DomainError saying why when there is nobody to remind
    (the page answered "Reminders sent: 0." on a draft with nobody invited)."""
    refusal = reminder_refusal(arena)
    if refusal:
        raise ArenaHeld(refusal) if arena.held else DomainError(refusal)
    return remind(staff, arena)


def reminder_refusal(arena: Arena) -> str | None:
    """Why nobody can be reminded now, or None when someone can."""
    held = held_because(arena)
    if held is not None:
        return held
    found = reminders(arena)
    if found.due:
        return None
    if not found.awaiting:
        return _("Reminders go to people invited who have not answered yet; there is nobody "
                 "like that now.")
    if arena.status not in arena_service.OPEN_STATUSES or arena.deadline_passed():
        return _("The answer deadline has passed, so reminders are no longer sent.")
    return _("Everyone who has not answered was reminded in the last 24 hours.")


def remind(staff=None, arena: Arena | None = None) -> Mailed:
    """Remind the undecided (invited, no answer, not reminded in the last 24 hours). A
    reminder the mail server refused does not count as sent: the next run tries again.
    A reminder is e-mail only: the invitation's notice is in the app already, and one more
    a day, for as long as the person waits, would bury the rest under the same news."""
    now = utcnow()
    query = select(Invitation).join(Arena).where(
        Invitation.state == "invited", Invitation.answered_at.is_(None),
        or_(Invitation.reminded_at.is_(None), Invitation.reminded_at < now - REMIND_AFTER),
        Arena.status.in_(arena_service.OPEN_STATUSES))
    if arena is not None:
        query = query.where(Invitation.arena_id == arena.id)
    due = [i for i in db.session.scalars(query) if not i.arena.deadline_passed(now)]
    before = {invitation.id: invitation.reminded_at for invitation in due}
    for invitation in due:
        invitation.reminded_at = now
    db.session.commit()  # before mailing: two runs at once must not both remind
    failed = [invitation for invitation in due if not mail_invitation(invitation, reminder=True)]
    for invitation in failed:
        invitation.reminded_at = before[invitation.id]
    if failed:
        db.session.commit()
    audit.record("invitations_reminded", actor=staff,
                 target=f"arena:{arena.id}" if arena else "arenas",
                 detail=f"{len(due) - len(failed)} reminders, {len(failed)} e-mails failed")
    return Mailed(len(due) - len(failed), len(failed))
