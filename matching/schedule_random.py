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


def small_random_instance(
    seed: int,
    *,
    max_people: int = 30,
    max_founders: int = 16,
    max_tables: int = 8,
    max_density: float = 0.8,
    max_partial: float = 0.7,
    locks: tuple[int, ...] = (0, 0, 2, 5),
    priorities_every: int = 3,
    seed_offset: int = 0,
) -> Instance:
    """One of the small instances the exact MILP still solves quickly, all drawn from `seed`:
    2 to `max_founders` founders and at least 2 investors, `max_people` at most in all; 1 to 8
    slots and 1 to `max_tables` tables; a pair density of 0.15 to `max_density`; caps from
    0-2 up to 2-8; up to `max_partial` of the people present only part of the time; a count
    of locked meetings from `locks`; priorities on every `priorities_every`-th seed. The
    instance itself is drawn from `seed + seed_offset`.

    The defaults are the family tests/matching/test_schedule.py checks against the MILP and
    benchmarks/schedule.py reports on ("the test family"); the ranges are drawn in this order,
    so a family's instances stay the same as long as its arguments do."""
    rng = random.Random(seed)
    founders = rng.randint(2, max_founders)
    return random_instance(
        founders,
        rng.randint(2, max_people - founders),
        rng.randint(1, 8),
        rng.randint(1, max_tables),
        density=rng.uniform(0.15, max_density),
        caps=(rng.randint(0, 2), rng.randint(2, 8)),
        partial=rng.uniform(0.0, max_partial),
        locked=rng.choice(locks),
        priorities=seed % priorities_every == 0,
        seed=seed + seed_offset,
    )


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
