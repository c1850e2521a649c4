"""The search behind `matching.invitations.propose_invitations`: alternating founder and
investor selection with fairness quotas, then investor swaps.

The pair values are held as one dense founders × investors array (the app hands the engine
at most a few hundred of each), so that a room's founder values, good counts and the effect
of a move on every founder are a few numpy operations instead of loops over dictionaries.

Moves are screened with incremental arithmetic (what one investor more or less does to each
founder's top-m sum) and an upper bound, and only the moves that pass are evaluated exactly,
in the same order as a plain recomputation would: a move is taken exactly when the plain
recomputation would take it, so the search goes the same way, only faster.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping
from operator import itemgetter

import numpy as np

from matching.invitations import Candidate, Invitee, Proposal, fairness_quotas

#: Weight of a founder's pairs beyond its top m: enough to prefer a fuller room, too small
#: to trade away any top-m value.
TIE = 1e-3
#: A move must add more than this much value to be taken.
GAIN = 1e-9
#: Room left when screening moves with incremental sums: far above their rounding error
#: (~1e-14 on a room's value), far below GAIN, so screening never drops a move that pays.
SLACK = 1e-10


class Room:
    """The candidates as indices with dense pair values, and the objective's pieces."""

    def __init__(self, founders, investors, value, *, k: int, good: float, top_m: int):
        # Sorted by id so that ties never depend on the order the caller listed people in.
        self.founders: list[Candidate] = sorted(founders, key=lambda c: c.id)
        self.investors: list[Candidate] = sorted(investors, key=lambda c: c.id)
        fi = {c.id: n for n, c in enumerate(self.founders)}
        ii = {c.id: n for n, c in enumerate(self.investors)}
        shape = (len(self.founders), len(self.investors))
        self.v = np.zeros(shape)  # pair values, 0 where there is no pair
        self.present = np.zeros(shape, dtype=bool)  # the pair was given (its value may be 0)
        if value:
            rows = np.array(list(map(fi.__getitem__, map(itemgetter(0), value))), dtype=np.intp)
            cols = np.array(list(map(ii.__getitem__, map(itemgetter(1), value))), dtype=np.intp)
            self.v[rows, cols] = np.fromiter(value.values(), dtype=float, count=len(value))
            self.present[rows, cols] = True
        self.is_good = self.present & (self.v >= good)
        self.k, self.good, self.m = k, good, top_m
        self.f_group = [c.group for c in self.founders]
        self.i_group = [c.group for c in self.investors]
        self.i_groups = sorted(set(self.i_group))  # investor groups, and each one's place
        place = {g: n for n, g in enumerate(self.i_groups)}
        self.i_code = np.array([place[g] for g in self.i_group], dtype=np.intp)
        self.f_score = np.array([c.score for c in self.founders], dtype=float)
        self.f_groups = sorted(set(self.f_group))  # founder groups, and each one's place
        place = {g: n for n, g in enumerate(self.f_groups)}
        self.f_code = np.array([place[g] for g in self.f_group], dtype=np.intp)

    def values(self, rows, cols) -> np.ndarray:
        """Founder values of `rows` with the investors `cols` in the room: top-m pair values
        plus the tie share of the rest, each summed from the largest down."""
        return _top_m_values(self.v[_grid(rows, cols)], self.m)

    def good_counts(self, cols) -> np.ndarray:
        """Good investors in the room `cols`, per founder."""
        return self.is_good[:, np.asarray(cols, dtype=np.intp)].sum(axis=1)

    def total(self, fs, cols) -> float:
        """The objective: match value the room holds (founders `fs`, investors `cols`)."""
        fs = list(fs)
        vals = self.values(fs, sorted(cols)).tolist()
        return sum(vals)

    def stats(self, rows, cols) -> _Stats:
        """What `_Stats` keeps of the founders `rows` in the room `cols`."""
        return _Stats(self, rows, cols)


