"""Meeting-schedule instances and schedules: frozen dataclasses, JSON parsing, validation.

The solver modules (`matching.schedule`, `matching.schedule_milp`) work on a `Problem`, the
validated, index-based form of an `Instance`, so that parsing and checking happen once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

FOUNDER = "founder"
INVESTOR = "investor"
#: Priority tiers: 0 mutual request, 1 one-sided request, 2 engine suggestion (the default).
PRIORITIES = (0, 1, 2)
DEFAULT_PRIORITY = 2
#: Bonus for each person's 1st, 2nd, … meeting, in units of the instance's largest pair value
#: (see `meeting_bonuses`): a first meeting is worth any one other meeting's value on top.
DEFAULT_MEETING_BONUS: tuple[float, ...] = (1.0,)
MAX_BONUS_STEPS = 100


class InvalidInstance(ValueError):
    """Raised when a schedule instance breaks the rules; the message says which rule."""


@dataclass(frozen=True)
class Participant:
    """A founder or investor with a meeting cap and the slots they can attend (None = all)."""

    id: str
    side: str
    cap: int
    available: frozenset[int] | None = None


@dataclass(frozen=True)
class Pair:
    """A founder–investor pair that may meet, with its value and optional priority tier."""

    a: str
    b: str
    value: float
    priority: int | None = None


@dataclass(frozen=True)
class Meeting:
    """One meeting: founder `a` meets investor `b` in `slot` at `table`."""

    a: str
    b: str
    slot: int
    table: int

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the meeting."""
        return {"a": self.a, "b": self.b, "slot": self.slot, "table": self.table}


