"""Judging a finished schedule: whether it keeps every rule of its instance, and how
compact it is."""

from __future__ import annotations

from matching.schedule_model import Instance, Meeting, Schedule, fail
from matching.schedule_problem import to_problem


def check_schedule(inst: Instance, sched: Schedule) -> None:
    """Raise InvalidInstance if a schedule breaks any rule of its instance."""
    prob = to_problem(inst)
    index = {pid: i for i, pid in enumerate(prob.ids)}
    pairs = {(prob.pa[p], prob.pb[p]): p for p in range(len(prob.pa))}
    used_pair, used_person, used_table = set(), set(), set()
    count = [0] * len(prob.ids)
    total = 0.0
    for m in sched.meetings:
        p = pairs.get((index.get(m.a, -1), index.get(m.b, -1)))
        if p is None:
            fail(f"meeting {m.a!r}–{m.b!r} is not a pair")
        if p in used_pair:
            fail(f"pair {m.a!r}–{m.b!r} meets twice")
        used_pair.add(p)
        if not (0 <= m.slot < prob.slots and 0 <= m.table < prob.tables):
            fail(f"meeting {m.a!r}–{m.b!r} has slot/table out of range")
        if (m.slot, m.table) in used_table:
            fail(f"table {m.table} used twice in slot {m.slot}")
        used_table.add((m.slot, m.table))
        for v in (prob.pa[p], prob.pb[p]):
            if (v, m.slot) in used_person or not prob.avail[v] >> m.slot & 1:
                fail(f"{prob.ids[v]!r} double-booked or unavailable in slot {m.slot}")
            used_person.add((v, m.slot))
            count[v] += 1
            if count[v] > prob.cap[v]:
                fail(f"{prob.ids[v]!r} exceeds cap")
        total += prob.value[p]
    for p, (s, t) in prob.locked.items():
        if Meeting(prob.ids[prob.pa[p]], prob.ids[prob.pb[p]], s, t) not in sched.meetings:
            fail(f"locked meeting {prob.ids[prob.pa[p]]!r}–{prob.ids[prob.pb[p]]!r} moved")
    if abs(total - sched.value) > 1e-6 * max(1.0, abs(total)):
        fail(f"schedule value {sched.value} differs from the meetings' total {total}")


def idle_slots(inst: Instance, sched: Schedule) -> int:
    """Total idle slots between each person's first and last meeting (lower is better)."""
    slots: dict[str, list[int]] = {}
    for m in sched.meetings:
        slots.setdefault(m.a, []).append(m.slot)
        slots.setdefault(m.b, []).append(m.slot)
    return sum(max(s) - min(s) + 1 - len(s) for s in slots.values())
