"""Choosing one side of an arena's room given the other (`matching.invitations_search`):
the best eligible founders for a set of investors (exact, the objective being modular in
the founders), and investors for a set of founders (a covering greedy until every founder
has k good investors, then a lazy greedy on marginal value), both with lower-bound
fairness quotas per association.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import numpy as np

from matching.invitations_room import TIE, Room

if TYPE_CHECKING:
    from matching.invitations import Candidate


def _can_take(group: str, taken: dict, quota: Mapping[str, int], left: int) -> bool:
    """Taking one of `group` still leaves seats for every unmet quota."""
    unmet = sum(max(0, q - taken.get(g, 0)) for g, q in quota.items())
    if taken.get(group, 0) < quota.get(group, 0):
        unmet -= 1
    return left - 1 >= unmet


def _greedy(
    cands: list[int],
    gains: np.ndarray,
    gain: Callable[[int], float],
    group: Callable[[int], str],
    quota: Mapping[str, int],
    cap: int,
    chosen: list[int] | None = None,
    took: Callable[[int], None] | None = None,
) -> list[int]:
    """Lazy greedy on a submodular gain with a capacity and lower-bound group quotas.

    `gains` holds every candidate's gain before the first pick (indexed by candidate).
    Candidates whose gain is <= 0 are taken only to fill a quota.
    """
    chosen = list(chosen or [])
    taken: dict[str, int] = {}
    for c in chosen:
        taken[group(c)] = taken.get(group(c), 0) + 1
    heap = list(zip((-gains[cands]).tolist(), cands, strict=True))
    heapq.heapify(heap)
    blocked: list[tuple[float, int]] = []
    while heap and len(chosen) < cap:
        neg, c = heapq.heappop(heap)
        g = gain(c)  # gains only fall as the set grows: re-check against the next best
        if heap and g < -heap[0][0] - 1e-12:
            heapq.heappush(heap, (-g, c))
            continue
        owed = taken.get(group(c), 0) < quota.get(group(c), 0)
        if g <= 0 and not owed:
            blocked.append((-g, c))
            continue
        if not _can_take(group(c), taken, quota, cap - len(chosen)):
            blocked.append((-g, c))
            continue
        chosen.append(c)
        if took is not None:
            took(c)
        before = taken.get(group(c), 0)
        taken[group(c)] = before + 1
        if before + 1 == quota.get(group(c), 0):  # a quota just filled: others may fit now
            for item in blocked:
                heapq.heappush(heap, item)
            blocked = []
    return chosen


def _in_order(order: list[int], group: list[str], quota: Mapping[str, int], cap: int):
    """Take candidates best first while each unmet quota keeps its seats.

    A candidate turned away waits until a quota fills, then comes back ahead of everyone
    after it (the quota-aware greedy with fixed, decreasing gains)."""
    chosen: list[int] = []
    taken: dict[str, int] = {}
    queue = order[::-1]  # the best last, to pop
    blocked: list[int] = []
    while queue and len(chosen) < cap:
        c = queue.pop()
        g = group[c]
        if not _can_take(g, taken, quota, cap - len(chosen)):
            blocked.append(c)
            continue
        chosen.append(c)
        before = taken.get(g, 0)
        taken[g] = before + 1
        if before + 1 == quota.get(g, 0):  # a quota just filled: others may fit now
            queue.extend(reversed(blocked))
            blocked = []
    return chosen


def founders_given(room: Room, investors, cap: int, quota) -> tuple[list[int], dict]:
    """Best eligible founders for these investors (exact for this modular objective)."""
    chosen, quota, _ = founders_valued(room, sorted(investors), cap, quota)
    return chosen, quota


def founders_valued(room: Room, cols: list[int], cap: int, quota):
    """`founders_given`, also returning the chosen founders' values by founder."""
    ok = np.flatnonzero(room.good_counts(cols) >= room.k)
    counts: dict[str, int] = {}
    for f in ok.tolist():
        counts[room.f_group[f]] = counts.get(room.f_group[f], 0) + 1
    quota = {g: min(q, counts[g]) for g, q in quota.items() if counts.get(g)}  # when feasible
    val = room.values(ok, cols)
    order = np.lexsort((ok, -room.f_score[ok], -val))  # value, then theme fit, then id
    chosen = _in_order(ok[order].tolist(), room.f_group, quota, cap)
    mine = val[np.searchsorted(ok, chosen)].tolist() if chosen else []
    return chosen, quota, dict(zip(chosen, mine, strict=True))


