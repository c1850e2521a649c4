"""Moving an arena through its statuses: which moves staff may make, and cancelling."""

from __future__ import annotations

from typing import NamedTuple

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.models import Arena, Meeting
from app.models.user import utcnow
from app.services import arena_notices, attendance, notices
from app.services.arenas import changed_meanwhile
from app.services.errors import DomainError

# Allowed moves; "cancelled" is reachable from every status before "done" (not once the
# arena is held with a published schedule: _cancel_refusal). A draft becomes "inviting" by
# sending its invitations (invitation_sending.send), and an inviting arena "scheduled" by
# publishing its schedule (schedule_publish.publish), never by hand (_invite_refusal,
# _schedule_refusal); one that took place without a published schedule can be marked done.
# "Done" only once the arena has taken place (_done_refusal).
TRANSITIONS = {
    "draft": ("inviting", "cancelled"),
    "inviting": ("scheduled", "done", "cancelled"),
    "scheduled": ("done", "cancelled"),
    "done": (),
    "cancelled": (),
}


def _cancel_refusal(arena: Arena) -> str | None:
    """Why the arena can no longer be cancelled, though its status allows it: once it is
    held with a published schedule, cancelling would call off the meetings that took place
    (which attendance, feedback and "met before" read) and tell everyone it was cancelled
    after they had been there. Held without a published schedule nobody met through Koble,
    and cancelling is how such an arena is closed."""
    if arena.held and arena.schedule_published:
        return _("The arena has taken place with its meetings, so it can no longer be "
                 "cancelled. Move it to “%(done)s” instead.", done=status_label("done"))
    return None


def _invite_refusal(arena: Arena) -> str:
    """Why a draft cannot be moved to "inviting" by hand: "Inviting" is what sending its
    invitations makes it, with each invitee e-mailed and told in the app. By hand it invited
    nobody and told nobody (a draft has sent no invitation); all it did was list the arena
    on the home page among the upcoming arenas, while staff read "Inviting" on an arena
    nobody had heard of and its schedule page refused a build with nobody to place. Once
    its time has passed nothing is sent any more (invitations.held_because), nobody came,
    and "done" is for an arena that took place: cancelling is all that is left, and the
    staff page says so in the same words."""
    if arena.held:
        return _("The arena's time has passed without its invitations being sent, so it can "
                 "only be cancelled.")
    return _("The arena becomes “%(inviting)s” when you send its invitations.",
             inviting=status_label("inviting"))


def _schedule_refusal(arena: Arena) -> str | None:
    """Why an inviting arena cannot be moved to "scheduled" by hand: "Scheduled" is what
    publishing the schedule makes it, with each participant sent their agenda. By hand,
    before that, it only closed the invitation list and the invitees' own times, told nobody
    and sent nobody an agenda, and their agendas read as if the meetings were being planned
    when nothing was built (what building a draft did until it left the arena inviting)."""
    if arena.schedule_published:
        return None
    return _("The arena becomes “%(scheduled)s” when you publish its meeting schedule.",
             scheduled=status_label("scheduled"))


def _done_refusal(arena: Arena) -> str | None:
    """Why the arena cannot be marked done yet, inviting or scheduled: before it has taken
    place (Arena.held), "done" made it read as over days early, to everyone: it closed the
    answers, the participants' times and cancelling, the meeting requests and every change
    to the arena and its schedule, opened the feedback on meetings not yet held, and counted
    its meetings as "met before" for the recommendations."""
    if arena.held:
        return None
    return _("The arena can be marked “%(done)s” once it has taken place.",
             done=status_label("done"))


def _refusal(arena: Arena, to: str) -> str | None:
    """Why the arena cannot go to `to` now, though its status allows the move."""
    if to == "cancelled":
        return _cancel_refusal(arena)
    if arena.status == "draft" and to == "inviting":
        return _invite_refusal(arena)
    if arena.status == "inviting" and to == "scheduled":
        return _schedule_refusal(arena)
    if to == "done":
        return _done_refusal(arena)
    return None


def transitions(arena: Arena) -> tuple[str, ...]:
    """The statuses staff can move the arena to now."""
    return tuple(to for to in TRANSITIONS.get(arena.status, ())
                 if _refusal(arena, to) is None)


def _check_move(arena: Arena, to: str) -> None:
    """DomainError with the reason when the arena cannot go to `to` now."""
    if to not in TRANSITIONS.get(arena.status, ()):
        raise DomainError(_("An arena cannot go from “%(a)s” to “%(b)s”.",
                            a=status_label(arena.status), b=status_label(to)))
    refusal = _refusal(arena, to)
    if refusal is not None:
        raise DomainError(refusal)


class Cancellation(NamedTuple):
    """What cancelling the arena would do: how many people are told (in the app and by
    e-mail) and how many meetings of its schedule are called off."""

    told: int
    meetings: int


def to_cancel(arena: Arena) -> Cancellation:
    """What cancelling the arena now would do, for the page that asks first (it cannot be
    undone, and it e-mails everyone coming or invited); DomainError when it cannot be
    cancelled."""
    _check_move(arena, "cancelled")
    told = 0 if arena.status == "draft" else len(arena_notices.told_of_cancellation(arena))
    meetings = db.session.scalar(select(func.count()).select_from(Meeting).where(
        Meeting.arena_id == arena.id, Meeting.state == "scheduled"))
    return Cancellation(told=told, meetings=meetings or 0)


def to_finish(arena: Arena) -> attendance.Tally | None:
    """What is still open when the arena is marked done now, for the page that asks first
    (it cannot be undone, and staff read its outcome from then on): of those who accepted,
    how many are marked present, absent or not yet; None when nobody can be marked (its
    schedule was never published). DomainError when it cannot be marked done."""
    _check_move(arena, "done")
    if attendance.closed_because(arena) is not None:
        return None
    return attendance.tally(attendance.roll(arena))


def change_status(arena: Arena, to: str, actor=None) -> Arena:
    """Move the arena to another status when the rules allow it. A cancelled arena's
    participants and open invitees are told (not `actor`, who cancelled it)."""
    _check_move(arena, to)
    was_draft = arena.status == "draft"
    arena.status = to
    told = []
    if to == "cancelled":
        _call_off_every_meeting(arena)
        if not was_draft:  # nobody was invited to a draft
            told = arena_notices.arena_cancelled(arena, actor)
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise changed_meanwhile() from error
    notices.send(told)
    return arena


def _call_off_every_meeting(arena: Arena) -> None:
    """A cancelled arena holds no meetings: each is cancelled, and the schedule's SEQUENCE
    goes up so the participants' calendar apps take the cancellation from the .ics. The
    UPDATE leaves updated_at to the column's onupdate, which Core statements fire too: the
    file sends a called-off meeting only if it was written after publishing
    (agenda._changed_since_published; tests/app/test_cancelled_arena_calendar_after_draft.py)."""
    called_off = db.session.execute(
        update(Meeting).where(Meeting.arena_id == arena.id, Meeting.state == "scheduled")
        .values(state="cancelled", locked=False)).rowcount
    if called_off:
        arena.schedule_sequence = (arena.schedule_sequence or 0) + 1
        arena.scheduled_at = utcnow()


def status_label(status: str) -> str:
    labels = {"draft": _("Draft"), "inviting": _("Inviting"), "scheduled": _("Scheduled"),
              "done": _("Done"), "cancelled": _("Cancelled")}
    return labels.get(status, status)
