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
staff re-run and edit it without anyone being told, and the arena keeps inviting. `publish`
shows it to the participants, tells each once and moves an inviting arena to "scheduled";
from then on a re-run, a move or a call-off tells those affected.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation, Meeting, Pitch
from app.models.user import utcnow
from app.services import arena_notices, audit, exclusions, no_meetings, notices, records
from app.services import arenas as arena_service
from app.services.errors import DomainError
from app.services.loaded_engine import engine_cache, get_engine
from app.services.pair_scores import profile_ids, score_values
from app.services.participants import accepted
from app.services.request_pairs import pair_states
from matching.schedule import InvalidInstance, schedule
from matching.schedule_model import Instance, Pair, Participant
from matching.schedule_model import Meeting as Slotted

BUILDABLE = ("inviting", "scheduled")
MIN_VALUE = 0.01  # the scheduler's weight of a requested pair without a stored score
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


def pitch_titles(rows: list[Meeting]) -> dict[int, str]:
    """pitch id → title of the meetings' pitches, in one query of two columns (the
    schedule page read each meeting's pitch whole, one query per pitch)."""
    ids = {m.pitch_id for m in rows if m.pitch_id is not None}
    if not ids:
        return {}
    return dict(db.session.execute(select(Pitch.id, Pitch.title).where(Pitch.id.in_(ids))).all())


def is_active(meeting: Meeting, present: set[int]) -> bool:
    return (meeting.state == "scheduled" and meeting.founder_user_id in present
            and meeting.investor_user_id in present)


def meeting_partners(user, others) -> set[int]:
    """The ids of those among `others` (users) whom `user`, a founder or an investor, meets
    in a scheduled meeting of an arena that is not cancelled, both still accepted, in a
    published schedule (a draft's meetings are not known to the two). Two queries for the
    whole list: an agenda asked three per meeting."""
    if user is None or user.role not in ("founder", "investor"):
        return set()
    ids = {o.id for o in others if o is not None and {o.role, user.role} == {"founder",
                                                                            "investor"}}
    if not ids:
        return set()
    mine, theirs = ((Meeting.founder_user_id, Meeting.investor_user_id)
                    if user.role == "founder"
                    else (Meeting.investor_user_id, Meeting.founder_user_id))
    pairs = db.session.execute(select(Meeting.arena_id, theirs).join(
        Arena, Arena.id == Meeting.arena_id).where(
        mine == user.id, theirs.in_(sorted(ids)), Meeting.state == "scheduled",
        Arena.status.in_(("scheduled", "done")), Arena.schedule_published)).all()
    if not pairs:
        return set()
    coming = set(db.session.execute(select(Invitation.arena_id, Invitation.user_id).where(
        Invitation.arena_id.in_({arena_id for arena_id, _other in pairs}),
        Invitation.user_id.in_(ids | {user.id}), Invitation.state == "accepted")).all())
    return {other for arena_id, other in pairs
            if (arena_id, user.id) in coming and (arena_id, other) in coming}


def bump(arena: Arena) -> None:
    """The schedule changed: calendar files get a higher SEQUENCE and a new DTSTAMP."""
    arena.schedule_sequence = (arena.schedule_sequence or 0) + 1
    arena.scheduled_at = utcnow()


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


def _excluded(arena: Arena, pitch_ids, profile_by_user) -> set[tuple[int, int]]:
    """(pitch, profile) pairs the engine must not suggest: either side marked "not for me",
    or they met at an earlier arena (an explicit request still gets them a meeting)."""
    pitch_ids = [p for p in pitch_ids if p]
    if not pitch_ids or not profile_by_user:
        return set()
    profiles = list(profile_by_user.values())
    return (exclusions.not_for_me_pairs(pitch_ids, profiles)
            | exclusions.met_before_pairs(pitch_ids, profiles, other_than_arena=arena.id))


def engine_scores(pitch_ids, profile_ids_, skip: set[tuple[int, int]]
                  ) -> dict[tuple[int, int], float]:
    """(pitch, profile) → score for the pairs among these ids but `skip` (the stored and the
    excluded ones), scored now by the loaded engine. Only each pitch's and each investor's
    best TOP_K scores are stored, so a pair of participants ranked outside both lists had no
    score, no suggestion and no meeting, though the invitation proposal invited them. Hard
    filters and removed records leave a pair out, as they leave it out of the stored
    scores; so does a score of 0."""
    todo = [(p, q) for p in sorted({p for p in pitch_ids if p})
            for q in sorted({q for q in profile_ids_ if q}) if (p, q) not in skip]
    if not todo:
        return {}
    engine = get_engine()
    if engine is None:
        return {}
    with engine_cache().lock:
        values = engine.pair_scores([(records.pitch_id(p), records.investor_id(q))
                                     for p, q in todo])
    return {pair: value for pair, value in zip(todo, values.tolist(), strict=True)
            if value > 0}  # NaN (filtered, not indexed) is not > 0


