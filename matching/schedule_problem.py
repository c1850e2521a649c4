"""The validated, index-based form of an instance (`Problem`) that the solvers work on:
`to_problem` checks every rule of an instance once and numbers its persons and pairs."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from matching.schedule_model import (
    DEFAULT_PRIORITY,
    FOUNDER,
    INVESTOR,
    PRIORITIES,
    Instance,
    as_int,
    as_str,
    fail,
)
from matching.schedule_objective import meeting_bonuses, tier_weights


@dataclass
class Problem:
    """Index form of a validated instance; persons 0..n-1, pairs 0..m-1."""

    instance: Instance
    slots: int
    tables: int
    ids: list[str]
    cap: list[int]
    avail: list[int]  # bitmask of available slots per person
    pa: list[int]  # founder index of each pair
    pb: list[int]  # investor index of each pair
    value: list[float]
    weight: list[float]  # objective weight: value folded with the priority tier
    locked: dict[int, tuple[int, int]] = field(default_factory=dict)  # pair -> (slot, table)
    bonus: list[float] = field(default_factory=list)  # bonus[k]: a person's (k+1)-th meeting

    def bonus_at(self, k: int) -> float:
        """Bonus a person earns by going from k to k+1 meetings (0 beyond the list)."""
        return self.bonus[k] if 0 <= k < len(self.bonus) else 0.0

    def person_bonus(self, count: int) -> float:
        """Total bonus of a person with `count` meetings."""
        return sum(self.bonus[: max(0, count)])


def to_problem(inst: Instance) -> Problem:
    """Check every rule of an instance and return its index form."""
    if not isinstance(inst, Instance):
        fail(f"expected an Instance, got {type(inst).__name__}")
    S, T = as_int(inst.slots, "slots"), as_int(inst.tables, "tables")
    if S > 10_000:
        fail(f"slots must be at most 10000, got {S}")
    full = (1 << S) - 1
    index: dict[str, int] = {}
    ids, caps, avail, sides = [], [], [], []
    for p in inst.participants:
        as_str(p.id, "participant id")
        if p.id in index:
            fail(f"participant {p.id!r} appears twice")
        if p.side not in (FOUNDER, INVESTOR):
            fail(f"side of {p.id!r} must be 'founder' or 'investor', got {p.side!r}")
        as_int(p.cap, f"cap of {p.id!r}")
        mask = full
        if p.available is not None:
            mask = 0
            for s in p.available:
                as_int(s, f"available slot of {p.id!r}", 0, S - 1)
                mask |= 1 << s
        index[p.id] = len(ids)
        ids.append(p.id)
        caps.append(p.cap)
        avail.append(mask)
        sides.append(p.side)
    pair_index: dict[tuple[int, int], int] = {}
    pa, pb, values, prios = [], [], [], []
    for q in inst.pairs:
        for who in (q.a, q.b):
            if who not in index:
                fail(f"pair {q.a!r}–{q.b!r} names unknown participant {who!r}")
        a, b = index[q.a], index[q.b]
        if sides[a] != FOUNDER or sides[b] != INVESTOR:
            fail(f"pair {q.a!r}–{q.b!r} must be founder (a) – investor (b)")
        if (a, b) in pair_index:
            fail(f"pair {q.a!r}–{q.b!r} appears twice")
        v = q.value
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            fail(f"value of pair {q.a!r}–{q.b!r} must be a finite number, got {v!r}")
        prio = DEFAULT_PRIORITY if q.priority is None else q.priority
        if prio not in PRIORITIES or isinstance(prio, bool):
            fail(f"priority of pair {q.a!r}–{q.b!r} must be 0, 1 or 2, got {prio!r}")
        pair_index[(a, b)] = len(pa)
        pa.append(a)
        pb.append(b)
        values.append(float(v))
        prios.append(prio)
    bonus = meeting_bonuses(inst, values)
    spread = sum(sum(bonus[:c]) for c in caps)
    weights = tier_weights(values, prios, spread)
    prob = Problem(inst, S, T, ids, caps, avail, pa, pb, values, weights, bonus=bonus)
    _check_locked(prob, index, pair_index)
    return prob


def _check_locked(prob: Problem, index: dict[str, int], pair_index: dict) -> None:
    """Locked meetings must be valid pairs, in range, available, and not clash."""
    seen_person: set[tuple[int, int]] = set()
    seen_table: set[tuple[int, int]] = set()
    count = [0] * len(prob.ids)
    for m in prob.instance.locked:
        name = f"locked meeting {m.a!r}–{m.b!r}"
        if m.a not in index or m.b not in index:
            fail(f"{name} names an unknown participant")
        p = pair_index.get((index[m.a], index[m.b]))
        if p is None:
            fail(f"{name} is not among the pairs")
        if p in prob.locked:
            fail(f"{name} is locked twice")
        as_int(m.slot, f"slot of {name}", 0, prob.slots - 1)
        as_int(m.table, f"table of {name}", 0, prob.tables - 1)
        if (m.slot, m.table) in seen_table:
            fail(f"{name} uses table {m.table} in slot {m.slot}, already taken")
        seen_table.add((m.slot, m.table))
        for v in (prob.pa[p], prob.pb[p]):
            who = prob.ids[v]
            if not prob.avail[v] >> m.slot & 1:
                fail(f"{name}: {who!r} is not available in slot {m.slot}")
            if (v, m.slot) in seen_person:
                fail(f"{name}: {who!r} already has a locked meeting in slot {m.slot}")
            seen_person.add((v, m.slot))
            count[v] += 1
            if count[v] > prob.cap[v]:
                fail(f"{name}: locked meetings exceed the cap of {who!r}")
        prob.locked[p] = (m.slot, m.table)
