"""A person's time at an arena: when they arrive and leave, and at most how many meetings they
want. The scheduler (services.schedule) reads both.

Slots are the arena's own 0-based indexes: a window is ``arrive ≤ slot < leave``, stored as
None at either end when it is the arena's first or last slot (so it follows the arena if staff
add slots later). The participant sets it while the arena invites; once the schedule is made
only staff of a host association change it, and meetings that no longer fit are called off.
"""

from __future__ import annotations

import re
from datetime import datetime, time

from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation, Meeting
from app.models.user import utcnow
from app.services import arena_notices, audit, notices, schedule_pairs
from app.services import arenas as arena_service
from app.services import schedule as schedule_service
from app.services.deleted_accounts import shown
from app.services.errors import DomainError, NotFound
from app.services.invitations import held_because
from app.services.participants import accepted

PARTICIPANT_STATUSES = ("inviting",)
STAFF_STATUSES = ("draft", "inviting", "scheduled")
_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
# A cap read from more digits than this is beyond any arena's, whatever the digits: the range
# check then says "from 0 to 4" (int() would refuse 4,300 digits; "Enter a whole number." was
# said of 999999999999, which is one).
_CAP_DIGITS = 18


# --- reading --------------------------------------------------------------------------------
def arrive_choices(arena: Arena) -> list[tuple[int, datetime]]:
    """(arrive slot, clock time) for every slot a person can arrive at."""
    return [(s, arena.slot_start(s)) for s in range(arena.slot_count)]


def leave_choices(arena: Arena) -> list[tuple[int, datetime]]:
    """(leave slot, clock time): leaving at slot k means the last slot attended is k - 1."""
    return [(s, arena.slot_start(s)) for s in range(1, arena.slot_count + 1)]


