"""The scheduler's working state and its local-search moves (insertion with ejection, refill,
compaction).

A `Board` holds a feasible partial schedule (pair -> slot) and keeps, per person, a bitmask
of the slots where that person is available and free, so the feasibility questions the
moves ask ("where could this meeting go?") are a few integer AND operations.

`Board.total` is the full objective: the meetings' weights plus each person's bonus for
their first (second, …) meeting (`Problem.bonus`). A meeting's worth therefore depends on
how many meetings its two persons already have; `gain_of` prices a whole move exactly.
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


class Board:
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

    def _cheapest(self, v: int, skip: set[int]) -> int:
        """Cheapest unlocked meeting of person v not in `skip` (bonuses counted), or -1."""
        best, best_loss = -1, 0.0
        for q in self.mine[v]:
            if q in skip or q in self.locked:
                continue
            loss = self.loss_of(q)
            if best < 0 or loss < best_loss or (loss == best_loss and q < best):
                best, best_loss = q, loss
        return best

    # -- insertion with ejection ----------------------------------------------------------
    def plan_insert(self, p: int, eject: bool = True):
        """Best way to add pair p, moving or ejecting meetings; (gain, slot, moves, ejects)."""
        self.work += 1
        a, b = self.pa[p], self.pb[p]
        direct = self.direct_mask(p)
        if direct:
            return self.worth(p), self.best_slot(p, direct), [], []
        w, busy, fmask = self.w, self.busy, self.fmask
        # Ejections only ever lose bonus, so weight + both persons' next bonus bounds a gain.
        most = self.worth(p)
        best = None
        for s in bits(self.prob.avail[a] & self.prob.avail[b]):
            sbit = 1 << s
            cost, moves, ejects = 0.0, [], []
            tfree = self.tmask & ~sbit
            extra: dict[int, int] = {}
            ok, freed = True, False
            for v in (a, b):
                q = busy[v][s]
                if q < 0:
                    continue
                if q in self.locked:
                    ok = False
                    break
                opts = fmask[self.pa[q]] & fmask[self.pb[q]] & tfree
                freed = True
                if opts:
                    s2 = (opts & -opts).bit_length() - 1
                    moves.append((q, s2))
                    extra[s2] = extra.get(s2, 0) + 1
                    if self.used[s2] + extra[s2] >= self.T:
                        tfree &= ~(1 << s2)
                else:
                    cost += w[q]
                    ejects.append(q)
            floor = 0.0 if best is None else best[0]
            if not ok or most - cost <= floor or (ejects and not eject):
                continue  # cannot beat what we have: skip the costlier checks below
            if not freed and self.used[s] >= self.T:
                # The slot's tables are all taken: move one meeting out, or eject the cheapest.
                vac, vac_cost, vac_to = -1, 0.0, -1
                drop, pa, pb = self.drop, self.pa, self.pb
                for q in self.in_slot[s]:
                    if q in self.locked:
                        continue
                    opts = fmask[self.pa[q]] & fmask[self.pb[q]] & tfree
                    if opts:
                        vac, vac_cost, vac_to = q, 0.0, (opts & -opts).bit_length() - 1
                        break
                    loss = w[q] + drop[pa[q]] + drop[pb[q]]  # inline `loss_of`: a hot loop
                    if vac < 0 or loss < vac_cost:
                        vac, vac_cost = q, loss
                if vac < 0:
                    continue
                if vac_to >= 0:
                    moves.append((vac, vac_to))
                else:
                    cost += w[vac]
                    ejects.append(vac)
            for v in (a, b):
                left = self.cnt[v] - sum(1 for q in ejects if v in (self.pa[q], self.pb[q]))
                if left >= self.cap[v]:
                    r = self._cheapest(v, set(ejects))
                    if r < 0:
                        ok = False
                        break
                    cost += w[r]
                    ejects.append(r)
                    moves = [(q, t) for q, t in moves if q != r]
            if not ok:
                continue
            if ejects and not eject:
                continue
            gain = self.gain_of(p, ejects) if ejects else most
            if gain > floor:
                best = (gain, s, moves, ejects)
        return best

    def apply_insert(self, p: int, plan) -> list[int]:
        """Carry out a plan from `plan_insert`; return the ejected pairs."""
        _gain, s, moves, ejects = plan
        for q in ejects:
            self.unplace(q)
        for q, _ in moves:
            self.unplace(q)
        for q, s2 in moves:
            self.place(q, s2)
        self.place(p, s)
        return ejects

    def insertion_pass(self, order: list[int], eps: float, eject: bool = True) -> bool:
        """Try to insert every unscheduled pair of `order`; True if the value went up."""
        improved = False
        for p in order:
            if self.slot_of[p] >= 0 or self.w[p] <= 0:
                continue
            plan = self.plan_insert(p, eject)
            if plan is not None and plan[0] > eps:
                self.apply_insert(p, plan)
                improved = True
        return improved

    # -- remove one meeting, refill with several ------------------------------------------
    def refill_pass(self, by_person: list[list[int]], eps: float) -> bool:
        """Drop one meeting if pairs of its two persons then fit with more total weight."""
        improved = False
        for q in sorted(range(len(self.pa)), key=lambda q: self.w[q]):
            if self.slot_of[q] < 0 or q in self.locked:
                continue
            a, b = self.pa[q], self.pb[q]
            before = self.total
            s = self.unplace(q)
            added = []
            for r in _merge(by_person[a], by_person[b], self.worth):
                if r == q or self.slot_of[r] >= 0 or self.w[r] <= 0:
                    continue
                mask = self.direct_mask(r)
                if mask:
                    self.place(r, self.best_slot(r, mask))
                    added.append(r)
            if self.total - before > eps:
                improved = True
                continue
            for r in added:
                self.unplace(r)
            self.place(q, s)
        return improved

    # -- compactness (the set of meetings, hence the value, never changes) ----------------
    def compact(self, max_rounds: int = 20) -> None:
        """Move meetings between slots while that lowers total idle time."""
        for _ in range(max_rounds):
            changed = False
            for p in range(len(self.pa)):
                if self.slot_of[p] < 0 or p in self.locked:
                    continue
                changed |= self._relocate_if_better(p)
                changed |= self._kempe_if_better(p)
            if not changed:
                return

    def _relocate_if_better(self, p: int) -> bool:
        a, b, s = self.pa[p], self.pb[p], self.slot_of[p]
        mask = self.fmask[a] & self.fmask[b] & self.tmask
        if not mask:
            return False
        sbit = 1 << s
        oa, ob = self.occ[a] & ~sbit, self.occ[b] & ~sbit
        now = idle_of(self.occ[a]) + idle_of(self.occ[b])
        best, best_s = now, -1
        for t in bits(mask):
            tb = 1 << t
            d = idle_of(oa | tb) + idle_of(ob | tb)
            if d < best:
                best, best_s = d, t
        if best_s < 0:
            return False
        self.unplace(p)
        self.place(p, best_s)
        return True

    def _kempe_if_better(self, p: int) -> bool:
        """Swap slots alpha/beta along the alternating chain through p, if less idle."""
        s = self.slot_of[p]
        a, b = self.pa[p], self.pb[p]
        avail = self.prob.avail
        for t in range(self.S):
            if t == s or not (avail[a] & avail[b]) >> t & 1:
                continue
            chain, people, stack = {p}, set(), [a, b]
            ok = True
            while stack and ok:
                v = stack.pop()
                if v in people:
                    continue
                people.add(v)
                for slot in (s, t):
                    q = self.busy[v][slot]
                    if q < 0 or q in chain:
                        continue
                    if q in self.locked:
                        ok = False
                        break
                    chain.add(q)
                    stack.extend((self.pa[q], self.pb[q]))
            if not ok or len(chain) > 2 * self.T + 2:
                continue
            n_s = sum(1 for q in chain if self.slot_of[q] == s)
            n_t = len(chain) - n_s
            if self.used[s] - n_s + n_t > self.T or self.used[t] - n_t + n_s > self.T:
                continue
            swap = {s: t, t: s}
            if any(
                not (avail[self.pa[q]] & avail[self.pb[q]]) >> swap[self.slot_of[q]] & 1
                for q in chain
            ):
                continue
            sb, tb = 1 << s, 1 << t
            before = after = 0
            for v in people:
                o = self.occ[v]
                before += idle_of(o)
                hs, ht = o & sb, o & tb
                o = o & ~(sb | tb) | (tb if hs else 0) | (sb if ht else 0)
                after += idle_of(o)
            if after >= before:
                continue
            moved = [(q, swap[self.slot_of[q]]) for q in chain]
            for q, _ in moved:
                self.unplace(q)
            for q, slot in moved:
                self.place(q, slot)
            return True
        return False


def _merge(xs: list[int], ys: list[int], worth) -> list[int]:
    """Pairs of two persons, most worth first (`worth`: pair -> what adding it would add)."""
    return sorted(set(xs) | set(ys), key=lambda r: (-worth(r), r))
