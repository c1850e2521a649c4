"""Benchmark the meeting scheduler against the exact MILP optimum and the LP bound.

    .venv/bin/python benchmarks/schedule.py [--seeds 5] [--milp-limit 60]

For each size: value ratio of the heuristic to the MILP optimum (min / mean over seeds)
and the times of both; where the MILP is too slow, the ratio to the LP-relaxation upper
bound instead (a ratio of 1.000 there proves the schedule optimal). "no mtg" counts, over all
seeds, the people left without a meeting who could have met someone (`unmet`); "value" is
the mean total match value of the meetings (`Schedule.value`, bonuses not counted).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching.schedule import objective, schedule  # noqa: E402
from matching.schedule_check import check_schedule, idle_slots  # noqa: E402
from matching.schedule_milp import lp_upper_bound, optimum_value  # noqa: E402
from matching.schedule_model import Instance, Schedule  # noqa: E402
from matching.schedule_random import random_instance, small_random_instance  # noqa: E402

# (founders, investors, slots, tables, density, caps, use MILP)
SIZES = [
    (5, 5, 4, 3, 0.5, (1, 4), True),
    (10, 10, 6, 5, 0.4, (2, 6), True),
    (15, 15, 8, 6, 0.4, (2, 8), True),
    (30, 30, 8, 10, 0.3, (3, 8), True),
    (50, 50, 10, 15, 0.25, (4, 8), True),
    (100, 100, 12, 30, 0.15, (6, 8), False),
    (150, 150, 12, 40, 0.15, (6, 8), False),
    (150, 150, 12, 75, 0.15, (6, 8), False),
]


def unmet(inst: Instance, sched: Schedule) -> int:
    """People without a meeting who could have met someone: a cap above zero, and a pair of
    positive value with a partner of cap above zero and a slot both can attend."""
    people = {p.id: p for p in inst.participants}
    every = frozenset(range(inst.slots))
    can = set()
    for q in inst.pairs:
        a, b = people[q.a], people[q.b]
        shared = (a.available or every) & (b.available or every)
        if q.value > 0 and a.cap > 0 and b.cap > 0 and shared and inst.tables > 0:
            can.update((q.a, q.b))
    met = {x for m in sched.meetings for x in (m.a, m.b)}
    return len(can - met)


def run(seeds: int, milp_limit: float) -> None:
    """Print one line per size."""
    head = (
        f"{'size (F+I × S × T)':<22}{'pairs':>7}{'ratio min':>10}{'mean':>8}{'vs':>5}"
        f"{'heur s':>8}{'exact s':>9}{'LP s':>7}{'idle/p':>8}{'no mtg':>8}{'value':>9}"
    )
    print(head)
    print("-" * len(head))
    for nf, ni, S, T, dens, caps, use_milp in SIZES:
        ratios, t_h, t_x, t_lp, pairs, idle = [], [], [], [], [], []
        left, value = 0, []
        ref = "opt" if use_milp else "LP"
        for seed in range(seeds):
            inst = random_instance(
                nf, ni, S, T, density=dens, caps=caps, partial=0.3, locked=T // 2, seed=seed
            )
            pairs.append(len(inst.pairs))
            t0 = time.perf_counter()
            got = schedule(inst)
            t_h.append(time.perf_counter() - t0)
            check_schedule(inst, got)
            idle.append(idle_slots(inst, got) / (nf + ni))
            left += unmet(inst, got)
            value.append(got.value)
            t0 = time.perf_counter()
            best = lp_upper_bound(inst)
            t_lp.append(time.perf_counter() - t0)
            if use_milp:
                t0 = time.perf_counter()
                best = optimum_value(inst, time_limit=milp_limit)
                t_x.append(time.perf_counter() - t0)
            ratios.append(objective(inst, got) / best if best > 0 else 1.0)
        size = f"{nf + ni} × {S} × {T}"
        exact = f"{statistics.mean(t_x):9.2f}" if t_x else f"{'-':>9}"
        print(
            f"{size:<22}{statistics.mean(pairs):7.0f}{min(ratios):10.4f}"
            f"{statistics.mean(ratios):8.4f}{ref:>5}{statistics.mean(t_h):8.2f}{exact}"
            f"{statistics.mean(t_lp):7.2f}{statistics.mean(idle):8.2f}{left:8d}"
            f"{statistics.mean(value):9.2f}"
        )
        sys.stdout.flush()


def run_small(count: int) -> None:
    """The test family: up to 30 people × 8 slots, varied tables, caps, windows, locks, tiers."""
    ratios, t_h, t_x = [], [], []
    left = value = 0.0
    for seed in range(count):
        inst = small_random_instance(seed)
        t0 = time.perf_counter()
        got = schedule(inst)
        t_h.append(time.perf_counter() - t0)
        left += unmet(inst, got)
        value += got.value
        t0 = time.perf_counter()
        best = optimum_value(inst)
        t_x.append(time.perf_counter() - t0)
        ratios.append(objective(inst, got) / best if best > 1e-9 else 1.0)
    below = sum(r < 0.98 for r in ratios)
    print(
        f"\n{count} random instances ≤ 30 people × 8 slots (the test family): ratio to optimum "
        f"min {min(ratios):.4f}, mean {statistics.mean(ratios):.5f}, below 0.98: {below}; "
        f"mean time heuristic {statistics.mean(t_h):.3f} s, MILP {statistics.mean(t_x):.3f} s; "
        f"people left without a meeting who could meet someone: {left:.0f}; "
        f"total match value {value:.1f}"
    )


def main() -> None:
    """Parse the arguments and run."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--milp-limit", type=float, default=60.0)
    ap.add_argument("--small", type=int, default=300, help="instances of the test family")
    args = ap.parse_args()
    run(args.seeds, args.milp_limit)
    run_small(args.small)


if __name__ == "__main__":
    main()