def _grid(rows, cols) -> tuple[np.ndarray, np.ndarray]:
    """Index of the rows × cols block of a matrix."""
    return np.asarray(rows, dtype=np.intp)[:, None], np.asarray(cols, dtype=np.intp)


def _top_m_values(sub: np.ndarray, m: int) -> np.ndarray:
    """Per row of the last axis: sum of the m largest values + TIE × sum of the others,
    summed in descending order (so equal rows give bit-for-bit equal values)."""
    if sub.shape[-1] == 0:
        return np.zeros(sub.shape[:-1])
    s = -np.sort(-sub, axis=-1)
    m = min(m, s.shape[-1])
    top = np.cumsum(s[..., :m], axis=-1)[..., -1] if m else np.zeros(s.shape[:-1])
    rest = np.cumsum(s[..., m:], axis=-1)[..., -1] if s.shape[-1] > m else 0.0
    return top + TIE * rest


class _Stats:
    """Founders' standing in a room, enough to value one investor more or less cheaply:
    good counts, top-m sum, total, and the m-th and (m+1)-th largest values."""

    def __init__(self, room: Room, rows, cols):
        m = room.m
        grid = _grid(rows, cols)
        s = np.zeros((len(grid[0]), max(len(grid[1]), m + 1)))  # padded with zeros
        s[:, : len(grid[1])] = -room.v[grid]
        s = -np.sort(s, axis=1)
        self.m = m
        self.top = s[:, :m].sum(axis=1)
        self.tot = s.sum(axis=1)
        self.first = s[:, 0]
        self.nth = s[:, m - 1] if m else np.full(len(s), np.inf)
        self.next = s[:, m]
        self.good = room.is_good[grid].sum(axis=1)
        self.value = self.top + TIE * (self.tot - self.top)

    def swapped(self, out: np.ndarray, into: np.ndarray, rows=slice(None)) -> np.ndarray:
        """Founder values (approximately, to rounding) after a pair value `out` leaves the
        room and `into` joins it (0 for nobody); arrays whose axis 0 is the founders (or
        those of `rows`, positions in this standing), broadcasting."""
        shape = (-1,) + (1,) * (max(out.ndim, into.ndim) - 1)
        top, tot = self.top[rows].reshape(shape), self.tot[rows].reshape(shape)
        nth, nxt = self.nth[rows].reshape(shape), self.next[rows].reshape(shape)
        if self.m:
            top2 = np.where(
                out >= nth, top - out + np.maximum(nxt, into), top + np.maximum(0.0, into - nth)
            )
        else:
            top2 = np.zeros_like(tot - out + into)
        tot2 = tot - out + into
        return top2 + TIE * (tot2 - top2)


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


def _founders_given(room: Room, investors, cap: int, quota) -> tuple[list[int], dict]:
    """Best eligible founders for these investors (exact for this modular objective)."""
    chosen, quota, _ = _founders_valued(room, sorted(investors), cap, quota)
    return chosen, quota


def _founders_valued(room: Room, cols: list[int], cap: int, quota):
    """`_founders_given`, also returning the chosen founders' values by founder."""
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


def _investors_given(room: Room, fs: list[int], cap: int, quota) -> list[int]:
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


