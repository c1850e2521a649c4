"""The arena's meeting schedule: build it with the scheduler (`matching.schedule`), lock and
move meetings, re-run for the rest, and free the slots of people who withdraw.

The scheduler sees only the meeting slots (breaks left out): instance slot k is the arena's
k-th meeting slot. Meeting rows store the arena's own slot index. A pair keeps its Meeting
row across re-runs (so its calendar UID stays the same); a pair that no longer meets keeps
its row as "cancelled", so calendar files can cancel the event. A meeting staff cancel
(someone fell ill) is "cancelled_by_staff": a re-run leaves the pair out until staff restore
it.
"""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation, Meeting
from app.models.user import utcnow
from app.services import arena_notices, audit, exclusions, notices
from app.services import arenas as arena_service
from app.services.errors import DomainError, NotFound
from app.services.meeting_requests import accepted, pair_states, profile_ids, scores_for
from app.services.privacy import shown
from matching.schedule import InvalidInstance, schedule
from matching.schedule_model import Instance, Pair, Participant
from matching.schedule_model import Meeting as Slotted

BUILDABLE = ("inviting", "scheduled")
MIN_VALUE = 0.01  # a requested pair without a stored score is still worth a meeting
SUGGESTIONS_PER_PERSON = 3  # × the cap: how many top scores per person become suggestions
PRIORITY = {"mutual": 0, "one_sided": 1, "suggestion": 2}
STAFF_CANCELLED = "cancelled_by_staff"


# --- reading --------------------------------------------------------------------------------
def meetings(arena: Arena, user_id: int | None = None, active_only: bool = True
             ) -> list[Meeting]:
    """The arena's meetings by slot and table; active = scheduled and both people still
    accepted (someone who withdrew frees their slots at once)."""
    query = select(Meeting).where(Meeting.arena_id == arena.id)
    if user_id is not None:
        query = query.where((Meeting.founder_user_id == user_id)
                            | (Meeting.investor_user_id == user_id))
    rows = list(db.session.scalars(query.order_by(Meeting.slot, Meeting.table, Meeting.id)))
    if not active_only:
        return rows
    present = {i.user_id for i in accepted(arena.id)}
    return [m for m in rows if is_active(m, present)]


def is_active(meeting: Meeting, present: set[int]) -> bool:
    return (meeting.state == "scheduled" and meeting.founder_user_id in present
            and meeting.investor_user_id in present)


def users_share_meeting(a, b) -> bool:
    """True when a founder and an investor meet each other in a scheduled meeting of an
    arena that is not cancelled, both still accepted."""
    if a is None or b is None or {a.role, b.role} != {"founder", "investor"}:
        return False
    founder, investor = (a, b) if a.role == "founder" else (b, a)
    rows = db.session.scalars(select(Meeting).join(Arena, Arena.id == Meeting.arena_id).where(
        Meeting.founder_user_id == founder.id, Meeting.investor_user_id == investor.id,
        Meeting.state == "scheduled", Arena.status.in_(("scheduled", "done"))))
    for meeting in rows:
        states = list(db.session.scalars(select(Invitation.state).where(
            Invitation.arena_id == meeting.arena_id,
            Invitation.user_id.in_((founder.id, investor.id)))))
        if states == ["accepted", "accepted"]:
            return True
    return False


def _bump(arena: Arena) -> None:
    """The schedule changed: calendar files get a higher SEQUENCE and a new DTSTAMP."""
    arena.schedule_sequence = (arena.schedule_sequence or 0) + 1
    arena.scheduled_at = utcnow()


# --- building -------------------------------------------------------------------------------
def _excluded(arena: Arena, pitch_ids, profile_by_user) -> set[tuple[int, int]]:
    """(pitch, profile) pairs the engine must not suggest: either side marked "not for me",
    or they met at an earlier arena (an explicit request still gets them a meeting)."""
    pitch_ids = [p for p in pitch_ids if p]
    if not pitch_ids or not profile_by_user:
        return set()
    profiles = list(profile_by_user.values())
    return (exclusions.not_for_me_pairs(pitch_ids, profiles)
            | exclusions.met_before_pairs(pitch_ids, profiles, other_than_arena=arena.id))