def candidate_pairs(arena: Arena, founders: list[Invitation], investors: list[Invitation],
                    score_unstored: bool = True
                    ) -> dict[tuple[int, int], tuple[float | None, str]]:
    """(founder user, investor user) → (score, source): requests first, then the engine's
    best scores among the participants (stored, or scored now: `engine_scores`, unless not
    `score_unstored`). The score is None for a requested pair the engine does not score:
    the meeting stores it so, and only the scheduler weighs it (`weight`)."""
    profiles = profile_ids(i.user_id for i in investors)
    pitch_ids = [f.pitch_id for f in founders]
    scores = score_values(pitch_ids, profiles.values())
    excluded = _excluded(arena, pitch_ids, profiles)
    if score_unstored:
        scores.update(engine_scores(pitch_ids, profiles.values(), set(scores) | excluded))
    pitch_of = {f.user_id: f.pitch_id for f in founders}

    def score(f_uid: int, i_uid: int) -> float | None:
        return scores.get((pitch_of.get(f_uid), profiles.get(i_uid)))

    f_ids, i_ids = set(pitch_of), {i.user_id for i in investors}
    pairs: dict[tuple[int, int], tuple[float | None, str]] = {}
    states = pair_states(arena.id)
    for (f, i), state in states.items():
        if state != "declined" and f in f_ids and i in i_ids:
            pairs[(f, i)] = (score(f, i), state)
    ranked: dict[int, list[tuple[float, tuple[int, int]]]] = {}
    for f in f_ids:
        for i in i_ids:
            key = (pitch_of[f], profiles.get(i))
            if key in scores and key not in excluded and (f, i) not in states:
                entry = (scores[key], (f, i))
                ranked.setdefault(f, []).append(entry)
                ranked.setdefault(i, []).append(entry)
    top = SUGGESTIONS_PER_PERSON * arena.cap
    for entries in ranked.values():
        for value, pair in sorted(entries, key=lambda e: (-e[0], e[1]))[:top]:
            pairs.setdefault(pair, (value, "suggestion"))
    return pairs


def weight(score: float | None) -> float:
    """What a pair is worth to the scheduler: its score, and at least MIN_VALUE, so that a
    pair who asked to meet without a score (or with a tiny one) still gets a meeting."""
    return max(score or 0.0, MIN_VALUE)


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


def _people(arena: Arena, invitations: list[Invitation]):
    """Who the scheduler may place and how: the founders whose invited pitch is withdrawn
    (they meet nobody), each person's meeting slots and cap."""
    # A founder whose invited pitch is withdrawn (a draft again, or hidden by staff) meets
    # nobody, locked meetings included: the investors could not read what they would come
    # to hear, and their agendas would have to name it. Staff see it on the invitation list;
    # published again, the next run schedules the founder.
    withdrawn = {i.user_id for i in invitations if i.side == "founder"
                 and i.pitch is not None and not i.pitch.is_visible}
    # Each person's window (arrive/leave) and own cap, as they or staff set them. Someone
    # marked absent at the door has none: a re-run on the day gave a no-show new meetings
    # (and told the people they were to meet), and kept their old ones.
    available = {i.user_id: set() if i.attended is False else set(i.available_slots(arena))
                 for i in invitations}
    caps = {i.user_id: i.cap(arena) for i in invitations}
    return withdrawn, available, caps


def _begun(arena: Arena, rows: list[Meeting], available: dict[int, set[int]],
           now: datetime | None = None) -> list[Meeting]:
    """On the arena's day a run leaves the slots that have begun as they are: their active
    meetings are returned, to be kept where they are, and nobody gets a new meeting in them
    (taken out of `available`, but for the slots of those kept meetings). A run at 11:00,
    after a no-show was marked absent, moved meetings already held at 10:00 and put new
    ones there, telling everyone concerned."""
    now = now or datetime.now(UTC)
    begun = {s for s in arena.meeting_slots if arena.slot_start(s).astimezone(UTC) <= now}
    if not begun:
        return []
    held = [m for m in rows if m.slot in begun and is_active(m, set(available))]
    for slots in available.values():
        slots -= begun
    for m in held:
        available[m.founder_user_id].add(m.slot)
        available[m.investor_user_id].add(m.slot)
    return held


def _pairs(arena: Arena, founders: list[Invitation], investors: list[Invitation],
           rows: list[Meeting], score_unstored: bool = True
           ) -> dict[tuple[int, int], tuple[float | None, str]]:
    """The candidate pairs but those staff cancelled: such a meeting stays cancelled until
    they restore it."""
    kept_off = {(m.founder_user_id, m.investor_user_id) for m in rows
                if m.state == STAFF_CANCELLED}
    return {pair: entry for pair, entry
            in candidate_pairs(arena, founders, investors, score_unstored).items()
            if pair not in kept_off}