@dataclass(frozen=True)
class Instance:
    """A scheduling problem: slots, tables, participants, candidate pairs and locked meetings."""

    slots: int
    tables: int
    participants: tuple[Participant, ...]
    pairs: tuple[Pair, ...]
    locked: tuple[Meeting, ...] = ()
    meeting_bonus: tuple[float, ...] = DEFAULT_MEETING_BONUS

    @classmethod
    def from_dict(cls, data: Any) -> Instance:
        """Build an instance from its JSON form, raising InvalidInstance on bad input."""
        return instance_from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form of the instance."""
        people = []
        for p in self.participants:
            d: dict[str, Any] = {"id": p.id, "side": p.side, "cap": p.cap}
            if p.available is not None:
                d["available"] = sorted(p.available)
            people.append(d)
        pairs = []
        for q in self.pairs:
            d = {"a": q.a, "b": q.b, "value": q.value}
            if q.priority is not None:
                d["priority"] = q.priority
            pairs.append(d)
        data = {
            "slots": self.slots,
            "tables": self.tables,
            "participants": people,
            "pairs": pairs,
            "locked": [m.to_dict() for m in self.locked],
        }
        if tuple(self.meeting_bonus) != DEFAULT_MEETING_BONUS:
            data["meeting_bonus"] = list(self.meeting_bonus)
        return data


@dataclass(frozen=True)
class Schedule:
    """The solver's answer: meetings sorted by slot and table, and their total value."""

    meetings: tuple[Meeting, ...]
    value: float

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form `{"meetings": [...], "value": float}`."""
        return {"meetings": [m.to_dict() for m in self.meetings], "value": self.value}


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


def _fail(msg: str) -> None:
    raise InvalidInstance(msg)


def _int(x: Any, what: str, lo: int = 0, hi: int | None = None) -> int:
    # bool is an int subclass; `true` in JSON is never a meaningful count or slot.
    if not isinstance(x, int) or isinstance(x, bool):
        _fail(f"{what} must be an integer, got {x!r}")
    if x < lo or (hi is not None and x > hi):
        rng = f">= {lo}" if hi is None else f"in {lo}..{hi}"
        _fail(f"{what} must be {rng}, got {x}")
    return x


def _str(x: Any, what: str) -> str:
    if not isinstance(x, str) or not x:
        _fail(f"{what} must be a non-empty string, got {x!r}")
    return x


def _list(x: Any, what: str) -> list:
    if not isinstance(x, list | tuple):
        _fail(f"{what} must be a list, got {type(x).__name__}")
    return list(x)


def _dict(x: Any, what: str) -> dict:
    if not isinstance(x, dict):
        _fail(f"{what} must be an object, got {type(x).__name__}")
    return x


def instance_from_dict(data: Any) -> Instance:
    """Parse the JSON form of an instance (types only; `to_problem` checks the rules)."""
    data = _dict(data, "instance")
    for key in ("slots", "tables", "participants", "pairs"):
        if key not in data:
            _fail(f"instance is missing {key!r}")
    slots = _int(data["slots"], "slots")
    tables = _int(data["tables"], "tables")
    people = []
    for i, raw in enumerate(_list(data["participants"], "participants")):
        raw = _dict(raw, f"participants[{i}]")
        for key in ("id", "side", "cap"):
            if key not in raw:
                _fail(f"participants[{i}] is missing {key!r}")
        pid = _str(raw["id"], f"participants[{i}].id")
        avail = None
        if raw.get("available") is not None:
            items = _list(raw["available"], f"available of {pid!r}")
            avail = frozenset(_int(s, f"available slot of {pid!r}") for s in items)
        people.append(Participant(pid, raw["side"], _int(raw["cap"], f"cap of {pid!r}"), avail))
    pairs = []
    for i, raw in enumerate(_list(data["pairs"], "pairs")):
        raw = _dict(raw, f"pairs[{i}]")
        for key in ("a", "b", "value"):
            if key not in raw:
                _fail(f"pairs[{i}] is missing {key!r}")
        prio = raw.get("priority")
        if prio is not None:
            prio = _int(prio, f"priority of pairs[{i}]", 0, 2)
        a, b = _str(raw["a"], f"pairs[{i}].a"), _str(raw["b"], f"pairs[{i}].b")
        pairs.append(Pair(a, b, raw["value"], prio))
    locked = []
    for i, raw in enumerate(_list(data.get("locked") or [], "locked")):
        raw = _dict(raw, f"locked[{i}]")
        for key in ("a", "b", "slot", "table"):
            if key not in raw:
                _fail(f"locked[{i}] is missing {key!r}")
        locked.append(
            Meeting(
                _str(raw["a"], f"locked[{i}].a"),
                _str(raw["b"], f"locked[{i}].b"),
                _int(raw["slot"], f"locked[{i}].slot"),
                _int(raw["table"], f"locked[{i}].table"),
            )
        )
    bonus = DEFAULT_MEETING_BONUS
    if data.get("meeting_bonus") is not None:
        bonus = tuple(_list(data["meeting_bonus"], "meeting_bonus"))
    return Instance(slots, tables, tuple(people), tuple(pairs), tuple(locked), bonus)


def meeting_bonuses(inst: Instance, values: list[float]) -> list[float]:
    """The per-person bonuses in objective units: `meeting_bonus` × the largest pair value.

    Scaling by the largest value keeps the default meaningful whatever scale the values are
    on (scores in 0..1 in the app, anything in a JSON instance).

    The objective is the meetings' (tier-weighted) value plus, for each person, bonus[0] for
    a first meeting, bonus[1] for a second, …: a concave utility per person, so that whoever
    can meet someone gets a meeting before anyone gets an eighth. The default, one largest
    pair value for a first meeting, makes a first meeting of any positive value outweigh
    any single other meeting, so the scheduler gives up one person's extra meeting for
    another's first whenever that is the trade on offer, but not two good meetings for one
    poor first one. The bonus lives in the value tier, below both kinds of request (see
    `tier_weights`): a mutual or one-sided request is never given up for it. It must not
    grow with k (concave), or stage 1's flow and the MILP would no longer be exact.
    """
    raw = inst.meeting_bonus
    if not isinstance(raw, tuple | list) or len(raw) > MAX_BONUS_STEPS:
        _fail(f"meeting_bonus must be a list of at most {MAX_BONUS_STEPS} numbers, got {raw!r}")
    prev = math.inf
    for k, b in enumerate(raw):
        if isinstance(b, bool) or not isinstance(b, int | float) or not math.isfinite(b):
            _fail(f"meeting_bonus[{k}] must be a finite number, got {b!r}")
        if b < 0:
            _fail(f"meeting_bonus[{k}] must be >= 0, got {b}")
        if b > prev:
            _fail("meeting_bonus must not increase (a later meeting is worth no more bonus)")
        prev = b
    scale = max((v for v in values if v > 0), default=0.0)
    bonus = [float(b) * scale for b in raw]
    while bonus and bonus[-1] == 0.0:
        bonus.pop()
    return bonus


def tier_weights(values: list[float], prios: list[int], spread: float = 0.0) -> list[float]:
    """Fold priority tiers into weights so tiers are lexicographic: counts first, then value.

    A mutual meeting outweighs any number of one-sided ones, which outweigh any number of
    suggestions; within equal tier counts the total value (with the per-person bonuses, at
    most `spread` in all) decides. The gap R exceeds every possible difference in total
    value plus bonuses, so an extra meeting of a better tier always wins.
    """
    if all(p == DEFAULT_PRIORITY for p in prios):
        return list(values)
    r = 2.0 * (sum(abs(v) for v in values) + spread) + 1.0
    n1 = sum(1 for p in prios if p == 1)
    offset = {2: 0.0, 1: r, 0: r * (n1 + 2)}
    return [v + offset[p] for v, p in zip(values, prios, strict=True)]


def to_problem(inst: Instance) -> Problem:
    """Check every rule of an instance and return its index form."""
    if not isinstance(inst, Instance):
        _fail(f"expected an Instance, got {type(inst).__name__}")
    S, T = _int(inst.slots, "slots"), _int(inst.tables, "tables")
    if S > 10_000:
        _fail(f"slots must be at most 10000, got {S}")
    full = (1 << S) - 1
    index: dict[str, int] = {}
    ids, caps, avail, sides = [], [], [], []
    for p in inst.participants:
        _str(p.id, "participant id")
        if p.id in index:
            _fail(f"participant {p.id!r} appears twice")
        if p.side not in (FOUNDER, INVESTOR):
            _fail(f"side of {p.id!r} must be 'founder' or 'investor', got {p.side!r}")
        _int(p.cap, f"cap of {p.id!r}")
        mask = full
        if p.available is not None:
            mask = 0
            for s in p.available:
                _int(s, f"available slot of {p.id!r}", 0, S - 1)
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
                _fail(f"pair {q.a!r}–{q.b!r} names unknown participant {who!r}")
        a, b = index[q.a], index[q.b]
        if sides[a] != FOUNDER or sides[b] != INVESTOR:
            _fail(f"pair {q.a!r}–{q.b!r} must be founder (a) – investor (b)")
        if (a, b) in pair_index:
            _fail(f"pair {q.a!r}–{q.b!r} appears twice")
        v = q.value
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            _fail(f"value of pair {q.a!r}–{q.b!r} must be a finite number, got {v!r}")
        prio = DEFAULT_PRIORITY if q.priority is None else q.priority
        if prio not in PRIORITIES or isinstance(prio, bool):
            _fail(f"priority of pair {q.a!r}–{q.b!r} must be 0, 1 or 2, got {prio!r}")
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
            _fail(f"{name} names an unknown participant")
        p = pair_index.get((index[m.a], index[m.b]))
        if p is None:
            _fail(f"{name} is not among the pairs")
        if p in prob.locked:
            _fail(f"{name} is locked twice")
        _int(m.slot, f"slot of {name}", 0, prob.slots - 1)
        _int(m.table, f"table of {name}", 0, prob.tables - 1)
        if (m.slot, m.table) in seen_table:
            _fail(f"{name} uses table {m.table} in slot {m.slot}, already taken")
        seen_table.add((m.slot, m.table))
        for v in (prob.pa[p], prob.pb[p]):
            who = prob.ids[v]
            if not prob.avail[v] >> m.slot & 1:
                _fail(f"{name}: {who!r} is not available in slot {m.slot}")
            if (v, m.slot) in seen_person:
                _fail(f"{name}: {who!r} already has a locked meeting in slot {m.slot}")
            seen_person.add((v, m.slot))
            count[v] += 1
            if count[v] > prob.cap[v]:
                _fail(f"{name}: locked meetings exceed the cap of {who!r}")
        prob.locked[p] = (m.slot, m.table)


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
            _fail(f"meeting {m.a!r}–{m.b!r} is not a pair")
        if p in used_pair:
            _fail(f"pair {m.a!r}–{m.b!r} meets twice")
        used_pair.add(p)
        if not (0 <= m.slot < prob.slots and 0 <= m.table < prob.tables):
            _fail(f"meeting {m.a!r}–{m.b!r} has slot/table out of range")
        if (m.slot, m.table) in used_table:
            _fail(f"table {m.table} used twice in slot {m.slot}")
        used_table.add((m.slot, m.table))
        for v in (prob.pa[p], prob.pb[p]):
            if (v, m.slot) in used_person or not prob.avail[v] >> m.slot & 1:
                _fail(f"{prob.ids[v]!r} double-booked or unavailable in slot {m.slot}")
            used_person.add((v, m.slot))
            count[v] += 1
            if count[v] > prob.cap[v]:
                _fail(f"{prob.ids[v]!r} exceeds cap")
        total += prob.value[p]
    for p, (s, t) in prob.locked.items():
        if Meeting(prob.ids[prob.pa[p]], prob.ids[prob.pb[p]], s, t) not in sched.meetings:
            _fail(f"locked meeting {prob.ids[prob.pa[p]]!r}–{prob.ids[prob.pb[p]]!r} moved")
    if abs(total - sched.value) > 1e-6 * max(1.0, abs(total)):
        _fail(f"schedule value {sched.value} differs from the meetings' total {total}")


def idle_slots(inst: Instance, sched: Schedule) -> int:
    """Total idle slots between each person's first and last meeting (lower is better)."""
    slots: dict[str, list[int]] = {}
    for m in sched.meetings:
        slots.setdefault(m.a, []).append(m.slot)
        slots.setdefault(m.b, []).append(m.slot)
    return sum(max(s) - min(s) + 1 - len(s) for s in slots.values())
