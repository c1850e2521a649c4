"""Moves that improve an arena's room once both sides are chosen
(`matching.invitations_search`): investor swaps with the founders fixed, and joint moves
(swap or add an investor, re-choose the founders).

Moves are screened with incremental arithmetic (what one investor more or less does to each
founder's top-m sum, `Standing`) and an upper bound, and only the moves that pass are
evaluated exactly, in the same order as a plain recomputation would: a move is taken exactly
when the plain recomputation would take it, so the search goes the same way, only faster.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from matching.invitations_room import Room, Standing, block
from matching.invitations_selection import founders_valued, group_counts

#: A move must add more than this much value to be taken.
GAIN = 1e-9
#: Room left when screening moves with incremental sums: far above their rounding error
#: (~1e-14 on a room's value), far below GAIN, so screening never drops a move that pays.
SLACK = 1e-10


def swap_pass(room: Room, fs: list[int], inv: list[int], quota) -> list[int]:
    """Swap an invited investor for a waiting one while the value rises and rules hold.

    Investors are tried in id order, each against the waiting ones best first; every swap
    of the investors still to try is screened in one go, again after each swap taken."""
    fset, cur = set(fs), set(inv)
    rows = np.array(sorted(fs), dtype=np.intp)
    counts = group_counts(room.investors, inv)
    linked = room.present[rows].any(axis=0) if len(rows) else np.zeros(len(room.investors), bool)
    weight = np.cumsum(room.v[rows], axis=0)[-1] if len(rows) else np.zeros(len(room.investors))
    waiting = [j for j in np.flatnonzero(linked).tolist() if j not in cur]
    waiting.sort(key=lambda j: (-weight[j], j))
    waiting = waiting[:50]  # the heaviest few: swaps beyond them almost never pay
    if not waiting or not len(rows):
        return sorted(cur)
    grid = block(rows, waiting)
    into = room.v[grid][:, None, :]
    into_good = room.is_good[grid][:, None, :]
    into_present = room.present[grid][:, None, :]
    todo = sorted(inv)
    while todo:
        stats = room.stats(rows, sorted(cur))
        outs = block(rows, todo)
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


def joint_pass(room: Room, inv: list[int], cap_f: int, cap_i: int, quota_f, quota_i):
    """Swap or add an investor when the best founders for the new room hold more value.

    Unlike `swap_pass`, this re-chooses the founders, so it finds rooms that let more
    founders reach k good investors. A move is valued exactly only when a bound on it (the
    best choice of founders with their new values, `_best_with_quotas`) beats the room; the
    bounds of many moves are found in one go, again after each move taken.
    """
    cur = set(inv)
    n_f, n_i = len(room.founders), len(room.investors)
    everyone = np.arange(n_f)
    fs, _, val = founders_valued(room, sorted(cur), cap_f, quota_f)
    score = _total(val, fs)
    counts = group_counts(room.investors, cur)
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
        into = room.v[block(rows, js)][:, None, :]
        good = (
            stats.good[rows, None, None] - out_g[rows] + room.is_good[block(rows, js)][:, None, :]
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
                fs2, _, val2 = founders_valued(room, sorted(after), cap_f, quota_f)
                s2 = _total(val2, fs2)
                if s2 > score + GAIN:
                    cur, score = after, s2
                    counts = group_counts(room.investors, cur)
                    moved = True
                    break
            if moved:
                break  # the room changed: bound the rest again
    return sorted(cur)


def _may_leave(gi: str, gj: str, counts: Mapping[str, int], quota: Mapping[str, int]) -> bool:
    """An investor of group gi may give its seat to one of gj: same group, or gi keeps its
    quota without it."""
    return gi == gj or counts.get(gi, 0) - 1 >= quota.get(gi, 0)


def _contenders(room: Room, stats: Standing, js: list[int], cap: int, quota) -> np.ndarray:
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
    met (as far as it has eligible founders) can hold. `founders_given`'s choice is one such
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
