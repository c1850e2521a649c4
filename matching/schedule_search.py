"""The scheduler's local-search moves that raise the value: insertion with ejection, and
refill (drop one meeting for several). `Board` is the working state
(`matching.schedule_board.BoardState`) with these moves and compaction
(`matching.schedule_compact.Compaction`).
"""

from __future__ import annotations

from matching.schedule_board import BoardState, bits
from matching.schedule_compact import Compaction


class Board(Compaction, BoardState):
    """A feasible partial schedule with every move the scheduler makes on it."""

    # -- insertion with ejection ----------------------------------------------------------
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


def _merge(xs: list[int], ys: list[int], worth) -> list[int]:
    """Pairs of two persons, most worth first (`worth`: pair -> what adding it would add)."""
    return sorted(set(xs) | set(ys), key=lambda r: (-worth(r), r))