def _swap_pass(room: Room, fs: list[int], inv: list[int], quota) -> list[int]:
    """Swap an invited investor for a waiting one while the value rises and rules hold.

    Investors are tried in id order, each against the waiting ones best first; every swap
    of the investors still to try is screened in one go, again after each swap taken."""
    fset, cur = set(fs), set(inv)
    rows = np.array(sorted(fs), dtype=np.intp)
    counts = _group_counts(room.investors, inv)
    linked = room.present[rows].any(axis=0) if len(rows) else np.zeros(len(room.investors), bool)
    weight = np.cumsum(room.v[rows], axis=0)[-1] if len(rows) else np.zeros(len(room.investors))
    waiting = [j for j in np.flatnonzero(linked).tolist() if j not in cur]
    waiting.sort(key=lambda j: (-weight[j], j))
    waiting = waiting[:50]  # the heaviest few: swaps beyond them almost never pay
    if not waiting or not len(rows):
        return sorted(cur)
    grid = _grid(rows, waiting)
    into = room.v[grid][:, None, :]
    into_good = room.is_good[grid][:, None, :]
    into_present = room.present[grid][:, None, :]
    todo = sorted(inv)
    while todo:
        stats = room.stats(rows, sorted(cur))
        outs = _grid(rows, todo)
        # Every founder that has a pair with i or j keeps k good investors ...
        after = stats.good[:, None, None] - room.is_good[outs][:, :, None]
        touched = room.present[outs][:, :, None] | into_present
        keeps = ~(touched & (after + into_good < room.k)).any(axis=0)
        # ... and the room gains (to rounding; `_swap_gain` has the last word).
        out = room.v[outs][:, :, None]
        delta = (stats.swapped(out, into) - stats.value[:, None, None]).sum(axis=0)
        promising = keeps & (delta > GAIN - SLACK)
        while todo:
            i = todo.pop(0)
            gi = room.i_group[i]
            tries = promising[len(promising) - len(todo) - 1]
            took = None
            for n in np.flatnonzero(tries).tolist():
                j = waiting[n]
                if j in cur or not _may_leave(gi, room.i_group[j], counts, quota):
                    continue
                if _swap_gain(room, fset, cur, i, j) > GAIN:
                    took = j
                    break
            if took is not None:
                cur = (cur - {i}) | {took}
                counts[gi] -= 1
                counts[room.i_group[took]] = counts.get(room.i_group[took], 0) + 1
                break  # the room changed: screen the rest again
    return sorted(cur)


def _swap_gain(room: Room, fset: set[int], cur: set[int], i: int, j: int) -> float:
    """The value a swap of i for j adds, summed over the founders it touches as a plain
    recomputation would (so that near-ties go the same way)."""
    touched = set(np.flatnonzero(room.present[:, i]).tolist())
    touched.update(np.flatnonzero(room.present[:, j]).tolist())
    touched = [f for f in touched if f in fset]
    after = room.values(touched, sorted((cur - {i}) | {j})).tolist()
    before = room.values(touched, sorted(cur)).tolist()
    return sum(a - b for a, b in zip(after, before, strict=True))