def candidate_pairs(arena: Arena, founders: list[Invitation], investors: list[Invitation]
                    ) -> dict[tuple[int, int], tuple[float, str]]:
    """(founder user, investor user) → (value, source): requests first, then the engine's
    best stored scores among the participants."""
    profiles = profile_ids(i.user_id for i in investors)
    scores = scores_for([f.pitch_id for f in founders], profiles.values())
    excluded = _excluded(arena, [f.pitch_id for f in founders], profiles)
    pitch_of = {f.user_id: f.pitch_id for f in founders}

    def value(f_uid: int, i_uid: int) -> float:
        match = scores.get((pitch_of.get(f_uid), profiles.get(i_uid)))
        return max(float(match.score) if match else 0.0, MIN_VALUE)

    f_ids, i_ids = set(pitch_of), {i.user_id for i in investors}
    pairs: dict[tuple[int, int], tuple[float, str]] = {}
    states = pair_states(arena.id)
    for (f, i), state in states.items():
        if state != "declined" and f in f_ids and i in i_ids:
            pairs[(f, i)] = (value(f, i), state)
    ranked: dict[int, list[tuple[float, tuple[int, int]]]] = {}
    for f in f_ids:
        for i in i_ids:
            key = (pitch_of[f], profiles.get(i))
            if key in scores and key not in excluded and (f, i) not in states:
                entry = (float(scores[key].score), (f, i))
                ranked.setdefault(f, []).append(entry)
                ranked.setdefault(i, []).append(entry)
    top = SUGGESTIONS_PER_PERSON * arena.cap
    for entries in ranked.values():
        for score, pair in sorted(entries, key=lambda e: (-e[0], e[1]))[:top]:
            pairs.setdefault(pair, (max(score, MIN_VALUE), "suggestion"))
    return pairs


def _locked(arena: Arena, rows: list[Meeting], index: dict[int, int],
            available: dict[int, set[int]], caps: dict[int, int]) -> list[Meeting]:
    """The locked meetings that still fit the plan and each person's window and cap; the
    others are unlocked."""
    present = set(available)
    kept, used, count = [], set(), {}
    for m in rows:
        if not m.locked:
            continue
        fits = (is_active(m, present) and m.slot in index and 0 <= m.table < arena.table_count
                and m.slot in available.get(m.founder_user_id, ())
                and m.slot in available.get(m.investor_user_id, ()))
        keys = {("t", m.slot, m.table), ("p", m.slot, m.founder_user_id),
                ("p", m.slot, m.investor_user_id)}
        people = (m.founder_user_id, m.investor_user_id)
        if fits and not keys & used and all(count.get(u, 0) < caps[u] for u in people):
            kept.append(m)
            used |= keys
            for u in people:
                count[u] = count.get(u, 0) + 1
        else:
            m.locked = False
    return kept


