"""Staff's edits of one scheduled meeting (lock, move, cancel, restore) and the call-offs
when a person stops coming (declines, withdraws, is taken off the list). Every change that
reaches a calendar raises the schedule's SEQUENCE (`schedule.bump`); people told are never
the one who made the change.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import NamedTuple

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation, Meeting
from app.models.user import utcnow
from app.services import arena_notices, audit, notices
from app.services import arenas as arena_service
from app.services.deleted_accounts import shown
from app.services.errors import DomainError, NotFound
from app.services.meeting_requests import withdraw_pending
from app.services.participants import accepted
from app.services.schedule import (
    BUILDABLE,
    STAFF_CANCELLED,
    ScheduleClosed,
    bump,
    closed_because,
    is_active,
    meetings,
    note_moved,
)
from app.templating import clock_face


def meeting_of(arena: Arena, meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None or meeting.arena_id != arena.id:
        raise NotFound(_("No such meeting."))
    return meeting


def _check_changeable(arena: Arena) -> None:
    """A held (done, or over) or cancelled arena's meetings are its record: staff's edits
    are refused with the reason the schedule page shows (schedule.closed_because)."""
    closed = closed_because(arena)
    if closed is not None:
        raise ScheduleClosed(closed)


def set_locked(staff, arena: Arena, meeting_id: int, locked: bool) -> Meeting:
    """Lock a meeting (a re-run keeps it where it is) or unlock it."""
    _check_changeable(arena)
    meeting = meeting_of(arena, meeting_id)
    if meeting.state != "scheduled":
        raise DomainError(_("Only scheduled meetings can be locked."))
    meeting.locked = locked
    db.session.commit()
    audit.record("meeting_locked" if locked else "meeting_unlocked", actor=staff,
                 target=f"arena:{arena.id}", detail=f"meeting:{meeting.id}")
    return meeting


def move(staff, arena: Arena, meeting_id: int, slot: int, table: int,
         now: datetime | None = None) -> Meeting:
    """Move a meeting to another slot and table (0-based), and lock it there. Refused, with
    nothing changed, when the slot is a break, the table is taken, either person is busy or
    not there. Both people are told where it went, once the schedule is published."""
    _check_changeable(arena)
    meeting = meeting_of(arena, meeting_id)
    present = {i.user_id: i for i in accepted(arena.id)}
    if not is_active(meeting, set(present)):
        raise DomainError(_("This meeting is cancelled and cannot be moved."))
    refusal = _begun_refusal(arena, meeting, slot, now) or _place_refusal(
        arena, meeting, slot, table, present)
    if refusal:
        raise DomainError(refusal)
    was = arena.slot_start(meeting.slot), meeting.table
    meeting.slot, meeting.table, meeting.locked = slot, table, True
    note_moved(arena, meeting, *was)
    bump(arena)
    told = arena_notices.meeting_moved(arena, meeting, staff)
    db.session.commit()
    notices.send(told)
    audit.record("meeting_moved", actor=staff, target=f"arena:{arena.id}",
                 detail=f"meeting:{meeting.id} slot={slot + 1} table={table + 1}")
    return meeting


def place_range(arena: Arena) -> str:
    """Which slots and tables a meeting can be moved to, as people count (from 1)."""
    slots = arena.slot_count or 0
    breaks = [str(b + 1) for b in sorted(set(arena.breaks or [])) if b < slots]
    if breaks:
        return ngettext("Enter a slot from 1 to %(slots)d (slot %(breaks)s is a break) and a "
                        "table from 1 to %(tables)d.",
                        "Enter a slot from 1 to %(slots)d (slots %(breaks)s are breaks) and a "
                        "table from 1 to %(tables)d.", len(breaks), slots=slots,
                        breaks=", ".join(breaks), tables=arena.table_count)
    return _("Enter a slot from 1 to %(slots)d and a table from 1 to %(tables)d.",
             slots=slots, tables=arena.table_count)


def _past_a_break(arena: Arena, slot: int) -> str:
    """What follows "Slot 5 is a break.": the other breaks and the range, without naming the
    chosen slot a break a second time, as place_range would."""
    slots = arena.slot_count or 0
    others = [str(b + 1) for b in sorted(set(arena.breaks or [])) if b < slots and b != slot]
    text = _("Enter another slot from 1 to %(slots)d and a table from 1 to %(tables)d.",
             slots=slots, tables=arena.table_count)
    if not others:
        return text
    return ngettext("Slot %(breaks)s is a break too.", "Slots %(breaks)s are breaks too.",
                    len(others), breaks=", ".join(others)) + " " + text


def _begun_refusal(arena: Arena, meeting: Meeting, slot: int,
                   now: datetime | None = None) -> str | None:
    """Why the meeting cannot move to `slot` (0-based) because that slot has begun, or None.
    A meeting missed at 10:00 may move to a later slot, and one under way to another
    table, but none into the past: both people would be told of a meeting that cannot be."""
    start = None if slot == meeting.slot else _began(arena, slot, now)
    if start is None:
        return None
    return _("Slot %(slot)d began at %(time)s: move the meeting to a slot still to come.",
             slot=slot + 1, time=clock_face(start))


def _began(arena: Arena, slot: int, now: datetime | None = None) -> datetime | None:
    """The start of `slot` (0-based) when it has begun by `now`, else None."""
    if not 0 <= slot < (arena.slot_count or 0):
        return None
    start = arena.slot_start(slot)
    return start if start.astimezone(UTC) <= (now or datetime.now(UTC)) else None


def restore_too_late(arena: Arena, meeting: Meeting, now: datetime | None = None
                     ) -> str | None:
    """Why a cancelled meeting does not go back to its slot because that slot has begun
    (as a move into it is refused), or None. Both people would be told of a meeting that
    cannot take place; the pair is let back into the next re-run, which uses only the
    slots still to come."""
    start = _began(arena, meeting.slot, now)
    if start is None:
        return None
    return _("Slot %(slot)d began at %(time)s, so the meeting is not put back there. Re-run "
             "the schedule to give the pair a slot still to come.",
             slot=meeting.slot + 1, time=clock_face(start))


def _place_refusal(arena: Arena, meeting: Meeting, slot: int, table: int,
                   present: dict[int, Invitation]) -> str | None:
    """Why the meeting cannot be at this slot and table (0-based), or None when it can."""
    if not 0 <= slot < (arena.slot_count or 0):
        return _("There is no slot %(slot)d.", slot=slot + 1) + " " + place_range(arena)
    if slot not in arena.meeting_slots:
        return _("Slot %(slot)d is a break.", slot=slot + 1) + " " + _past_a_break(arena, slot)
    if not 0 <= table < arena.table_count:
        # Said as a slot outside the plan is: "Choose a table between 1 and 6" beside
        # "Enter a slot from 1 to 8 … and a table from 1 to 6" read as two rules.
        return _("There is no table %(table)d.", table=table + 1) + " " + place_range(arena)
    pair = (meeting.founder_user_id, meeting.investor_user_id)
    others = [m for m in meetings(arena) if m.id != meeting.id and m.slot == slot]
    # Who is busy comes first, and both when both are: another table would not help them,
    # and naming one of two sent staff to try again only to hear of the other.
    busy = [shown(present[uid].user.name) for uid in pair
            if any(uid in (m.founder_user_id, m.investor_user_id) for m in others)]
    if len(busy) == 2:
        return _("%(first)s and %(second)s both already have a meeting in slot %(slot)d.",
                 first=busy[0], second=busy[1], slot=slot + 1)
    if busy:
        return _("%(name)s already has a meeting in slot %(slot)d.", name=busy[0],
                 slot=slot + 1)
    if any(m.table == table for m in others):
        return _("Table %(table)d is already taken in slot %(slot)d.",
                 table=table + 1, slot=slot + 1)
    away = [shown(present[uid].user.name) for uid in pair
            if slot not in present[uid].available_slots(arena)]
    if len(away) == 2:
        return _("Neither %(first)s nor %(second)s is at the arena in slot %(slot)d.",
                 first=away[0], second=away[1], slot=slot + 1)
    if away:
        return _("%(name)s is not at the arena in slot %(slot)d.", name=away[0],
                 slot=slot + 1)
    return None


def began(arena: Arena, meeting: Meeting, now: datetime | None = None) -> bool:
    """Whether the meeting's slot has begun by `now`: the schedule page offers no Cancel
    for it, and cancellable refuses it."""
    return _began(arena, meeting.slot, now) is not None


def cancellable(arena: Arena, meeting_id: int, now: datetime | None = None) -> Meeting:
    """The meeting staff may cancel now; NotFound for another arena's, DomainError when the
    arena is closed, the meeting is not on or it has begun."""
    _check_changeable(arena)
    meeting = meeting_of(arena, meeting_id)
    if not is_active(meeting, {i.user_id for i in accepted(arena.id)}):
        raise DomainError(_("Only scheduled meetings can be cancelled."))
    start = _began(arena, meeting.slot, now)
    if start is not None:
        # A meeting that has begun took place or did not: a cancellation would tell both
        # it is called off and take it out of feedback and "met before". Attendance is the
        # record of who did not come (226f5a6 shows such a meeting as not held).
        raise DomainError(_("This meeting began at %(time)s, so it can no longer be "
                            "cancelled: it took place or it did not. If someone did not "
                            "come, mark them absent on the Attendance page.",
                            time=clock_face(start)))
    return meeting


def cancel(staff, arena: Arena, meeting_id: int, now: datetime | None = None) -> Meeting:
    """Staff cancel one meeting (someone fell ill) that has not begun: its slot is freed, a
    re-run leaves the pair out until staff restore it, the calendar files send it as
    cancelled (SEQUENCE raised) and both people are told (once the schedule is published)."""
    meeting = cancellable(arena, meeting_id, now)
    meeting.state, meeting.locked = STAFF_CANCELLED, False
    bump(arena)
    told = arena_notices.meeting_cancelled(arena, meeting, staff)
    db.session.commit()
    notices.send(told)
    audit.record("meeting_cancelled", actor=staff, target=f"arena:{arena.id}",
                 detail=f"meeting:{meeting.id}")
    return meeting


def restore(staff, arena: Arena, meeting_id: int, now: datetime | None = None) -> bool:
    """Undo a staff cancellation. The meeting goes back to its slot and table when both
    people are still coming, free there and under their caps, and the slot has not begun
    (both are told, the calendar files send it again); otherwise the pair is only let back
    into the next re-run. Returns whether it is back in the schedule."""
    _check_changeable(arena)
    meeting = meeting_of(arena, meeting_id)
    if meeting.state != STAFF_CANCELLED:
        raise DomainError(_("This meeting is not cancelled by the organisers."))
    present = {i.user_id: i for i in accepted(arena.id)}
    people = (meeting.founder_user_id, meeting.investor_user_id)
    fits = (all(uid in present for uid in people)
            and not restore_too_late(arena, meeting, now)
            and not _place_refusal(arena, meeting, meeting.slot, meeting.table, present))
    if fits:
        active = meetings(arena)
        fits = all(sum(1 for m in active if uid in (m.founder_user_id, m.investor_user_id))
                   < present[uid].cap(arena) for uid in people)
    told = []
    if fits:
        meeting.state = "scheduled"
        bump(arena)
        told = arena_notices.meeting_restored(arena, meeting, staff)
    else:
        meeting.state = "cancelled"  # an ordinary free pair: the next re-run may place it
    db.session.commit()
    notices.send(told)
    audit.record("meeting_restored", actor=staff, target=f"arena:{arena.id}",
                 detail=f"meeting:{meeting.id} scheduled={'yes' if fits else 'no'}")
    return fits


def call_off(arena: Arena, user_id: int) -> int:
    """Cancel the person's scheduled meetings when they stop coming (they said no, withdrew
    or were taken off the list); the caller changes their invitation and commits. The
    schedule's sequence goes up, so the partners' calendar apps take the cancellation (an
    event sent again with the same SEQUENCE is no news to them); a re-run fills the slots.
    Left "scheduled", a meeting came back to life if the person accepted again, even after
    staff had given the partner another meeting in that slot. Returns how many."""
    freed = 0
    for meeting in meetings(arena, user_id=user_id, active_only=False):
        if meeting.state == "scheduled":
            meeting.state, meeting.locked = "cancelled", False
            freed += 1
    if freed:
        bump(arena)
    return freed


def stop_coming(arena: Arena, invitation: Invitation, tell, state: str = "cancelled",
                by: str | None = None) -> tuple[int, list, list]:
    """A seated person stops coming (they withdraw, staff take them off the list, they
    leave Koble, or they answer no: `state` "declined"): their meetings are called off,
    `tell(their meetings)` makes the partners' notices, the invitation takes `state` and
    the seat is refilled. A cancel records `by` whom (Invitation.cancelled_by: "self",
    "staff", "admin"), which the person's own pages say. Returns (meetings freed, notices,
    newly invited); the caller locks the arena, commits and sends."""
    from app.services.rsvp import fill_seats

    mine = (meetings(arena, user_id=invitation.user_id)
            if invitation.state == "accepted" else [])
    freed = call_off(arena, invitation.user_id)
    told = tell(mine)
    invitation.state = state
    if state == "cancelled":
        invitation.cancelled_by = by
    db.session.flush()
    return freed, told, fill_seats(arena, invitation.side)


class Withdrawn(NamedTuple):
    """What a participant's cancelling ended: meetings freed, and how many partners of them
    were told (none while the schedule is a draft, which nobody was told of)."""

    freed: int
    partners_told: int


def withdraw_closed_because(arena: Arena) -> str | None:
    """Why a participant can no longer cancel their participation, or None when they can.
    Once the arena has begun (its start has passed; held: marked done, or its end has
    passed) a cancel would call off meetings that happened, which attendance, feedback and
    "met before" read, and tell their partners of it; only the status was read, so an arena
    over but not marked done still took it. The agenda says it where the button was."""
    if arena.held:
        return _("“%(arena)s” is over, so your participation can no longer be cancelled.",
                 arena=arena.title)
    if arena.status in BUILDABLE and utcnow() >= arena.starts_at.astimezone(UTC):
        # On the day, once it has begun, the same holds for the meetings already had: a
        # cancel at 10:00 called off the 09:00 meeting too, its partner told it was.
        return _("“%(arena)s” has begun, so your participation can no longer be cancelled "
                 "here: that would call off the meetings you have already had too. If you "
                 "have to leave early, tell the organisers; they can call off the meetings "
                 "you will miss.", arena=arena.title)
    if arena.status not in BUILDABLE:
        return _("This arena can no longer be changed.")
    return None


def withdraw(user, arena_id: int) -> Withdrawn:
    """A participant who accepted cancels: their meetings are cancelled (a re-run fills the
    slots), their partners and the host staff are told (once the schedule is published),
    their meeting requests still waiting for an answer there are withdrawn with the other
    side told, and their seat goes to the waiting list while answers are still open."""
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == user.id))
    if invitation is None or invitation.invited_at is None:
        raise NotFound(_("No such arena."))
    if invitation.state != "accepted":
        raise DomainError(_("You have not accepted this invitation, so there is nothing to "
                            "cancel."))
    arena = arena_service.lock_arena(arena_id)
    closed = withdraw_closed_because(arena)
    if closed is not None:
        db.session.rollback()  # let go of the lock: nothing was changed
        raise DomainError(closed)
    invitation.answered_at = utcnow()
    freed, partners, newly = stop_coming(
        arena, invitation, lambda mine: arena_notices.partner_withdrew(arena, user, mine),
        by="self")
    # In the app only (never sent), saved with the commit below, as a late no's are.
    arena_notices.late_cancel(arena, user, freed)
    arena_notices.seat_given(arena, newly)
    seat_freed(arena, user, partners, newly, "participation_cancelled", actor=user,
               detail=f"meetings freed={freed}")
    return Withdrawn(freed, len(partners))


def seat_freed(arena: Arena, person, told: list, newly: list[Invitation],
               action: str | None = None, actor=None, detail: str = "") -> None:
    """How a seated person's stopping coming to `arena` ends, once their meetings are called
    off (`told`: the notices that makes), their invitation cancelled or declined and their
    seat given to the waiting list (`newly`): their meeting requests still waiting for an
    answer there are withdrawn with the other side told, all is committed, the notices are
    sent, the newly invited are e-mailed, and `action`, if any, goes to the audit trail.
    Staff's Remove (`invitation_edits.remove`), a participant's cancel (`withdraw`) and a
    no to the invitation (`rsvp.answer`, which audits no answer) share it, so they cannot
    drift apart; the caller holds the arena lock."""
    from app.services.rsvp import mail_invitation

    told = told + arena_notices.requests_withdrawn(
        person, withdraw_pending(person, arena.id), left_koble=False)
    db.session.commit()
    notices.send(told)
    for other in newly:
        mail_invitation(other)
    if action is not None:
        audit.record(action, actor=actor, target=f"arena:{arena.id}", detail=detail)