def _joint_pass(room: Room, inv: list[int], cap_f: int, cap_i: int, quota_f, quota_i):
    """Swap or add an investor when the best founders for the new room hold more value.

    Unlike `_swap_pass`, this re-chooses the founders, so it finds rooms that let more
    founders reach k good investors. A move is valued exactly only when a bound on it (the
    best choice of founders with their new values, `_best_with_quotas`) beats the room; the
    bounds of many moves are found in one go, again after each move taken.
    """
    cur = set(inv)
    n_f, n_i = len(room.founders), len(room.investors)
    everyone = np.arange(n_f)
    fs, _, val = _founders_valued(room, sorted(cur), cap_f, quota_f)
    score = _total(val, fs)
    counts = _group_counts(room.investors, cur)
    weight = np.cumsum(room.v, axis=0)[-1] if n_f else np.zeros(n_i)
    outside = [j for j in range(n_i) if j not in cur]
    outside.sort(key=lambda j: (-weight[j], j))
    todo = outside[:30]  # the heaviest few: enough in practice, keeps it fast
    moved = True
    while todo:
        if moved:  # the room's standing and its moves
            stats = room.stats(everyone, sorted(cur))
            options = ([None] if len(cur) < cap_i else []) + sorted(cur)
            outs = [i for i in options if i is not None]
            first = len(options) - len(outs)
            out_v = np.zeros((n_f, len(options), 1))
            out_g = np.zeros((n_f, len(options), 1), dtype=int)
            out_v[:, first:, 0] = room.v[:, outs]
            out_g[:, first:, 0] = room.is_good[:, outs]
        js = todo[: max(1, 1_000_000 // max(1, n_f * len(options)))]  # a slice that fits
        rows = _contenders(room, stats, js, cap_f, quota_f)
        into = room.v[_grid(rows, js)][:, None, :]
        good = (
            stats.good[rows, None, None] - out_g[rows] + room.is_good[_grid(rows, js)][:, None, :]
        )
        new = stats.swapped(out_v[rows], into, rows)
        vals = np.where(good >= room.k, new, -1.0).reshape(len(rows), -1)
        bound = _best_with_quotas(vals, room.f_code[rows], room.f_groups, cap_f, quota_f)
        bound = bound.reshape(len(options), len(js))
        moved = False
        for col, j in enumerate(js):
            todo.pop(0)
            gj = room.i_group[j]
            for n, i in enumerate(options):
                if bound[n, col] <= score + GAIN - SLACK:
                    continue
                if i is not None and not _may_leave(room.i_group[i], gj, counts, quota_i):
                    continue
                after = (cur - {i}) | {j}
                fs2, _, val2 = _founders_valued(room, sorted(after), cap_f, quota_f)
                s2 = _total(val2, fs2)
                if s2 > score + GAIN:
                    cur, score = after, s2
                    counts = _group_counts(room.investors, cur)
                    moved = True
                    break
            if moved:
                break  # the room changed: bound the rest again
    return sorted(cur)


def _may_leave(gi: str, gj: str, counts: Mapping[str, int], quota: Mapping[str, int]) -> bool:
    """An investor of group gi may give its seat to one of gj: same group, or gi keeps its
    quota without it."""
    return gi == gj or counts.get(gi, 0) - 1 >= quota.get(gi, 0)


def _contenders(room: Room, stats: _Stats, js: list[int], cap: int, quota) -> np.ndarray:
    """The founders that may be among the best choice (`_best_with_quotas`) after some move
    that brings in one of `js`, with or without one investor leaving.

    A founder's value can fall no lower than without its best investor, and rise no higher
    than with the best of `js` added. A founder is left out when, even at its highest, `cap`
    founders sure to stay eligible are worth more at their lowest, and so are its group's
    quota of them: then it is never chosen."""
    n_f = len(stats.top)
    zeros = np.zeros((n_f, 1))
    low = stats.swapped(stats.first[:, None], zeros).ravel()
    high = stats.swapped(zeros, room.v[:, js].max(axis=1, keepdims=True)).ravel()
    sure = stats.good - 1 >= room.k

    def nth_best(mask: np.ndarray, n: int) -> float:
        vals = low[mask]
        return (
            float(np.partition(vals, len(vals) - n)[len(vals) - n])
            if 0 < n <= len(vals)
            else -np.inf
        )

    threshold = np.full(n_f, nth_best(sure, cap))
    for g, q in quota.items():
        mine = room.f_code == room.f_groups.index(g)
        threshold[mine] = np.minimum(threshold[mine], nth_best(sure & mine, q))
    return np.flatnonzero(high >= threshold - GAIN)


def _best_with_quotas(vals: np.ndarray, code: np.ndarray, groups: list[str], cap: int, quota):
    """Per column of founder values (-1 = not eligible; `code` gives each row's place in
    `groups`): the most any choice of at most `cap` eligible founders with each group's quota
    met (as far as it has eligible founders) can hold. `_founders_given`'s choice is one such
    choice, so this bounds its value.

    The best choice takes each group's `quota` best, then the best of the rest."""
    total = np.zeros(vals.shape[1])
    seated = np.zeros(vals.shape[1], dtype=int)
    rest = []
    owed = np.zeros(len(vals), dtype=bool)
    for g, q in quota.items():
        mine = code == groups.index(g)
        owed |= mine
        sub = vals[mine]
        if len(sub) > q:
            sub = np.partition(sub, len(sub) - q, axis=0)
            rest.append(sub[: len(sub) - q])
            sub = sub[len(sub) - q :]
        total += np.clip(sub, 0.0, None).sum(axis=0)
        seated += (sub > -0.5).sum(axis=0)
    rest.append(vals[~owed])
    left = np.maximum(0, cap - seated)
    most = int(left.max()) if len(left) else 0
    pool = np.concatenate(rest)
    if len(pool) and most:
        if len(pool) > most:
            pool = np.partition(pool, len(pool) - most, axis=0)[len(pool) - most :]
        best = np.cumsum(np.clip(-np.sort(-pool, axis=0), 0.0, None), axis=0)
        best = np.vstack([np.zeros((1, best.shape[1])), best])
        total += best[np.minimum(left, len(best) - 1), np.arange(best.shape[1])]
    return total


def _total(val: Mapping[int, float], fs: list[int]) -> float:
    """The room's value from the chosen founders' values, added up as `Room.total` does."""
    return sum(val[f] for f in set(fs))


def solve(room: Room, cap_f: int, cap_i: int, fairness: str | None) -> Proposal:
    """Alternate founder and investor selection, then swap investors; keep the best."""
    every = set(range(len(room.investors)))
    allf = np.flatnonzero(room.good_counts(sorted(every)) >= room.k).tolist()
    if cap_f == 0 or cap_i < room.k or not room.investors:
        allf = []
    quota_f = fairness_quotas(_group_counts(room.founders, allf), cap_f, fairness)
    quota_i = fairness_quotas(_group_counts(room.investors, every), cap_i, fairness)
    if not allf:
        return Proposal(quotas={"founders": quota_f, "investors": quota_i})
    best = None
    seen = set()
    inv = _investors_given(room, allf, cap_i, quota_i)  # as if every eligible founder came
    for _ in range(8):
        fs, _ = _founders_given(room, set(inv), cap_f, quota_f)
        inv = _investors_given(room, fs, cap_i, quota_i)
        for _ in range(3):
            inv2 = _swap_pass(room, fs, inv, quota_i)
            if inv2 == inv:
                break
            inv = inv2
        fs, qf = _founders_given(room, set(inv), cap_f, quota_f)
        score = room.total(set(fs), set(inv))
        if best is None or score > best[0] + 1e-12:
            best = (score, fs, inv, qf)
        key = (tuple(sorted(fs)), tuple(sorted(inv)))
        if key in seen:
            break
        seen.add(key)
    _, fs, inv, qf = best
    for _ in range(4):  # the costlier joint moves, from the best alternation result
        inv2 = _joint_pass(room, inv, cap_f, cap_i, quota_f, quota_i)
        if inv2 == sorted(inv):
            break
        inv = inv2
        fs, qf = _founders_given(room, set(inv), cap_f, quota_f)
    return _proposal(room, fs, inv, {"founders": qf, "investors": quota_i})


def _group_counts(people: list[Candidate], idx) -> dict[str, int]:
    counts: dict[str, int] = {}
    for x in idx:
        counts[people[x].group] = counts.get(people[x].group, 0) + 1
    return counts


def _investor_values(room: Room, fs: list[int], inv: list[int]) -> np.ndarray:
    """Each investor's marginal value: what the room loses without it (or would gain)."""
    n_i = len(room.investors)
    out = np.zeros(n_i)
    rows = np.array(sorted(fs), dtype=np.intp)
    if not len(rows):
        return out
    cols = sorted(inv)
    base = room.v[np.ix_(rows, np.array(cols, dtype=np.intp))]
    now = _top_m_values(base, room.m)
    diffs = np.zeros((len(rows), n_i))
    for n, i in enumerate(cols):  # the room without i
        diffs[:, i] = now - _top_m_values(np.delete(base, n, axis=1), room.m)
    outside = [i for i in range(n_i) if i not in set(cols)]
    step = max(1, 2_000_000 // max(1, len(rows) * (len(cols) + 1)))
    for s in range(0, len(outside), step):  # the room with i, in slices that fit in memory
        part = outside[s : s + step]
        wide = np.concatenate(
            [np.broadcast_to(base, (len(part), *base.shape)), room.v[rows][:, part].T[:, :, None]],
            axis=2,
        )
        diffs[:, part] = (_top_m_values(wide, room.m) - now).T
    diffs[~room.present[rows]] = 0.0  # only the founders it has a pair with count
    return np.cumsum(diffs, axis=0)[-1]


def _proposal(room: Room, fs: list[int], inv: list[int], quotas) -> Proposal:
    """Rank, explain and package a selection."""
    fset, iset = set(fs), set(inv)
    icols = np.array(sorted(iset), dtype=np.intp)
    frows = np.array(sorted(fset), dtype=np.intp)
    fval = room.values(range(len(room.founders)), icols).tolist()
    ival = _investor_values(room, fs, inv).tolist()
    f_good = room.is_good[:, icols].sum(axis=1)

    def order(xs, val, people):
        return sorted(xs, key=lambda x: (-val[x], -people[x].score, people[x].id))

    f_in, i_in = order(fs, fval, room.founders), order(inv, ival, room.investors)
    f_wait = [f for f in range(len(room.founders)) if f not in fset and f_good[f] >= room.k]
    f_wait = order(f_wait, fval, room.founders)
    i_wait = [i for i in range(len(room.investors)) if i not in iset and ival[i] > 0]
    i_wait = order(i_wait, ival, room.investors)

    def counterparts(pairs: np.ndarray, good: np.ndarray, present: np.ndarray, ids: list[str]):
        """Per row: good counterparts in the room, and the best one (highest value, then id)."""
        if not pairs.shape[1]:
            return [0] * pairs.shape[0], [None] * pairs.shape[0]
        best = np.where(present, pairs, -1.0).argmax(axis=1)
        has = present.any(axis=1)
        names = [ids[b] if h else None for b, h in zip(best.tolist(), has.tolist(), strict=True)]
        return good.sum(axis=1).tolist(), names

    f_ids = [room.investors[i].id for i in icols.tolist()]
    i_ids = [room.founders[f].id for f in frows.tolist()]
    f_facts = counterparts(room.v[:, icols], room.is_good[:, icols], room.present[:, icols], f_ids)
    i_facts = counterparts(room.v[frows].T, room.is_good[frows].T, room.present[frows].T, i_ids)

    def listing(items, side, waiting, quota, rival_best):
        people, val = (room.founders, fval) if side == "founder" else (room.investors, ival)
        goods, bests = f_facts if side == "founder" else i_facts
        out, per_group = [], {}
        for n, x in enumerate(items, start=1):
            c = people[x]
            per_group[c.group] = per_group.get(c.group, 0) + 1
            # A quota seat: owed to its group, and someone waiting would otherwise have it.
            owed = per_group[c.group] <= quota.get(c.group, 0)
            quota_seat = not waiting and owed and rival_best > val[x]
            out.append(
                Invitee(c.id, side, c.group, n, round(val[x], 6), goods[x], bests[x], quota_seat)
            )
        return tuple(out)

    top_f = fval[f_wait[0]] if f_wait else 0.0
    top_i = ival[i_wait[0]] if i_wait else 0.0
    qf, qi = quotas["founders"], quotas["investors"]
    goods = {}
    for f in f_in:
        mine = icols[room.is_good[f, icols]]
        ranked = mine[np.lexsort((mine, -room.v[f, mine]))]
        goods[room.founders[f].id] = tuple(room.investors[i].id for i in ranked.tolist())
    return Proposal(
        founders=listing(f_in, "founder", False, qf, top_f),
        investors=listing(i_in, "investor", False, qi, top_i),
        founder_waitlist=listing(f_wait, "founder", True, qf, 0.0),
        investor_waitlist=listing(i_wait, "investor", True, qi, 0.0),
        good_investors=goods,
        quotas=quotas,
        value=round(room.total(fset, iset), 9),
    )
