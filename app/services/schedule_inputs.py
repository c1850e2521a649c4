"""What the scheduler (`matching.schedule`) is given about an arena's people besides their
pairs: who may meet at all, each person's meeting slots and cap, the locked meetings that
still fit, the slots that have begun on the arena's day; and, from the same inputs, why
someone got no meeting (`no_meetings`). `schedule.build` runs the scheduler on them;
`schedule.no_meeting_reasons` asks why for the pages.
"""

from __future__ import annotations

from datetime import UTC, datetime

from app.models import Arena, Invitation, Meeting
from app.services import no_meetings

STAFF_CANCELLED = "cancelled_by_staff"


def is_active(meeting: Meeting, present: set[int]) -> bool:
    return (meeting.state == "scheduled" and meeting.founder_user_id in present
            and meeting.investor_user_id in present)


def locked_that_fit(arena: Arena, rows: list[Meeting], index: dict[int, int],
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


def people(arena: Arena, invitations: list[Invitation]):
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


def begun(arena: Arena, rows: list[Meeting], available: dict[int, set[int]],
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


def gaps(arena: Arena, invitations: list[Invitation], withdrawn, available, caps, pairs,
         active: list[Meeting]) -> dict[int, str]:
    return no_meetings.reasons(no_meetings.Inputs(
        people=tuple(i.user_id for i in invitations), withdrawn=frozenset(withdrawn),
        available={uid: frozenset(slots) for uid, slots in available.items()}, caps=caps,
        pairs=frozenset(pairs),
        placed=tuple((m.founder_user_id, m.investor_user_id, m.slot, m.table) for m in active),
        tables=arena.table_count,
        absent=frozenset(i.user_id for i in invitations if i.attended is False)))
