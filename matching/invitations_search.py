"""The search behind `matching.invitations.propose_invitations`: alternating founder and
investor selection with fairness quotas, then investor swaps."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping

from matching.invitations import Candidate, Invitee, Proposal, fairness_quotas

#: Weight of a founder's pairs beyond its top m: enough to prefer a fuller room, too small
#: to trade away any top-m value.
TIE = 1e-3


class Room:
    """The candidates as indices with sparse pair values, and the objective's pieces."""

    def __init__(self, founders, investors, value, *, k: int, good: float, top_m: int):
        # Sorted by id so that ties never depend on the order the caller listed people in.
        self.founders: list[Candidate] = sorted(founders, key=lambda c: c.id)
        self.investors: list[Candidate] = sorted(investors, key=lambda c: c.id)
        founders, investors = self.founders, self.investors
        fi = {c.id: n for n, c in enumerate(founders)}
        ii = {c.id: n for n, c in enumerate(investors)}
        self.fv: list[dict[int, float]] = [{} for _ in founders]
        self.iv: list[dict[int, float]] = [{} for _ in investors]
        for (f, i), v in sorted(value.items()):
            self.fv[fi[f]][ii[i]] = float(v)
            self.iv[ii[i]][fi[f]] = float(v)
        self.k, self.good, self.m = k, good, top_m

    def founder_value(self, f: int, room: set[int]) -> float:
        """Top-m pair values of founder f with the investors in the room (+ the tie share)."""
        vals = sorted((v for i, v in self.fv[f].items() if i in room), reverse=True)
        return sum(vals[: self.m]) + TIE * sum(vals[self.m :])

    def good_count(self, f: int, room: set[int]) -> int:
        """Good investors of founder f in the room."""
        return sum(1 for i, v in self.fv[f].items() if i in room and v >= self.good)

    def total(self, fs: set[int], room: set[int]) -> float:
        """The objective: match value the room holds."""
        return sum(self.founder_value(f, room) for f in fs)


def _can_take(group: str, taken: dict, quota: Mapping[str, int], left: int) -> bool:
    """Taking one of `group` still leaves seats for every unmet quota."""
    unmet = sum(max(0, q - taken.get(g, 0)) for g, q in quota.items())
    if taken.get(group, 0) < quota.get(group, 0):
        unmet -= 1
    return left - 1 >= unmet


def _greedy(
    cands: list[int],
    gain: Callable[[int], float],
    group: Callable[[int], str],
    quota: Mapping[str, int],
    cap: int,
    chosen: list[int] | None = None,
    took: Callable[[int], None] | None = None,
) -> list[int]:
    """Lazy greedy on a submodular gain with a capacity and lower-bound group quotas.

    Candidates whose gain is <= 0 are taken only to fill a quota.
    """
    chosen = list(chosen or [])
    taken: dict[str, int] = {}
    for c in chosen:
        taken[group(c)] = taken.get(group(c), 0) + 1
    heap = [(-gain(c), c) for c in cands]
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


def _founders_given(room: Room, investors: set[int], cap: int, quota) -> tuple[list[int], dict]:
    """Best eligible founders for these investors (exact for this modular objective)."""
    ok = [f for f in range(len(room.founders)) if room.good_count(f, investors) >= room.k]
    counts: dict[str, int] = {}
    for f in ok:
        counts[room.founders[f].group] = counts.get(room.founders[f].group, 0) + 1
    quota = {g: min(q, counts[g]) for g, q in quota.items() if counts.get(g)}  # when feasible
    val = {f: room.founder_value(f, investors) for f in ok}
    ok.sort(key=lambda f: (-val[f], -room.founders[f].score, room.founders[f].id))
    rank = {f: n for n, f in enumerate(ok)}
    # Ranks as a decreasing positive gain make the lazy greedy take founders in value order.
    chosen = _greedy(ok, lambda f: len(ok) - rank[f], lambda f: room.founders[f].group, quota, cap)
    return chosen, quota


