"""The scheduler's working state: a feasible partial schedule and what it costs to change it.

A `BoardState` holds a feasible partial schedule (pair -> slot) and keeps, per person, a
bitmask of the slots where that person is available and free, so the feasibility questions
the moves ask ("where could this meeting go?") are a few integer AND operations. The moves
themselves are in `matching.schedule_search` (insertion with ejection, refill) and
`matching.schedule_compact` (compaction); `matching.schedule_search.Board` has them all.

`total` is the full objective: the meetings' weights plus each person's bonus for their
first (second, …) meeting (`Problem.bonus`). A meeting's worth therefore depends on how
many meetings its two persons already have; `gain_of` prices a whole move exactly.
"""

from __future__ import annotations

from matching.schedule_problem import Problem


def bits(mask: int):
    """Yield the indices of the set bits of `mask`, lowest first."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def idle_of(occ: int) -> int:
    """Idle slots between the first and last set bit of a person's occupied-slot mask."""
    if not occ:
        return 0
    low = (occ & -occ).bit_length() - 1
    return occ.bit_length() - low - occ.bit_count()


class BoardState:
    """A feasible partial schedule with O(1) updates and bitmask feasibility queries."""

    def __init__(self, prob: Problem):
        self.prob = prob
        n, S = len(prob.ids), prob.slots
        self.S, self.T = S, prob.tables
        self.w = prob.weight
        self.pa, self.pb = prob.pa, prob.pb
        self.busy = [[-1] * S for _ in range(n)]
        self.fmask = list(prob.avail)  # available and free
        self.occ = [0] * n  # occupied slots
        self.cnt = [0] * n
        self.drop = [0.0] * n  # bonus a person loses with one meeting fewer
        self.cap = prob.cap
        self.mine: list[set[int]] = [set() for _ in range(n)]
        self.used = [0] * S
        self.in_slot: list[set[int]] = [set() for _ in range(S)]
        self.tmask = (1 << S) - 1 if self.T > 0 else 0  # slots with a free table
        self.slot_of = [-1] * len(prob.pa)
        self.locked = set(prob.locked)
        self.bonus = prob.bonus
        self.total = 0.0
        self.work = 0  # insertion attempts so far: a deterministic effort budget
        self.log: list[tuple[int, int]] | None = None  # (pair, slot or -1) for undo
        for p, (s, _t) in sorted(prob.locked.items()):
            self.place(p, s)

    # -- elementary updates -------------------------------------------------------------
    def place(self, p: int, s: int) -> None:
        """Put pair p in slot s (the caller has checked feasibility)."""
        bit = 1 << s
        gain = self.w[p]
        for v in (self.pa[p], self.pb[p]):
            b = self.next_bonus(v)
            gain += b
            self.drop[v] = b
            self.busy[v][s] = p
            self.fmask[v] &= ~bit
            self.occ[v] |= bit
            self.cnt[v] += 1
            self.mine[v].add(p)
        self.used[s] += 1
        if self.used[s] >= self.T:
            self.tmask &= ~bit
        self.in_slot[s].add(p)
        self.slot_of[p] = s
        self.total += gain
        if self.log is not None:
            self.log.append((p, -1))

    def unplace(self, p: int) -> int:
        """Take pair p out of its slot and return that slot."""
        s = self.slot_of[p]
        bit = 1 << s
        loss = self.w[p]
        for v in (self.pa[p], self.pb[p]):
            self.busy[v][s] = -1
            self.fmask[v] |= bit
            self.occ[v] &= ~bit
            self.cnt[v] -= 1
            self.mine[v].discard(p)
            loss += self.drop[v]
            k = self.cnt[v] - 1
            self.drop[v] = self.bonus[k] if 0 <= k < len(self.bonus) else 0.0
        self.used[s] -= 1
        self.tmask |= bit
        self.in_slot[s].discard(p)
        self.slot_of[p] = -1
        self.total -= loss
        if self.log is not None:
            self.log.append((p, s))
        return s

    def undo(self, log: list[tuple[int, int]]) -> None:
        """Revert the changes recorded in `log` (taken with `self.log = []`)."""
        self.log = None
        for p, s in reversed(log):
            if s < 0:
                self.unplace(p)
            else:
                self.place(p, s)

    # -- helpers ------------------------------------------------------------------------
    def next_bonus(self, v: int) -> float:
        """Bonus person v would earn with one more meeting."""
        k = self.cnt[v]
        return self.bonus[k] if k < len(self.bonus) else 0.0

    def worth(self, p: int) -> float:
        """What adding pair p would add now, caps and slots aside: weight plus bonuses."""
        return self.w[p] + self.next_bonus(self.pa[p]) + self.next_bonus(self.pb[p])

    def loss_of(self, q: int) -> float:
        """What taking placed pair q out would cost now: its weight and its persons' bonuses."""
        return self.w[q] + self.drop[self.pa[q]] + self.drop[self.pb[q]]

    def gain_of(self, p: int, ejects: list[int]) -> float:
        """Exact change of `total` from adding p and removing `ejects` (moves change nothing)."""
        gain = self.w[p] - sum(self.w[q] for q in ejects)
        if not self.bonus:
            return gain
        delta = {self.pa[p]: 1, self.pb[p]: 1}
        for q in ejects:
            for v in (self.pa[q], self.pb[q]):
                delta[v] = delta.get(v, 0) - 1
        bonus = self.bonus
        for v, d in delta.items():
            k = self.cnt[v]
            if d > 0:
                gain += sum(bonus[k : k + d])
            elif d < 0:
                gain -= sum(bonus[max(0, k + d) : k])
        return gain

    def best_slot(self, p: int, mask: int) -> int:
        """Among the slots in `mask`, the one adding least idle time for both persons."""
        a, b = self.pa[p], self.pb[p]
        oa, ob = self.occ[a], self.occ[b]
        ia, ib = idle_of(oa), idle_of(ob)
        best, best_s = None, -1
        for s in bits(mask):
            bit = 1 << s
            d = idle_of(oa | bit) - ia + idle_of(ob | bit) - ib
            if best is None or d < best:
                best, best_s = d, s
                if d < 0:
                    break
        return best_s

    def direct_mask(self, p: int) -> int:
        """Slots where pair p fits without moving anything (0 if a cap is full)."""
        a, b = self.pa[p], self.pb[p]
        if self.cnt[a] >= self.cap[a] or self.cnt[b] >= self.cap[b]:
            return 0
        return self.fmask[a] & self.fmask[b] & self.tmask
