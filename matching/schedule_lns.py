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
    budget: int = 30_000,
    patience: int = 5_000,
    gap: float = 1e-4,
    seed: int = 0,
) -> None:
    """Run up to `iters` destroy-and-repair rounds on `board`.

    Stops early within `gap` (relative) of the upper `bound`, once the repairs have made
    `budget` insertion attempts, or after `patience` attempts without a gain; counting
    attempts rather than seconds keeps the result the same on every machine. Patience
    matters where the bound cannot be reached (stage 1 ignores slot clashes): on a large
    instance a round costs thousands of attempts, so a few fruitless ones end the search
    rather than the whole budget.
    """
    rng = random.Random(seed)
    w = board.w
    stop = board.work + budget
    best, last_gain = board.total, board.work
    for it in range(iters):
        if board.total > best + eps:
            best, last_gain = board.total, board.work
        if (
            board.total >= bound - max(eps, gap * abs(bound))
            or board.work >= stop
            or board.work - last_gain >= patience
        ):
            return
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
        # Only the heaviest of the latter: on a big, table-bound instance they number thousands.
        cands = {r for v in sorted(touched) for r in by_person[v]}
        fm, pa, pb = board.fmask, board.pa, board.pb
        extra = [r for r in range(len(w)) if board.slot_of[r] < 0 and fm[pa[r]] & fm[pb[r]] & freed]
        worth = {r: board.worth(r) for r in extra}  # bonuses count: freed people come first
        extra.sort(key=lambda r: (-worth[r], r))
        cands.update(extra[: 2 * len(removed) + 10])
        cands = sorted(cands)
        amp = rng.choice((0.1, 0.3, 1.0))
        noise = {r: 1.0 + amp * rng.random() for r in cands}
        worth = {r: board.worth(r) for r in cands}
        cands.sort(key=lambda r: (-worth[r] * noise[r], r))
        # Fill without ejecting first, or the repair would undo itself; then allow ejection.
        # Half the time the removed meetings wait for the second pass (a short tabu), so
        # the repair explores exchanges rather than putting the heaviest meeting back.
        tabu = set(removed) if rng.random() < 0.5 else set()
        board.insertion_pass([r for r in cands if r not in tabu], eps, eject=False)
        board.insertion_pass(cands, eps)
        if board.total < before - eps:
            board.undo(log)
        board.log = None
