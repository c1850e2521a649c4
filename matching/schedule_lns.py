"""Large-neighbourhood search for the scheduler: destroy part of the schedule, repair it by
insertion, keep the result when the objective did not drop.

Plain local search stalls where the optimum needs a chain of moves (meeting X must move
to free a slot for Y, whose old slot then takes Z); removing a whole slot, or all meetings
of two people, and re-inserting greedily with a little noise in the order finds such chains.
The random generator is seeded, so a given instance always gets the same schedule.
"""

from __future__ import annotations

import random

from matching.schedule_search import Board


def lns(
    board: Board,
    by_person: list[list[int]],
    *,
    iters: int,
    eps: float,
    bound: float,
    seed: int = 0,
) -> None:
    """Run `iters` destroy-and-repair rounds on `board`, stopping early at `bound`."""
    rng = random.Random(seed)
    w = board.w
    for it in range(iters):
        if board.total >= bound - eps:
            return  # provably optimal: nothing to gain
        scheduled = [q for q in range(len(w)) if board.slot_of[q] >= 0 and q not in board.locked]
        if not scheduled:
            return
        kind = it % 4
        if kind == 0:  # a whole slot
            s = rng.randrange(board.S)
            removed = [q for q in board.in_slot[s] if q not in board.locked]
        elif kind == 3:  # two slots
            s, t = rng.randrange(board.S), rng.randrange(board.S)
            removed = [q for q in board.in_slot[s] | board.in_slot[t] if q not in board.locked]
        elif kind == 1:  # everything two people do
            q = rng.choice(scheduled)
            a, b = board.pa[q], board.pb[q]
            removed = [r for r in board.mine[a] | board.mine[b] if r not in board.locked]
        else:  # a random handful
            k = rng.randint(2, max(2, min(60, len(scheduled) // 3)))
            removed = rng.sample(scheduled, min(len(scheduled), k))
        before = board.total
        board.log = log = []
        touched = set()
        freed = 0
        for q in sorted(removed):
            freed |= 1 << board.unplace(q)
            touched.update((board.pa[q], board.pb[q]))
        # Pairs of the people set free, and pairs that could take a freed table.
        cands = {r for v in sorted(touched) for r in by_person[v]}
        fm, pa, pb = board.fmask, board.pa, board.pb
        cands.update(
            r for r in range(len(w)) if board.slot_of[r] < 0 and fm[pa[r]] & fm[pb[r]] & freed
        )
        cands = sorted(cands)
        noise = {r: 1.0 + 0.3 * rng.random() for r in cands}
        cands.sort(key=lambda r: (-w[r] * noise[r], r))
        # Fill without ejecting first, or the repair would undo itself; then allow ejection.
        board.insertion_pass(cands, eps, eject=False)
        board.insertion_pass(cands, eps)
        if board.total < before - eps:
            board.undo(log)
        board.log = None
