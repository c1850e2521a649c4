"""What a schedule is worth: the priority tiers folded into each pair's weight, and each
person's bonus for a first (second, …) meeting. `to_problem` computes both once."""

from __future__ import annotations

import math

from matching.schedule_model import DEFAULT_PRIORITY, MAX_BONUS_STEPS, Instance, fail


def meeting_bonuses(inst: Instance, values: list[float]) -> list[float]:
    """The per-person bonuses in objective units: `meeting_bonus` × the largest pair value.

    Scaling by the largest value keeps the default meaningful whatever scale the values are
    on (scores in 0..1 in the app, anything in a JSON instance).

    The objective is the meetings' (tier-weighted) value plus, for each person, bonus[0] for
    a first meeting, bonus[1] for a second, …: a concave utility per person, so that whoever
    can meet someone gets a meeting before anyone gets an eighth. The default, one largest
    pair value for a first meeting, makes a first meeting of any positive value outweigh
    any single other meeting, so the scheduler gives up one person's extra meeting for
    another's first whenever that is the trade on offer, but not two good meetings for one
    poor first one. The bonus lives in the value tier, below both kinds of request (see
    `tier_weights`): a mutual or one-sided request is never given up for it. It must not
    grow with k (concave), or stage 1's flow and the MILP would no longer be exact.
    """
    raw = inst.meeting_bonus
    if not isinstance(raw, tuple | list) or len(raw) > MAX_BONUS_STEPS:
        fail(f"meeting_bonus must be a list of at most {MAX_BONUS_STEPS} numbers, got {raw!r}")
    prev = math.inf
    for k, b in enumerate(raw):
        if isinstance(b, bool) or not isinstance(b, int | float) or not math.isfinite(b):
            fail(f"meeting_bonus[{k}] must be a finite number, got {b!r}")
        if b < 0:
            fail(f"meeting_bonus[{k}] must be >= 0, got {b}")
        if b > prev:
            fail("meeting_bonus must not increase (a later meeting is worth no more bonus)")
        prev = b
    scale = max((v for v in values if v > 0), default=0.0)
    bonus = [float(b) * scale for b in raw]
    while bonus and bonus[-1] == 0.0:
        bonus.pop()
    return bonus


def tier_weights(values: list[float], prios: list[int], spread: float = 0.0) -> list[float]:
    """Fold priority tiers into weights so tiers are lexicographic: counts first, then value.

    A mutual meeting outweighs any number of one-sided ones, which outweigh any number of
    suggestions; within equal tier counts the total value (with the per-person bonuses, at
    most `spread` in all) decides. The gap R exceeds every possible difference in total
    value plus bonuses, so an extra meeting of a better tier always wins.
    """
    if all(p == DEFAULT_PRIORITY for p in prios):
        return list(values)
    r = 2.0 * (sum(abs(v) for v in values) + spread) + 1.0
    n1 = sum(1 for p in prios if p == 1)
    offset = {2: 0.0, 1: r, 0: r * (n1 + 2)}
    return [v + offset[p] for v, p in zip(values, prios, strict=True)]