def invitation_in(arena: Arena, invitation_id: int) -> Invitation:
    """One of the arena's invitations; NotFound for another arena's or a missing one."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.arena_id != arena.id:
        raise NotFound(_("No such invitation."))
    return invitation


def invitation_of_user(arena: Arena, user_id: int) -> Invitation:
    """The person's place on the arena's list (sent or not); NotFound if they have none."""
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.user_id == user_id))
    if invitation is None:
        raise NotFound(_("No such invitation."))
    return invitation


class TimesOver(DomainError):
    """The invitee's change of their own times at an arena that has taken place; its message
    is `over_text` (the API's refusal). The invitation page says it once, with the answer
    (rsvp.over_note), and a refused post returns there."""


def over_text(arena: Arena) -> str:
    """Why an invitee can no longer change their own times and meeting cap at an arena that
    has taken place (Arena.held: marked done, or its end has passed), whatever its status:
    one still "inviting" took them, though the schedule no longer reads them."""
    return _("“%(arena)s” is over, so your times and number of meetings can no longer be "
             "changed.", arena=arena.title)


def refuse_if_over(arena: Arena) -> None:
    """TimesOver at an arena that has taken place: no values would do, so callers ask this
    before reading any (the API's clock times too), to say why, not what is wrong with them."""
    if arena.held:
        raise TimesOver(over_text(arena))


def open_to_participant(invitation: Invitation, arena: Arena | None = None) -> bool:
    """Whether the invitee may change their own times now."""
    arena = arena or invitation.arena
    return (invitation.state == "accepted" and arena.status in PARTICIPANT_STATUSES
            and not arena.held)


def staff_refusal(arena: Arena, invitation: Invitation) -> str | None:
    """Why staff cannot set this person's times now, or None when they can: an arena held
    (invitations.held_because) has none to change, as meetings that happened would be
    called off; someone who said no or was taken off the list has no times at the arena,
    and a closed arena none to change."""
    name = shown(invitation.user.name) if invitation.user else ""
    held = held_because(arena)
    if held is not None:  # first: nobody's times can change, whatever their answer
        return held
    if invitation.state == "declined":
        return _("%(name)s declined the invitation, so there are no times to set.", name=name)
    if not invitation.has_times:
        return _("The invitation of %(name)s is cancelled, so there are no times to set.",
                 name=name)
    if arena.status not in STAFF_STATUSES:
        return _("This arena can no longer be changed.")
    return None


def window(invitation: Invitation, arena: Arena | None = None) -> tuple[int, int]:
    """The (arrive, leave) slots with the arena's ends filled in."""
    arena = arena or invitation.arena
    arrive = invitation.arrive_slot or 0
    leave = arena.slot_count if invitation.leave_slot is None else invitation.leave_slot
    return arrive, leave


def clock(arena: Arena, slot: int) -> str:
    """The slot's start as "HH:MM" (a leave slot's is when the person leaves)."""
    return f"{arena.slot_start(slot):%H:%M}"


# --- clock times as the API and the command line take them (the form sends slot numbers) --
def _slot_at(value, choices: list[tuple[int, datetime]], message: str, field: str
             ) -> int | None:
    if value is None or value == "":
        return None
    found = _CLOCK.fullmatch(value.strip()) if isinstance(value, str) else None
    if found:
        wanted = time(int(found[1]), int(found[2]))
        for slot, when in choices:
            if when.time() == wanted:
                return slot
    raise DomainError(message, field)


def arrive_at(arena: Arena, value) -> int | None:
    """The arrive slot of a clock time "HH:MM" (a slot's start); None or "" is the arena's
    start. DomainError with the form's message for any other time or value."""
    return _slot_at(value, arrive_choices(arena),
                    _("Choose an arrival time from the arena's slots."), "arrive_slot")


def leave_at(arena: Arena, value) -> int | None:
    """The leave slot of a clock time "HH:MM" (a slot's end); None or "" is the arena's end."""
    return _slot_at(value, leave_choices(arena),
                    _("Choose a leaving time from the arena's slots."), "leave_slot")


def cap_from(value) -> int | None:
    """A meeting cap as sent or typed: a whole number, or None / "" for the arena's limit.
    The range is checked with the other rules when it is stored."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if _WHOLE_NUMBER.fullmatch(text):
        if len(text.lstrip("+-").lstrip("0")) > _CAP_DIGITS:
            return -(10**_CAP_DIGITS) if text.startswith("-") else 10**_CAP_DIGITS
        return int(text)
    raise DomainError(_("Enter a whole number."), "meeting_cap")


def read_clock_values(arena: Arena, values: dict) -> tuple[dict, dict[str, list[str]]]:
    """Read each of "arrive", "leave" and "meeting_cap" that `values` holds, as the API and
    the command line send them: (the slots and cap read, {field: [message]} for every field
    that cannot be used on its own). Every field is checked, so one answer names every
    wrong field; the rules between fields (leaving after arriving) come after, in storing."""
    found: dict = {}
    errors: dict[str, list[str]] = {}
    readers = (("arrive", lambda v: arrive_at(arena, v)), ("leave", lambda v: leave_at(arena, v)),
               ("meeting_cap", cap_from))
    for name, read in readers:
        if name not in values:
            continue
        try:
            found[name] = read(values[name])
        except DomainError as error:
            errors[name] = [error.message]
    cap = found.get("meeting_cap")
    if cap is not None and not 0 <= cap <= arena.cap:
        errors["meeting_cap"] = [_("Enter a number of meetings from 0 to %(cap)d.",
                                   cap=arena.cap)]
    return found, errors


# --- checking -------------------------------------------------------------------------------
def problems(arena: Arena, arrive: int | None, leave: int | None, cap: int | None,
             *, cap_too: bool = True) -> list[DomainError]:
    """The rules the values break, each with its field: the window's first broken rule, and
    the cap's range (`cap_too`), so that a form names both at once. Empty: they may be
    stored (`_normalised`)."""
    found = []
    first = 0 if arrive is None else arrive
    last = arena.slot_count if leave is None else leave
    if not 0 <= first < arena.slot_count:
        found.append(DomainError(_("Choose an arrival time from the arena's slots."),
                                 "arrive_slot"))
    elif not 1 <= last <= arena.slot_count:
        found.append(DomainError(_("Choose a leaving time from the arena's slots."),
                                 "leave_slot"))
    elif last <= first:
        found.append(DomainError(_("The leaving time must be after the arrival time."),
                                 "leave_slot"))
    elif not any(first <= s < last for s in arena.meeting_slots):
        found.append(DomainError(_("There is no meeting slot between these times; choose a "
                                   "longer stay."), "leave_slot"))
    if cap_too and cap is not None and not 0 <= cap <= arena.cap:
        found.append(DomainError(_("Enter a number of meetings from 0 to %(cap)d.",
                                   cap=arena.cap), "meeting_cap"))
    return found


def _normalised(arena: Arena, arrive: int | None, leave: int | None, cap: int | None
                ) -> tuple[int | None, int | None, int | None]:
    """The values to store, or DomainError (with the field) on the first broken rule."""
    broken = problems(arena, arrive, leave, cap)
    if broken:
        raise broken[0]
    first = 0 if arrive is None else arrive
    last = arena.slot_count if leave is None else leave
    return (None if first == 0 else first, None if last == arena.slot_count else last, cap)


def _stored(invitation: Invitation, arena: Arena) -> tuple[int | None, int | None, int | None]:
    arrive, leave = window(invitation, arena)
    return (None if arrive == 0 else arrive, None if leave == arena.slot_count else leave,
            invitation.meeting_cap)


def _locked_invitation(invitation_id: int) -> tuple[Arena, Invitation]:
    """The arena row locked (as an answer does) and the invitation read fresh after it."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFound(_("No such invitation."))
    arena_id = invitation.arena_id
    db.session.rollback()  # a fresh transaction; the lock must come first
    arena = arena_service.lock_arena(arena_id)
    invitation = db.session.scalars(select(Invitation).where(Invitation.id == invitation_id)
                                    .execution_options(populate_existing=True)).one()
    return arena, invitation


def _describe(arena: Arena, invitation: Invitation) -> str:
    arrive, leave = window(invitation, arena)
    cap = "arena" if invitation.meeting_cap is None else invitation.meeting_cap
    return (f"user:{invitation.user_id} arrive={arena.slot_start(arrive):%H:%M} "
            f"leave={arena.slot_start(leave):%H:%M} cap={cap}")


# --- changing -------------------------------------------------------------------------------
def set_by_participant(actor, invitation_id: int, arrive: int | None, leave: int | None,
                       cap: int | None) -> bool:
    """The invitee's own window and cap. True if it changed, False if it was already so;
    DomainError (nothing changed) on bad values or when the arena no longer takes them."""
    try:
        arena, invitation = _locked_invitation(invitation_id)
        refuse_if_over(arena)
        values = _normalised(arena, arrive, leave, cap)
        if values == _stored(invitation, arena):
            db.session.rollback()
            return False
        if invitation.state != "accepted":
            raise DomainError(_("Accept the invitation first; then you can tell us when you "
                                "are there."))
        if arena.status == "scheduled" and not arena.schedule_published:
            # The draft is staff's alone: to the participant nothing is planned yet.
            raise DomainError(_("The organisers are planning the meetings now, so your times "
                                "can no longer be changed here. Contact the organisers if "
                                "they have changed: the plan can still change until it is "
                                "published."))
        if arena.status == "scheduled":
            raise DomainError(_("The schedule is already made, so your times can no longer be "
                                "changed here. Contact the organisers."))
        if arena.status not in PARTICIPANT_STATUSES:
            raise DomainError(_("This arena can no longer be changed."))
        invitation.arrive_slot, invitation.leave_slot, invitation.meeting_cap = values
        # A draft built while the arena still invites must not keep meetings outside the
        # new times (publishing would send them). Nobody is told: it is staff's draft, and
        # a published schedule has moved the arena on (no more changes here).
        _call_off_what_no_longer_fits(arena, invitation)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    audit.record("availability_set", actor=actor, target=f"arena:{arena.id}",
                 detail=_describe(arena, invitation))
    return True


def set_by_staff(staff, arena: Arena, invitation_id: int, arrive: int | None,
                 leave: int | None, cap: int | None) -> tuple[Invitation, int]:
    """Staff set or override anyone's window and cap. Once the schedule is made, the person's
    meetings that no longer fit are called off (a re-run fills the slots), and the person
    (unless they made the change) and each partner of those meetings are told. Returns the
    invitation and how many meetings were called off."""
    invitation_in(arena, invitation_id)
    try:
        arena, invitation = _locked_invitation(invitation_id)
        refusal = staff_refusal(arena, invitation)
        if refusal:  # no values would do: say why, not what is wrong with them
            raise DomainError(refusal)
        values = _normalised(arena, arrive, leave, cap)
        invitation.arrive_slot, invitation.leave_slot, invitation.meeting_cap = values
        dropped = _call_off_what_no_longer_fits(arena, invitation)
        told = arena_notices.times_changed(arena, invitation.user, dropped, staff)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    notices.send(told)
    freed = len(dropped)
    audit.record("availability_set", actor=staff, target=f"arena:{arena.id}",
                 detail=f"{_describe(arena, invitation)} meetings called off={freed}")
    return invitation, freed


def fit_times_to_arena(arena: Arena) -> list[Invitation]:
    """After staff change an arena's plan: clamp each saved window to the new slots by the
    rules a window is stored under (`_normalised`), or clear it to the whole arena when no
    meeting slot is left in it, so no page shows a time outside the plan. A window that ran
    to the old end now runs to the new one. Returns the invitations of people invited and
    still coming whose window changed (those who said no, and those on the proposal or the
    waiting list, never told of the arena, are fitted quietly); the caller commits."""
    adjusted = []
    rows = db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id,
        (Invitation.arrive_slot.is_not(None)) | (Invitation.leave_slot.is_not(None)))
        .order_by(Invitation.id))
    for invitation in rows:
        first = invitation.arrive_slot or 0
        last = arena.slot_count if invitation.leave_slot is None else invitation.leave_slot
        fitted = (first, min(last, arena.slot_count))
        if fitted[0] >= fitted[1] or not any(fitted[0] <= s < fitted[1]
                                             for s in arena.meeting_slots):
            fitted = (0, arena.slot_count)
        stored = (None if fitted[0] == 0 else fitted[0],
                  None if fitted[1] == arena.slot_count else fitted[1])
        if stored == (invitation.arrive_slot, invitation.leave_slot):
            continue
        invitation.arrive_slot, invitation.leave_slot = stored
        if fitted != (first, last) and invitation.has_times \
                and invitation.invited_at is not None:
            adjusted.append(invitation)
    return adjusted


