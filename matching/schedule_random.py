"""Seeded random schedule instances for tests and benchmarks."""

from __future__ import annotations

import random

from matching.schedule_model import Instance, Meeting, Pair, Participant


def random_instance(
    founders: int,
    investors: int,
    slots: int,
    tables: int,
    *,
    density: float = 0.3,
    caps: tuple[int, int] = (1, 8),
    partial: float = 0.3,
    locked: int = 0,
    priorities: bool = False,
    seed: int = 0,
) -> Instance:
    """A random instance; `partial` is the share of people arriving late or leaving early."""
    rng = random.Random(seed)
    people = []
    for side, count, tag in (("founder", founders, "f"), ("investor", investors, "i")):
        for i in range(count):
            avail = None
            if rng.random() < partial:
                lo = rng.randrange(slots)
                hi = rng.randrange(lo, slots)
                if rng.random() < 0.3:  # a break in the middle
                    avail = frozenset(s for s in range(lo, hi + 1) if rng.random() < 0.7)
                else:
                    avail = frozenset(range(lo, hi + 1))
            cap = rng.randint(*caps)
            people.append(Participant(f"{tag}{i}", side, cap, avail))
    pairs = []
    for f in range(founders):
        for i in range(investors):
            if rng.random() < density:
                prio = rng.choice((0, 1, 2, 2, 2)) if priorities else None
                pairs.append(Pair(f"f{f}", f"i{i}", round(rng.random(), 3), prio))
    inst = Instance(slots, tables, tuple(people), tuple(pairs))
    return _with_locked(inst, locked, rng) if locked else inst


def _with_locked(inst: Instance, count: int, rng: random.Random) -> Instance:
    """Lock up to `count` random meetings that respect every rule."""
    people = {p.id: p for p in inst.participants}
    taken_person, taken_table, n_meet = set(), set(), {}
    chosen: list[Meeting] = []
    for pair in rng.sample(list(inst.pairs), min(len(inst.pairs), 4 * count)):
        if len(chosen) >= count:
            break
        s, t = rng.randrange(inst.slots), rng.randrange(inst.tables)
        pa, pb = people[pair.a], people[pair.b]
        if (s, t) in taken_table or any((x.id, s) in taken_person for x in (pa, pb)):
            continue
        if any(x.available is not None and s not in x.available for x in (pa, pb)):
            continue
        if any(n_meet.get(x.id, 0) >= x.cap for x in (pa, pb)):
            continue
        taken_table.add((s, t))
        for x in (pa, pb):
            taken_person.add((x.id, s))
            n_meet[x.id] = n_meet.get(x.id, 0) + 1
        chosen.append(Meeting(pair.a, pair.b, s, t))
    return Instance(inst.slots, inst.tables, inst.participants, inst.pairs, tuple(chosen))