def build(staff, arena: Arena) -> dict[str, int]:
    """Build (or re-run) the schedule: locked meetings stay, the rest is filled anew."""
    if arena.status not in BUILDABLE:
        raise DomainError(_("A schedule can only be built while the arena is inviting or "
                            "scheduled."))
    arena = arena_service.lock_arena(arena.id)
    slots = arena.meeting_slots
    index = {s: k for k, s in enumerate(slots)}
    invitations = accepted(arena.id)
    founders = [i for i in invitations if i.side == "founder"]
    investors = [i for i in invitations if i.side == "investor"]
    if not founders or not investors:
        raise DomainError(_("Nobody to schedule yet: at least one founder and one investor "
                            "must have accepted."))
    # Each person's window (arrive/leave) and own cap, as they or staff set them.
    available = {i.user_id: set(i.available_slots(arena)) for i in invitations}
    caps = {i.user_id: i.cap(arena) for i in invitations}
    rows = meetings(arena, active_only=False)
    before = arena_notices.agendas(m for m in rows if is_active(m, set(available)))
    locked = _locked(arena, rows, index, available, caps)
    pairs = candidate_pairs(arena, founders, investors)
    # A meeting staff cancelled stays cancelled until they restore it.
    kept_off = {(m.founder_user_id, m.investor_user_id) for m in rows
                if m.state == STAFF_CANCELLED}
    pairs = {pair: entry for pair, entry in pairs.items() if pair not in kept_off}
    for m in locked:
        pairs.setdefault((m.founder_user_id, m.investor_user_id), (max(m.value, MIN_VALUE),
                                                                   m.source))
    people = tuple(Participant(f"u{i.user_id}", i.side, caps[i.user_id],
                               frozenset(index[s] for s in available[i.user_id]))
                   for i in invitations)
    instance = Instance(
        slots=len(slots), tables=arena.table_count, participants=people,
        pairs=tuple(Pair(f"u{f}", f"u{i}", value, PRIORITY[source])
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
        row.slot, row.table, row.state = slots[item.slot], item.table, "scheduled"
        row.source, row.value, row.pitch_id = source, value, pitch_of.get(f)
        placed.add((f, i))
    for key, row in by_pair.items():
        if key not in placed and row.state != STAFF_CANCELLED:
            row.state, row.locked = "cancelled", False
    _bump(arena)
    if arena.status == "inviting":
        arena.status = "scheduled"
    db.session.flush()
    after = arena_notices.agendas(m for m in meetings(arena, active_only=False)
                                  if m.state == "scheduled")
    told = arena_notices.schedule_built(arena, invitations, not rows, before, after, staff)
    db.session.commit()
    notices.send(told)
    counts = {source: sum(1 for k in placed if pairs[k][1] == source) for source in PRIORITY}
    counts["total"] = len(placed)
    counts["locked"] = len(locked)
    audit.record("schedule_built", actor=staff, target=f"arena:{arena.id}",
                 detail=" ".join(f"{k}={v}" for k, v in counts.items()))
    return counts


# --- staff edits ----------------------------------------------------------------------------
def meeting_of(arena: Arena, meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None or meeting.arena_id != arena.id:
        raise NotFound(_("No such meeting."))
    return meeting


def _check_changeable(arena: Arena) -> None:
    """A held (done) or cancelled arena's meetings are its record: they stay as they were."""
    if arena.status not in BUILDABLE:
        raise DomainError(_("This arena can no longer be changed."))


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


def move(staff, arena: Arena, meeting_id: int, slot: int, table: int) -> Meeting:
    """Move a meeting to another slot and table (0-based), and lock it there. Refused, with
    nothing changed, when the slot is a break, the table is taken, either person is busy or
    not there. Both people are told where it went."""
    _check_changeable(arena)
    meeting = meeting_of(arena, meeting_id)
    present = {i.user_id: i for i in accepted(arena.id)}
    if not is_active(meeting, set(present)):
        raise DomainError(_("This meeting is cancelled and cannot be moved."))
    refusal = _place_refusal(arena, meeting, slot, table, present)
    if refusal:
        raise DomainError(refusal)
    meeting.slot, meeting.table, meeting.locked = slot, table, True
    _bump(arena)
    told = arena_notices.meeting_moved(arena, meeting, staff)
    db.session.commit()
    notices.send(told)
    audit.record("meeting_moved", actor=staff, target=f"arena:{arena.id}",
                 detail=f"meeting:{meeting.id} slot={slot + 1} table={table + 1}")
    return meeting


def _place_refusal(arena: Arena, meeting: Meeting, slot: int, table: int,
                   present: dict[int, Invitation]) -> str | None:
    """Why the meeting cannot be at this slot and table (0-based), or None when it can."""
    if slot not in arena.meeting_slots:
        return _("Slot %(slot)d is a break or outside the arena's plan.", slot=slot + 1)
    if not 0 <= table < arena.table_count:
        return _("Choose a table between 1 and %(n)d.", n=arena.table_count)
    for other in meetings(arena):
        if other.id == meeting.id or other.slot != slot:
            continue
        if other.table == table:
            return _("Table %(table)d is already taken in slot %(slot)d.",
                     table=table + 1, slot=slot + 1)
        for uid in (meeting.founder_user_id, meeting.investor_user_id):
            if uid in (other.founder_user_id, other.investor_user_id):
                return _("%(name)s already has a meeting in slot %(slot)d.",
                         name=shown(present[uid].user.name), slot=slot + 1)
    for uid in (meeting.founder_user_id, meeting.investor_user_id):
        if slot not in present[uid].available_slots(arena):
            return _("%(name)s is not at the arena in slot %(slot)d.",
                     name=shown(present[uid].user.name), slot=slot + 1)
    return None


def cancellable(arena: Arena, meeting_id: int) -> Meeting:
    """The meeting staff may cancel now; NotFound for another arena's, DomainError when the
    arena is closed or the meeting is not on."""
    _check_changeable(arena)
    meeting = meeting_of(arena, meeting_id)
    if not is_active(meeting, {i.user_id for i in accepted(arena.id)}):
        raise DomainError(_("Only scheduled meetings can be cancelled."))
    return meeting


def cancel(staff, arena: Arena, meeting_id: int) -> Meeting:
    """Staff cancel one meeting (someone fell ill): its slot is freed, a re-run leaves the
    pair out until staff restore it, the calendar files send it as cancelled (SEQUENCE
    raised) and both people are told."""
    meeting = cancellable(arena, meeting_id)
    meeting.state, meeting.locked = STAFF_CANCELLED, False
    _bump(arena)
    told = arena_notices.meeting_cancelled(arena, meeting, staff)
    db.session.commit()
    notices.send(told)
    audit.record("meeting_cancelled", actor=staff, target=f"arena:{arena.id}",
                 detail=f"meeting:{meeting.id}")
    return meeting


def cancelled_by_staff(arena: Arena) -> list[Meeting]:
    """The meetings staff cancelled, which they may restore, by slot and table."""
    return [m for m in meetings(arena, active_only=False) if m.state == STAFF_CANCELLED]


def restore(staff, arena: Arena, meeting_id: int) -> bool:
    """Undo a staff cancellation. The meeting goes back to its slot and table when both
    people are still coming, free there and under their caps (both are told, the calendar
    files send it again); otherwise the pair is only let back into the next re-run.
    Returns whether it is back in the schedule."""
    _check_changeable(arena)
    meeting = meeting_of(arena, meeting_id)
    if meeting.state != STAFF_CANCELLED:
        raise DomainError(_("This meeting is not cancelled by the organisers."))
    present = {i.user_id: i for i in accepted(arena.id)}
    people = (meeting.founder_user_id, meeting.investor_user_id)
    fits = all(uid in present for uid in people) and not _place_refusal(
        arena, meeting, meeting.slot, meeting.table, present)
    if fits:
        active = meetings(arena)
        fits = all(sum(1 for m in active if uid in (m.founder_user_id, m.investor_user_id))
                   < present[uid].cap(arena) for uid in people)
    told = []
    if fits:
        meeting.state = "scheduled"
        _bump(arena)
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
        _bump(arena)
    return freed


def withdraw(user, arena_id: int) -> int:
    """A participant who accepted cancels: their meetings are cancelled (a re-run fills the
    slots), their partners are told, and their seat goes to the waiting list while answers
    are still open."""
    from app.services.rsvp import fill_seats, mail_invitation

    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == user.id))
    if invitation is None or invitation.invited_at is None:
        raise NotFound(_("No such arena."))
    if invitation.state != "accepted":
        raise DomainError(_("You have not accepted this invitation, so there is nothing to "
                            "cancel."))
    arena = arena_service.lock_arena(arena_id)
    _check_changeable(arena)
    mine = meetings(arena, user_id=user.id)
    invitation.state = "cancelled"
    invitation.answered_at = utcnow()
    freed = call_off(arena, user.id)
    told = arena_notices.partner_withdrew(arena, user, mine)
    db.session.flush()
    newly = fill_seats(arena, invitation.side)
    db.session.commit()
    notices.send(told)
    for other in newly:
        mail_invitation(other)
    audit.record("participation_cancelled", actor=user, target=f"arena:{arena_id}",
                 detail=f"meetings freed={freed}")
    return freed