def fit_schedule_to_arena(arena: Arena) -> int:
    """After staff change an arena's plan (tables, slots, breaks, cap): call off the meetings
    it has no room for, as a changed window does, so no agenda sends anyone to a table that
    is gone or to a break. Any edit of a scheduled arena raises the calendar files' SEQUENCE:
    its time, place or title may have changed. Returns how many were called off; the caller
    commits."""
    active = schedule_service.meetings(arena)
    freed = 0
    for meeting in active:
        if meeting.table >= arena.table_count:
            meeting.state, meeting.locked = "cancelled", False
            freed += 1
    for invitation in accepted(arena.id):
        freed += len(_call_off_what_no_longer_fits(arena, invitation))
    if active:
        arena.schedule_sequence = (arena.schedule_sequence or 0) + 1
        arena.scheduled_at = utcnow()
    return freed


def _call_off_what_no_longer_fits(arena: Arena, invitation: Invitation) -> list[Meeting]:
    """Cancel the person's meetings outside the window, then beyond the cap (keeping locked,
    then requested, then the most valuable ones). Returns the cancelled meetings."""
    if invitation.state != "accepted":
        return []
    slots = set(invitation.available_slots(arena))
    mine = schedule_service.meetings(arena, user_id=invitation.user_id)
    outside = [m for m in mine if m.slot not in slots]
    inside = sorted((m for m in mine if m.slot in slots),
                    key=lambda m: (not m.locked, schedule_pairs.PRIORITY.get(m.source, 9),
                                   -(m.value or 0.0), m.slot))
    drop = outside + inside[invitation.cap(arena):]
    for meeting in drop:
        meeting.state, meeting.locked = "cancelled", False
    if drop:
        # As any change of the schedule: calendar files get a higher SEQUENCE.
        arena.schedule_sequence = (arena.schedule_sequence or 0) + 1
        arena.scheduled_at = utcnow()
    return drop
