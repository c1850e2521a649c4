"""The arena's meeting schedule: read it, and build it with the scheduler
(`matching.schedule`), re-running for all but the locked meetings. Staff's edits of one
meeting and the call-offs when someone stops coming are in `meeting_changes`.

The scheduler sees only the meeting slots (breaks left out): instance slot k is the arena's
k-th meeting slot. Meeting rows store the arena's own slot index. A pair keeps its Meeting
row across re-runs (so its calendar UID stays the same); a pair that no longer meets keeps
its row as "cancelled", so calendar files can cancel the event. A meeting staff cancel
(someone fell ill) is "cancelled_by_staff": a re-run leaves the pair out until staff restore
it.

A built schedule is a draft that only staff see (`Arena.schedule_published_at` is None):
staff re-run and edit it without anyone being told, and the arena keeps inviting.
`schedule_publish.publish` shows it to the participants, tells each once and moves an
inviting arena to "scheduled"; from then on a re-run, a move or a call-off tells those
affected.

Who may meet and what a pair is worth are in `schedule_pairs`; each person's slots, cap and
the locked meetings that still fit, and why someone has no meeting, in `schedule_inputs`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import lazyload

from app.extensions import db
from app.models import Arena, Invitation, Meeting, Pitch
from app.models.user import aware_utc, utcnow
from app.services import arena_notices, audit, notices, schedule_inputs, schedule_pairs
from app.services import arenas as arena_service
from app.services.contacts import other_side_ids
from app.services.errors import DomainError
from app.services.participants import accepted
from app.services.pitch_access import staff_title
from app.services.schedule_inputs import STAFF_CANCELLED, is_active
from matching.schedule import InvalidInstance, schedule
from matching.schedule_model import Instance, Pair, Participant
from matching.schedule_model import Meeting as Slotted

BUILDABLE = ("inviting", "scheduled")


# --- reading --------------------------------------------------------------------------------
def meetings(arena: Arena, user_id: int | None = None, active_only: bool = True,
             people: bool = True) -> list[Meeting]:
    """The arena's meetings by slot and table; active = scheduled and both people still
    accepted (someone who withdrew frees their slots at once). Not `people`: the two users
    are not read with each row but when asked for, from the session when it holds them
    (a page that read the accepted invitations, which bring their users, and shows only some
    of 1,800 meetings: the joined users were a third of the staff schedule page's time)."""
    query = select(Meeting).where(Meeting.arena_id == arena.id)
    if not people:
        query = query.options(lazyload(Meeting.founder), lazyload(Meeting.investor))
    if user_id is not None:
        query = query.where((Meeting.founder_user_id == user_id)
                            | (Meeting.investor_user_id == user_id))
    rows = list(db.session.scalars(query.order_by(Meeting.slot, Meeting.table, Meeting.id)))
    if not active_only:
        return rows
    present = {i.user_id for i in accepted(arena.id)}
    return [m for m in rows if is_active(m, present)]


def has_active(arena: Arena) -> bool:
    """Whether the arena has a meeting `is_active` (scheduled, both people still coming),
    asked of the database: the staff pages' download menu loaded every meeting with both
    people to learn this, 0.2 s a page at 1,800 meetings."""
    came = select(Invitation.user_id).where(Invitation.arena_id == arena.id,
                                            Invitation.state == "accepted")
    return db.session.scalar(
        select(Meeting.id).where(Meeting.arena_id == arena.id, Meeting.state == "scheduled",
                                 Meeting.founder_user_id.in_(came),
                                 Meeting.investor_user_id.in_(came)).limit(1)) is not None


def pitch_titles(rows: list[Meeting]) -> dict[int, str]:
    """pitch id → title of the meetings' pitches as staff may read them, in one query of
    three columns (the schedule page read each meeting's pitch whole, one query per pitch):
    a pitch made a draft again since is "Withdrawn pitch" (pitch_access.staff_title)."""
    ids = {m.pitch_id for m in rows if m.pitch_id is not None}
    if not ids:
        return {}
    return {pitch_id: staff_title(title, status) for pitch_id, title, status in
            db.session.execute(select(Pitch.id, Pitch.title, Pitch.status)
                               .where(Pitch.id.in_(ids)))}


def meeting_partners(user, others, now: datetime | None = None) -> set[int]:
    """The ids of those among `others` (users) whom `user`, a founder or an investor, has
    met at an arena (DESIGN: contact details are revealed "when both attend the same arena
    meeting"): a scheduled meeting of a published schedule (a draft's meetings are not
    known to the two) at an arena that is not cancelled, both still accepted, the meeting
    begun as of `now` (the real clock when None) or the arena marked done, and neither
    marked absent by staff (as exclusions' "met before"). A meeting still to come reveals
    nothing: the two have not met, and either may still stop coming. Two queries for the
    whole list: an agenda asked three per meeting."""
    ids = other_side_ids(user, others)
    if not ids:
        return set()
    mine, theirs = ((Meeting.founder_user_id, Meeting.investor_user_id)
                    if user.role == "founder"
                    else (Meeting.investor_user_id, Meeting.founder_user_id))
    rows = db.session.execute(select(Arena, Meeting.slot, theirs).join(
        Arena, Arena.id == Meeting.arena_id).where(
        mine == user.id, theirs.in_(sorted(ids)), Meeting.state == "scheduled",
        Arena.status.in_(("scheduled", "done")), Arena.schedule_published)).all()
    now = now or utcnow()
    # In UTC: an Oslo slot start in autumn's repeated hour compares by clock face otherwise.
    pairs = {(arena.id, other) for arena, slot, other in rows
             if arena.status == "done" or arena.slot_start(slot).astimezone(UTC) <= now}
    if not pairs:
        return set()
    came = set(db.session.execute(select(Invitation.arena_id, Invitation.user_id).where(
        Invitation.arena_id.in_({arena_id for arena_id, _other in pairs}),
        Invitation.user_id.in_(ids | {user.id}), Invitation.state == "accepted",
        Invitation.attended.is_not(False))).all())
    return {other for arena_id, other in pairs
            if (arena_id, user.id) in came and (arena_id, other) in came}


def bump(arena: Arena) -> None:
    """The schedule changed: calendar files get a higher SEQUENCE and a new DTSTAMP."""
    arena.schedule_sequence = (arena.schedule_sequence or 0) + 1
    arena.scheduled_at = utcnow()


def note_moved(arena: Arena, meeting: Meeting, start_before: datetime, table_before: int
               ) -> None:
    """Staff moved `meeting` (a move, a re-run, a new slot length, the arena's new start or
    day) from `start_before` at `table_before` (from 0): once the schedule is published its
    people knew that place, so it is kept for the agenda's "Moved: was …". Only the first
    one: that is what a printed agenda says (each later place was in a notice). Moved back
    there, it has not moved."""
    if not arena.schedule_published:
        return  # a draft nobody saw
    if meeting.moved_from_start is None:
        meeting.moved_from_start = start_before.astimezone(UTC)
        meeting.moved_from_table = table_before
    if (aware_utc(meeting.moved_from_start) == arena.slot_start(meeting.slot).astimezone(UTC)
            and meeting.moved_from_table == meeting.table):
        meeting.moved_from_start = meeting.moved_from_table = None


class ScheduleClosed(DomainError):
    """A change refused because the schedule can no longer change at all; its message is
    `closed_because`'s reason, which the schedule page already states in place of the
    buttons, so the routes tell this refusal apart by its type, not by its words (read again
    after the refusal, the reason may have changed: another staff member cancelled the arena
    meanwhile)."""


# --- building -------------------------------------------------------------------------------
def closed_because(arena: Arena) -> str | None:
    """Why staff can no longer build, re-run, publish or edit the arena's schedule, or None
    when they can. The schedule page says it in place of the buttons, and every change
    refuses with it. Once the arena has taken place (Arena.held: marked done, or its end has
    passed) its meetings are the record that attendance, feedback and "met before" read: a
    re-run or a move would rewrite meetings that happened, and publishing a draft nobody was
    told of would send agendas for an arena that is over."""
    if arena.status == "cancelled":
        return _("The arena is cancelled: this schedule is kept as a record and can no longer "
                 "be changed.")
    if arena.held:
        if arena.schedule_published:
            return _("The arena has taken place: this schedule is its record and can no longer be "
                     "changed.")
        if arena.scheduled_at is None:
            return _("The arena has taken place: a meeting schedule can no longer be built.")
        return _("The arena has taken place and this draft schedule was never published: nobody "
                 "was told of it, and it can no longer be changed or published.")
    if arena.status not in BUILDABLE:
        return _("A schedule can only be built while the arena is inviting or scheduled.")
    return None


def no_meeting_reasons(arena: Arena, invitations: list[Invitation] | None = None,
                       rows: list[Meeting] | None = None) -> dict[int, str]:
    """Each accepted participant without a meeting in the schedule → why (no_meetings'
    codes), from the same inputs a run of the scheduler would take now, but for the pairs
    without a stored score: pages ask this (the schedule, an agenda, the question before
    publishing), and pages read stored scores only, never loading the engine (0.1-0.2 s
    on a process's first use); only a build scores such pairs. So a person whose only
    possible partners are such pairs reads "no pairs" here until a build places them. A
    page that read the accepted invitations and every meeting row
    (`meetings(active_only=False)`) already passes them in."""
    invitations = accepted(arena.id) if invitations is None else invitations
    rows = meetings(arena, active_only=False) if rows is None else rows
    present = {i.user_id for i in invitations}
    active = [m for m in rows if is_active(m, present)]
    meeting = {uid for m in active for uid in (m.founder_user_id, m.investor_user_id)}
    if not present - meeting:
        return {}
    withdrawn, available, caps = schedule_inputs.people(arena, invitations)
    schedule_inputs.begun(arena, rows, available)
    founders = [i for i in invitations if i.side == "founder" and i.user_id not in withdrawn]
    investors = [i for i in invitations if i.side == "investor"]
    pairs = schedule_pairs.schedulable_pairs(arena, founders, investors, rows, score_unstored=False)
    return schedule_inputs.gaps(arena, invitations, withdrawn, available, caps, pairs, active)


def build(staff, arena: Arena, now: datetime | None = None) -> dict[str, int]:
    """Build (or re-run) the schedule: locked meetings stay, the rest is filled anew. Until
    staff publish it the schedule is a draft: nobody is told and participants see none of
    it. A re-run of a published schedule tells those whose meetings changed."""
    arena = arena_service.lock_arena(arena.id)
    closed = closed_because(arena)
    if closed is not None:
        db.session.rollback()  # let go of the lock: nothing was changed
        raise ScheduleClosed(closed)
    slots = arena.meeting_slots
    index = {s: k for k, s in enumerate(slots)}
    invitations = accepted(arena.id)
    withdrawn, available, caps = schedule_inputs.people(arena, invitations)
    founders = [i for i in invitations if i.side == "founder" and i.user_id not in withdrawn]
    investors = [i for i in invitations if i.side == "investor"]
    if not founders or not investors:
        raise DomainError(_("Nobody to schedule yet: at least one founder and one investor "
                            "must have accepted."))
    rows = meetings(arena, active_only=False)
    before = arena_notices.agendas(m for m in rows if is_active(m, set(available)))
    held = schedule_inputs.begun(arena, rows, available, now)
    for m in rows:
        if m.founder_user_id in withdrawn and m not in held:
            m.locked = False
    locked = schedule_inputs.locked_that_fit(arena, [m for m in rows if m not in held], index,
                                             available, caps) + held
    pairs = schedule_pairs.schedulable_pairs(arena, founders, investors, rows)
    for m in locked:
        pairs.setdefault((m.founder_user_id, m.investor_user_id), (m.value, m.source))
    people = tuple(Participant(f"u{i.user_id}", i.side, caps[i.user_id],
                               frozenset(index[s] for s in available[i.user_id]))
                   for i in invitations)
    instance = Instance(
        slots=len(slots), tables=arena.table_count, participants=people,
        pairs=tuple(Pair(f"u{f}", f"u{i}", schedule_pairs.weight(value),
                         schedule_pairs.PRIORITY[source])
                    for (f, i), (value, source) in sorted(pairs.items())),
        locked=tuple(Slotted(f"u{m.founder_user_id}", f"u{m.investor_user_id}",
                             index[m.slot], m.table) for m in locked))
    try:
        result = schedule(instance, seed=0)
    except InvalidInstance as error:
        db.session.rollback()
        raise DomainError(_("The schedule could not be built: %(reason)s",
                            reason=str(error))) from error
    by_pair = {(m.founder_user_id, m.investor_user_id): m for m in rows}
    pitch_of = {f.user_id: f.pitch_id for f in founders}
    placed = set()
    for item in result.meetings:
        f, i = int(item.a[1:]), int(item.b[1:])
        value, source = pairs[(f, i)]
        row = by_pair.get((f, i))
        if row is None:
            row = Meeting(arena_id=arena.id, founder_user_id=f, investor_user_id=i,
                          locked=False)
            db.session.add(row)
        was = ((arena.slot_start(row.slot), row.table) if is_active(row, set(available))
               else None)
        row.slot, row.table, row.state = slots[item.slot], item.table, "scheduled"
        if was is not None:
            note_moved(arena, row, *was)
        else:  # new to its people (or called off before, as they were told): not a move
            row.moved_from_start = row.moved_from_table = None
        row.source, row.value, row.pitch_id = source, value, pitch_of.get(f)
        placed.add((f, i))
    for key, row in by_pair.items():
        if key not in placed and row.state != STAFF_CANCELLED:
            row.state, row.locked = "cancelled", False
    # A draft leaves the arena "inviting": invitees still answer and set their times, and
    # staff still invite, until the schedule is published (publish moves it on).
    bump(arena)
    db.session.flush()
    told = []
    if arena.schedule_published:
        active = [m for m in meetings(arena, active_only=False) if m.state == "scheduled"]
        after = arena_notices.agendas(active)
        gaps = schedule_inputs.gaps(arena, invitations, withdrawn, available, caps, pairs, active)
        told = arena_notices.schedule_changed(arena, invitations, before, after, gaps, staff)
    db.session.commit()
    notices.send(told)
    counts = {source: sum(1 for k in placed if pairs[k][1] == source)
              for source in schedule_pairs.PRIORITY}
    counts["total"] = len(placed)
    counts["locked"] = len(locked)
    counts["told"] = len({note.user_id for note in told})  # people, not notices
    audit.record("schedule_built", actor=staff, target=f"arena:{arena.id}",
                 detail=" ".join(f"{k}={v}" for k, v in counts.items()))
    return counts
