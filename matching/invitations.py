"""Arena invitation proposals: which founders and investors to invite, and why.

Objective: the match value held in the room, sum over invited founders of the top-m
values of their pairs with invited investors (plus a tiny share of all their pair
values, so that a fuller room wins ties). Constraints: the capacities; every invited
founder has at least `k` good investors (value >= `good`) in the room, and a founder
who cannot have them is not invited; each association gets its fairness quota of seats
when it has enough eligible candidates.

Approach (see `matching.invitations_search`): the objective is monotone submodular in the
investors for a fixed set of founders, and modular in the founders for fixed investors,
so we alternate (1) founders given investors: best eligible founders, quota-aware greedy,
which is exact for a modular objective with lower-bound quotas; (2) investors given
founders: a covering greedy until every founder has k good investors, then a lazy greedy
on marginal value; then investor swap passes (founders fixed), and finally joint moves
(swap or add one investor, re-choose the founders) that let more founders reach k good
investors. The best feasible proposal seen is kept. Everything is ordered by value, then
id, so the output is deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np

FAIRNESS = ("proportional", "equal", None)


@dataclass(frozen=True)
class Candidate:
    """A founder (through a published pitch) or an investor who could be invited.

    `group` is the association/region key used for fairness; `score` (e.g. the pitch's
    theme fit) only breaks ties between equal match values.
    """

    id: str
    group: str
    score: float = 0.0


@dataclass(frozen=True)
class Invitee:
    """A proposed (or waiting) invitee with the reasons for its place."""

    id: str
    side: str  # "founder" | "investor"
    group: str
    rank: int  # 1-based, within its list
    value: float  # match value it brings to the room
    good: int  # good counterparts in the room
    best: str | None  # its best counterpart in the room
    quota: bool  # holds a seat of its association's fairness quota

    @property
    def reason(self) -> str:
        """A short English explanation (the app builds its own translated text)."""
        text = f"{self.good} good match(es) in the room, adds {self.value:.2f} match value"
        if self.best:
            text += f", best with {self.best}"
        if self.quota:
            text += f"; fairness seat for {self.group}"
        return text


@dataclass(frozen=True)
class Proposal:
    """Ranked invitations, waiting lists, and each founder's good investors in the room."""

    founders: tuple[Invitee, ...] = ()
    investors: tuple[Invitee, ...] = ()
    founder_waitlist: tuple[Invitee, ...] = ()
    investor_waitlist: tuple[Invitee, ...] = ()
    good_investors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    quotas: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    value: float = 0.0


def fairness_quotas(
    counts: Mapping[str, int], capacity: int, fairness: str | None
) -> dict[str, int]:
    """Seats each group is owed: floor(share × capacity), at most its candidate count."""
    if fairness not in FAIRNESS:
        raise ValueError(f"fairness must be one of {FAIRNESS}, got {fairness!r}")
    groups = {g: c for g, c in counts.items() if c > 0}
    if fairness is None or not groups or capacity <= 0:
        return {}
    total = sum(groups.values())
    quotas = {}
    for g, c in sorted(groups.items()):
        share = c / total if fairness == "proportional" else 1 / len(groups)
        quotas[g] = min(c, math.floor(share * capacity + 1e-9))
    return {g: q for g, q in quotas.items() if q > 0}


def _check_int(x: object, name: str) -> int:
    if not isinstance(x, int) or isinstance(x, bool) or x < 0:
        raise ValueError(f"{name} must be a non-negative integer, got {x!r}")
    return x


def _check_people(people: Iterable[Candidate], side: str) -> list[Candidate]:
    out, seen = [], set()
    for c in people:
        if not isinstance(c, Candidate):
            raise ValueError(f"{side} must be Candidate records, got {type(c).__name__}")
        if not isinstance(c.id, str) or not c.id:
            raise ValueError(f"{side} id must be a non-empty string, got {c.id!r}")
        if c.id in seen:
            raise ValueError(f"{side} {c.id!r} appears twice")
        seen.add(c.id)
        out.append(c)
    return out


def _check_values(value: Mapping[tuple[str, str], float], f_ids: set, i_ids: set) -> None:
    """ValueError on the first bad pair: a key that is not (founder_id, investor_id) of
    known people, or a value that is not a number in [0, 1]."""
    # Whole-collection checks first (hundreds of thousands of pairs in well under a second);
    # only when one fails is every pair looked at in turn, to name the first bad one.
    if (
        set(map(type, value)) <= {tuple}
        and set(map(len, value)) <= {2}
        and f_ids.issuperset(map(itemgetter(0), value))
        and i_ids.issuperset(map(itemgetter(1), value))
        and set(map(type, value.values())) <= {float, int}
    ):
        v = np.fromiter(value.values(), dtype=float, count=len(value))
        if ((v >= 0.0) & (v <= 1.0)).all():
            return
    for key, v in value.items():
        if not (isinstance(key, tuple) and len(key) == 2):
            raise ValueError(f"value keys must be (founder_id, investor_id), got {key!r}")
        if key[0] not in f_ids or key[1] not in i_ids:
            raise ValueError(f"value names an unknown founder or investor: {key!r}")
        if isinstance(v, bool) or not isinstance(v, int | float) or not 0.0 <= v <= 1.0:
            raise ValueError(f"value of {key!r} must be a number in [0, 1], got {v!r}")


def propose_invitations(
    founders: Iterable[Candidate],
    investors: Iterable[Candidate],
    value: Mapping[tuple[str, str], float],
    *,
    max_founders: int,
    max_investors: int,
    k: int = 3,
    good: float = 0.5,
    top_m: int | None = None,
    fairness: str | None = "proportional",
) -> Proposal:
    """Propose whom to invite to an arena (see the module docstring for the method).

    `value[(founder_id, investor_id)]` in [0, 1] is the pair's match score (missing = 0);
    `top_m` (default max(k, 3)) is how many of a founder's best pairs count as value.
    Raises ValueError on bad input.
    """
    from matching.invitations_room import Room
    from matching.invitations_search import solve

    fs = _check_people(founders, "founder")
    ins = _check_people(investors, "investor")
    max_founders = _check_int(max_founders, "max_founders")
    max_investors = _check_int(max_investors, "max_investors")
    k = _check_int(k, "k")
    top_m = max(k, 3) if top_m is None else _check_int(top_m, "top_m")
    if isinstance(good, bool) or not isinstance(good, int | float) or not math.isfinite(good):
        raise ValueError(f"good must be a finite number, got {good!r}")
    if fairness not in FAIRNESS:
        raise ValueError(f"fairness must be one of {FAIRNESS}, got {fairness!r}")
    _check_values(value, {c.id for c in fs}, {c.id for c in ins})
    room = Room(fs, ins, value, k=k, good=float(good), top_m=top_m)
    return solve(room, max_founders, max_investors, fairness)