def investors_given(room: Room, fs: list[int], cap: int, quota) -> list[int]:
    """Cover every founder with k good investors, then add investors by marginal value."""
    rows = np.array(sorted(fs), dtype=np.intp)
    good = room.is_good[rows]
    vals = room.v[rows]
    n_i = len(room.investors)
    group = room.i_group
    deficit = np.full(len(rows), room.k)
    # Second key of the cover: the investor's value summed over these founders.
    weight = np.cumsum(vals, axis=0)[-1] if len(rows) else np.zeros(n_i)
    cover = good.sum(axis=0) if room.k else np.zeros(n_i, dtype=int)
    chosen: list[int] = []
    taken: dict[str, int] = {}
    pool = np.ones(n_i, dtype=bool)
    while deficit.any() and len(chosen) < cap:
        left = cap - len(chosen)
        fits = np.array([_can_take(g, taken, quota, left) for g in room.i_groups], dtype=bool)
        allowed = pool & (cover > 0) & fits[room.i_code]
        if not allowed.any():
            break
        most = allowed & (cover == cover[allowed].max())
        best = int(np.flatnonzero(most & (weight == weight[most].max()))[0])
        chosen.append(best)
        pool[best] = False
        taken[group[best]] = taken.get(group[best], 0) + 1
        hit = (deficit > 0) & good[:, best]
        deficit[hit] -= 1
        done = hit & (deficit == 0)
        if done.any():
            cover = cover - good[done].sum(axis=0)

    m = room.m
    if m:  # each founder's m best values in the room, padded with zeros
        top = np.zeros((len(rows), len(chosen) + m))
        top[:, : len(chosen)] = -vals[:, chosen]
        top = -np.sort(top, axis=1)[:, :m]
    nth = top[:, m - 1].copy() if m else np.full(len(rows), np.inf)

    def gains_of(cols) -> np.ndarray:
        sub = vals[:, cols]
        t = np.maximum(0.0, sub - nth[:, None]) + TIE * np.minimum(sub, nth[:, None])
        return np.cumsum(t, axis=0)[-1] if len(rows) else np.zeros(sub.shape[1])

    cands = np.flatnonzero(pool).tolist()
    fresh: dict[int, float] = {}  # gains since the last pick
    at_once = len(rows) * n_i <= 250_000  # cheap enough to value every candidate in one go

    def gain(i: int) -> float:
        if i not in fresh:
            if at_once:
                fresh.update(zip(cands, gains_of(cands).tolist(), strict=True))
            else:
                fresh[i] = float(gains_of([i])[0])
        return fresh[i]

    def took(j: int) -> None:
        nonlocal top, nth
        fresh.clear()
        if m:
            top = -np.sort(-np.column_stack([top, vals[:, j]]), axis=1)[:, :m]
            nth = top[:, m - 1].copy()

    gains = np.zeros(n_i)
    gains[cands] = gains_of(cands)
    fresh.update(zip(cands, gains[cands].tolist(), strict=True))
    return _greedy(cands, gains, gain, group.__getitem__, quota, cap, chosen, took)


def group_counts(people: list[Candidate], idx) -> dict[str, int]:
    counts: dict[str, int] = {}
    for x in idx:
        counts[people[x].group] = counts.get(people[x].group, 0) + 1
    return counts