def _investors_given(room: Room, fs: list[int], cap: int, quota) -> list[int]:
    """Cover every founder with k good investors, then add investors by marginal value."""
    deficit = {f: room.k for f in fs}
    group = lambda i: room.investors[i].group  # noqa: E731
    chosen: list[int] = []
    taken: dict[str, int] = {}
    pool = set(range(len(room.investors)))
    while any(deficit.values()) and len(chosen) < cap:
        best, best_key = -1, None
        for i in sorted(pool):
            if not _can_take(group(i), taken, quota, cap - len(chosen)):
                continue
            cover = sum(1 for f, v in room.iv[i].items() if deficit.get(f) and v >= room.good)
            if cover == 0:
                continue
            key = (cover, sum(v for f, v in room.iv[i].items() if f in deficit))
            if best_key is None or key > best_key:
                best, best_key = i, key
        if best < 0:
            break
        chosen.append(best)
        pool.discard(best)
        taken[group(best)] = taken.get(group(best), 0) + 1
        for f, v in room.iv[best].items():
            if deficit.get(f) and v >= room.good:
                deficit[f] -= 1
    tops: dict[int, list[float]] = {f: [] for f in fs}  # each founder's values in the room
    for i in chosen:
        for f, v in room.iv[i].items():
            if f in tops:
                tops[f].append(v)
    for f in tops:
        tops[f].sort(reverse=True)
    fset = set(fs)

    def gain(i: int) -> float:
        g = 0.0
        for f, v in room.iv[i].items():
            if f in fset:
                t = tops[f]
                nth = t[room.m - 1] if len(t) >= room.m else 0.0
                g += max(0.0, v - nth) + TIE * min(v, nth)
        return g

    def took(j: int) -> None:
        for f, v in room.iv[j].items():
            if f in tops:
                tops[f].append(v)
                tops[f].sort(reverse=True)

    return _greedy(sorted(pool), gain, group, quota, cap, chosen, took)


def _swap_pass(room: Room, fs: list[int], inv: list[int], quota) -> list[int]:
    """Swap an invited investor for a waiting one while the value rises and rules hold."""
    fset, cur = set(fs), set(inv)
    counts: dict[str, int] = {}
    for i in inv:
        counts[room.investors[i].group] = counts.get(room.investors[i].group, 0) + 1
    waiting = [j for j in range(len(room.investors)) if j not in cur and room.iv[j].keys() & fset]
    waiting.sort(key=lambda j: (-sum(v for f, v in room.iv[j].items() if f in fset), j))
    waiting = waiting[:50]  # the heaviest few: swaps beyond them almost never pay
    for i in sorted(inv):
        gi = room.investors[i].group
        for j in waiting:
            if j in cur:
                continue
            gj = room.investors[j].group
            if gi != gj and counts.get(gi, 0) - 1 < quota.get(gi, 0):
                continue
            touched = [f for f in (room.iv[i].keys() | room.iv[j].keys()) if f in fset]
            after = (cur - {i}) | {j}
            if any(room.good_count(f, after) < room.k for f in touched):
                continue
            delta = sum(room.founder_value(f, after) - room.founder_value(f, cur) for f in touched)
            if delta > 1e-9:
                cur = after
                counts[gi] -= 1
                counts[gj] = counts.get(gj, 0) + 1
                break
    return sorted(cur)