def _gaps(arena: Arena, invitations: list[Invitation], withdrawn, available, caps, pairs,
          active: list[Meeting]) -> dict[int, str]:
    return no_meetings.reasons(no_meetings.Inputs(
        people=tuple(i.user_id for i in invitations), withdrawn=frozenset(withdrawn),
        available={uid: frozenset(slots) for uid, slots in available.items()}, caps=caps,
        pairs=frozenset(pairs),
        placed=tuple((m.founder_user_id, m.investor_user_id, m.slot, m.table) for m in active),
        tables=arena.table_count,
        absent=frozenset(i.user_id for i in invitations if i.attended is False)))


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
    withdrawn, available, caps = _people(arena, invitations)
    _begun(arena, rows, available)
    founders = [i for i in invitations if i.side == "founder" and i.user_id not in withdrawn]
    investors = [i for i in invitations if i.side == "investor"]
    pairs = _pairs(arena, founders, investors, rows, score_unstored=False)
    return _gaps(arena, invitations, withdrawn, available, caps, pairs, active)


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
    withdrawn, available, caps = _people(arena, invitations)
    founders = [i for i in invitations if i.side == "founder" and i.user_id not in withdrawn]
    investors = [i for i in invitations if i.side == "investor"]
    if not founders or not investors:
        raise DomainError(_("Nobody to schedule yet: at least one founder and one investor "
                            "must have accepted."))
    rows = meetings(arena, active_only=False)
    before = arena_notices.agendas(m for m in rows if is_active(m, set(available)))
    held = _begun(arena, rows, available, now)
    for m in rows:
        if m.founder_user_id in withdrawn and m not in held:
            m.locked = False
    locked = _locked(arena, [m for m in rows if m not in held], index, available, caps) + held
    pairs = _pairs(arena, founders, investors, rows)
    for m in locked:
        pairs.setdefault((m.founder_user_id, m.investor_user_id), (m.value, m.source))
    people = tuple(Participant(f"u{i.user_id}", i.side, caps[i.user_id],
                               frozenset(index[s] for s in available[i.user_id]))
                   for i in invitations)
    instance = Instance(
        slots=len(slots), tables=arena.table_count, participants=people,
        pairs=tuple(Pair(f"u{f}", f"u{i}", weight(value), PRIORITY[source])
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
    # A draft leaves the arena "inviting": invitees still answer and set their times, and
    # staff still invite, until the schedule is published (publish moves it on).
    bump(arena)
    db.session.flush()
    told = []
    if arena.schedule_published:
        active = [m for m in meetings(arena, active_only=False) if m.state == "scheduled"]
        after = arena_notices.agendas(active)
        gaps = _gaps(arena, invitations, withdrawn, available, caps, pairs, active)
        told = arena_notices.schedule_changed(arena, invitations, before, after, gaps, staff)
    db.session.commit()
    notices.send(told)
    counts = {source: sum(1 for k in placed if pairs[k][1] == source) for source in PRIORITY}
    counts["total"] = len(placed)
    counts["locked"] = len(locked)
    audit.record("schedule_built", actor=staff, target=f"arena:{arena.id}",
                 detail=" ".join(f"{k}={v}" for k, v in counts.items()))
    return counts


# --- publishing -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Publication:
    """Who learns what when the draft is published: the agenda (with meetings) or that no
    meeting could be fitted (with why, where known); `fits_now` of the latter would get a
    meeting if staff built the draft again first."""

    with_meetings: int
    without: int
    fits_now: int

    @property
    def people(self) -> int:
        return self.with_meetings + self.without


def _check_publishable(arena: Arena) -> None:
    closed = closed_because(arena)
    if closed is not None:
        raise ScheduleClosed(closed)
    if arena.schedule_published:
        raise DomainError(_("The schedule is already published."))
    if arena.scheduled_at is None:
        raise DomainError(_("Build the schedule first."))


def to_publish(arena: Arena) -> Publication:
    """What publishing the draft now would do (for the page that asks first)."""
    _check_publishable(arena)
    present = {i.user_id for i in accepted(arena.id)}
    gaps = no_meeting_reasons(arena)
    return Publication(with_meetings=len(present) - len(gaps), without=len(gaps),
                       fits_now=sum(1 for code in gaps.values()
                                    if code == no_meetings.FITS_NOW))


def publish(staff, arena: Arena) -> Publication:
    """Show the draft to the participants: their agendas, calendar files and the API show
    it from now on, and each participant is told once, those without meetings that none
    could be fitted (and why, where the schedule knows). Moves and call-offs from now on
    tell those affected."""
    arena = arena_service.lock_arena(arena.id)
    _check_publishable(arena)
    invitations = accepted(arena.id)
    gaps = no_meeting_reasons(arena)
    arena.schedule_published_at = utcnow()
    # Published, the plan is everyone's: the invitation list and the invitees' own times
    # close ("scheduled"); answers are still taken until the deadline.
    if arena.status == "inviting":
        arena.status = "scheduled"
    bump(arena)
    told = arena_notices.schedule_published(arena, invitations, gaps, staff)
    db.session.commit()
    notices.send(told)
    outcome = Publication(with_meetings=len(invitations) - len(gaps), without=len(gaps),
                          fits_now=sum(1 for code in gaps.values()
                                       if code == no_meetings.FITS_NOW))
    audit.record("schedule_published", actor=staff, target=f"arena:{arena.id}",
                 detail=f"with={outcome.with_meetings} without={outcome.without}")
    return outcome
