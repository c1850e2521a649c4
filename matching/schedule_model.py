"""Meeting-schedule instances and schedules: frozen dataclasses and their JSON form, and the
refusal of an instance that breaks a rule (InvalidInstance, with the checks that raise it).

The solver modules (`matching.schedule`, `matching.schedule_milp`) work on a
`matching.schedule_problem.Problem`, the validated, index-based form of an `Instance`, so
that parsing and checking happen once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FOUNDER = "founder"
INVESTOR = "investor"
#: Priority tiers: 0 mutual request, 1 one-sided request, 2 engine suggestion (the default).
PRIORITIES = (0, 1, 2)
DEFAULT_PRIORITY = 2
#: Bonus for each person's 1st, 2nd, … meeting, in units of the instance's largest pair value
#: (see `matching.schedule_objective.meeting_bonuses`): a first meeting is worth any one
#: other meeting's value on top.
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


def fail(msg: str) -> None:
    raise InvalidInstance(msg)


def as_int(x: Any, what: str, lo: int = 0, hi: int | None = None) -> int:
    # bool is an int subclass; `true` in JSON is never a meaningful count or slot.
    if not isinstance(x, int) or isinstance(x, bool):
        fail(f"{what} must be an integer, got {x!r}")
    if x < lo or (hi is not None and x > hi):
        rng = f">= {lo}" if hi is None else f"in {lo}..{hi}"
        fail(f"{what} must be {rng}, got {x}")
    return x


def as_str(x: Any, what: str) -> str:
    if not isinstance(x, str) or not x:
        fail(f"{what} must be a non-empty string, got {x!r}")
    return x


def _list(x: Any, what: str) -> list:
    if not isinstance(x, list | tuple):
        fail(f"{what} must be a list, got {type(x).__name__}")
    return list(x)


def _dict(x: Any, what: str, keys: tuple[str, ...] = ()) -> dict:
    """`x` as a JSON object that holds every one of `keys`."""
    if not isinstance(x, dict):
        fail(f"{what} must be an object, got {type(x).__name__}")
    for key in keys:
        if key not in x:
            fail(f"{what} is missing {key!r}")
    return x


def instance_from_dict(data: Any) -> Instance:
    """Parse the JSON form of an instance (types only; `schedule_problem.to_problem` checks
    the rules)."""
    data = _dict(data, "instance", ("slots", "tables", "participants", "pairs"))
    slots = as_int(data["slots"], "slots")
    tables = as_int(data["tables"], "tables")
    people = []
    for i, raw in enumerate(_list(data["participants"], "participants")):
        raw = _dict(raw, f"participants[{i}]", ("id", "side", "cap"))
        pid = as_str(raw["id"], f"participants[{i}].id")
        avail = None
        if raw.get("available") is not None:
            items = _list(raw["available"], f"available of {pid!r}")
            avail = frozenset(as_int(s, f"available slot of {pid!r}") for s in items)
        people.append(Participant(pid, raw["side"], as_int(raw["cap"], f"cap of {pid!r}"), avail))
    pairs = []
    for i, raw in enumerate(_list(data["pairs"], "pairs")):
        raw = _dict(raw, f"pairs[{i}]", ("a", "b", "value"))
        prio = raw.get("priority")
        if prio is not None:
            prio = as_int(prio, f"priority of pairs[{i}]", 0, 2)
        a, b = as_str(raw["a"], f"pairs[{i}].a"), as_str(raw["b"], f"pairs[{i}].b")
        pairs.append(Pair(a, b, raw["value"], prio))
    locked = []
    for i, raw in enumerate(_list(data.get("locked") or [], "locked")):
        raw = _dict(raw, f"locked[{i}]", ("a", "b", "slot", "table"))
        locked.append(
            Meeting(
                as_str(raw["a"], f"locked[{i}].a"),
                as_str(raw["b"], f"locked[{i}].b"),
                as_int(raw["slot"], f"locked[{i}].slot"),
                as_int(raw["table"], f"locked[{i}].table"),
            )
        )
    bonus = DEFAULT_MEETING_BONUS
    if data.get("meeting_bonus") is not None:
        bonus = tuple(_list(data["meeting_bonus"], "meeting_bonus"))
    return Instance(slots, tables, tuple(people), tuple(pairs), tuple(locked), bonus)