def _joint_pass(room: Room, inv: list[int], cap_f: int, cap_i: int, quota_f, quota_i):
    """Swap or add an investor when the best founders for the new room hold more value.

    Unlike `_swap_pass`, this re-chooses the founders, so it finds rooms that let more
    founders reach k good investors.
    """
    cur = set(inv)
    fs, _ = _founders_given(room, cur, cap_f, quota_f)
    score = room.total(set(fs), cur)
    counts = _group_counts(room.investors, cur)
    outside = [j for j in range(len(room.investors)) if j not in cur]
    outside.sort(key=lambda j: (-sum(room.iv[j].values()), j))
    for j in outside[:30]:  # the heaviest few: enough in practice, keeps it fast
        gj = room.investors[j].group
        options = [None] if len(cur) < cap_i else []
        options += sorted(cur)
        for i in options:
            if i is not None:
                gi = room.investors[i].group
                if gi != gj and counts.get(gi, 0) - 1 < quota_i.get(gi, 0):
                    continue
            after = (cur - {i}) | {j}
            fs2, _ = _founders_given(room, after, cap_f, quota_f)
            s2 = room.total(set(fs2), after)
            if s2 > score + 1e-9:
                cur, score = after, s2
                counts = _group_counts(room.investors, cur)
                break
    return sorted(cur)


def solve(room: Room, cap_f: int, cap_i: int, fairness: str | None) -> Proposal:
    """Alternate founder and investor selection, then swap investors; keep the best."""
    every = set(range(len(room.investors)))
    allf = [f for f in range(len(room.founders)) if room.good_count(f, every) >= room.k]
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


def _proposal(room: Room, fs: list[int], inv: list[int], quotas) -> Proposal:
    """Rank, explain and package a selection."""
    fset, iset = set(fs), set(inv)
    fval = {f: room.founder_value(f, iset) for f in range(len(room.founders))}
    ival = {}  # an investor's marginal value: what the room loses without it (or gains)
    for i in range(len(room.investors)):
        with_i, without = iset | {i}, iset - {i}
        ival[i] = sum(
            room.founder_value(f, with_i) - room.founder_value(f, without)
            for f in room.iv[i]
            if f in fset
        )

    def order(xs, val, people):
        return sorted(xs, key=lambda x: (-val[x], -people[x].score, people[x].id))

    f_in, i_in = order(fs, fval, room.founders), order(inv, ival, room.investors)
    f_wait = [f for f in range(len(room.founders)) if f not in fset]
    f_wait = order([f for f in f_wait if room.good_count(f, iset) >= room.k], fval, room.founders)
    i_wait = [i for i in range(len(room.investors)) if i not in iset and ival[i] > 0]
    i_wait = order(i_wait, ival, room.investors)

    def listing(items, side, waiting, quota, rival_best):
        people, val = (room.founders, fval) if side == "founder" else (room.investors, ival)
        pairs = room.fv if side == "founder" else room.iv
        others, other_set = (room.investors, iset) if side == "founder" else (room.founders, fset)
        out, per_group = [], {}
        for n, x in enumerate(items, start=1):
            c = people[x]
            per_group[c.group] = per_group.get(c.group, 0) + 1
            inside = sorted((-v, others[y].id) for y, v in pairs[x].items() if y in other_set)
            good = sum(1 for v, _ in inside if -v >= room.good)
            # A quota seat: owed to its group, and someone waiting would otherwise have it.
            owed = per_group[c.group] <= quota.get(c.group, 0)
            quota_seat = not waiting and owed and rival_best > val[x]
            best = inside[0][1] if inside else None
            out.append(Invitee(c.id, side, c.group, n, round(val[x], 6), good, best, quota_seat))
        return tuple(out)

    top_f = fval[f_wait[0]] if f_wait else 0.0
    top_i = ival[i_wait[0]] if i_wait else 0.0
    qf, qi = quotas["founders"], quotas["investors"]
    goods = {}
    for f in f_in:
        ranked = sorted(room.fv[f], key=lambda i: (-room.fv[f][i], room.investors[i].id))
        goods[room.founders[f].id] = tuple(
            room.investors[i].id for i in ranked if i in iset and room.fv[f][i] >= room.good
        )
    return Proposal(
        founders=listing(f_in, "founder", False, qf, top_f),
        investors=listing(i_in, "investor", False, qi, top_i),
        founder_waitlist=listing(f_wait, "founder", True, qf, 0.0),
        investor_waitlist=listing(i_wait, "investor", True, qi, 0.0),
        good_investors=goods,
        quotas=quotas,
        value=round(room.total(fset, iset), 9),
    )
