"""Compaction: meetings move between slots, or swap slots along alternating chains, while
that cuts idle time. The set of meetings, hence the value, never changes."""

from __future__ import annotations

from matching.schedule_board import bits, idle_of


class Compaction:
    """The compaction moves of `matching.schedule_search.Board`, on the state its
    `BoardState` keeps."""

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
