"""Benchmark arena invitation proposals: time and value, now against a commit before.

    .venv/bin/python benchmarks/invitations.py [--seeds 3] [--before 1a3d3c3] [--before-up-to 200]

For each size: the proposal's time now and with the search (`matching/invitations_*.py`:
one file, `invitations_search.py`, until it was split in modules) as it was at `--before`
(default: the pure-Python search, the last commit before the vectorised one; "none" skips
it), the ratio, and whether both proposals are the same (founders, investors, waiting
lists, reasons, value). The old search runs only up to `--before-up-to` founders:
it takes 20–90 s at 400 × 200. Small pools are also solved exactly (the MILP in
`matching/invitations_milp.py`, scipy's HiGHS, as the tests do) and the proposal's value is
given as a share of the optimum.

Instances are synthetic and shaped like the demo data the app hands the engine: nearly
every pair has a value (a latent match plus noise, median ~0.35), "good" is the median
value, six associations of uneven size, proportional fairness.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matching.invitations import Candidate, propose_invitations  # noqa: E402
from matching.invitations_milp import optimum_value, top_m_value  # noqa: E402

GROUPS = ("drammen", "asker", "kongsberg", "modum", "ringerike", "baerum")
SHARE = np.array([0.42, 0.2, 0.1, 0.1, 0.09, 0.09])

# (label, founders, investors, founder seats, investor seats, k)
SIZES = [
    ("demo arena", 114, 60, 24, 16, 3),
    ("small arena", 114, 60, 8, 6, 3),
    ("app's largest pool", 400, 200, 24, 16, 3),
    ("large arena", 400, 200, 60, 40, 3),
    ("bigger", 1000, 300, 40, 24, 3),
    ("bigger", 2000, 500, 60, 40, 3),
]


def instance(seed: int, n_f: int, n_i: int, density: float = 0.99):
    """Candidates and pair values shaped like the app's (see the module docstring)."""
    rng = np.random.default_rng(seed)
    a, b = rng.normal(size=(n_f, 8)), rng.normal(size=(n_i, 8))
    latent = 1 / (1 + np.exp(-(a @ b.T / np.sqrt(8) - 0.5) * 1.2))
    v = np.round(np.clip(0.8 * latent + 0.2 * rng.random((n_f, n_i)), 0, 1), 4)
    v *= rng.random((n_f, n_i)) < density
    fg, ig = rng.choice(GROUPS, size=n_f, p=SHARE), rng.choice(GROUPS, size=n_i, p=SHARE)
    fs = [Candidate(f"f{r:05d}", str(fg[r]), float(rng.random())) for r in range(n_f)]
    ins = [Candidate(f"i{c:05d}", str(ig[c])) for c in range(n_i)]
    value = {(fs[r].id, ins[c].id): float(v[r, c]) for r, c in zip(*np.nonzero(v), strict=True)}
    return fs, ins, value, float(np.median(v[v > 0]))


def load_before(rev: str):
    """The search as it was at `rev` (`matching/invitations_search.py` and the
    `matching/invitations_*.py` modules it imports), as a package of its own: its imports of
    `matching.invitations_*` point into that package; `matching.invitations` itself (the
    input and output records) stays the current one, so that proposals compare equal."""
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", rev, "matching/"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    package = Path(tempfile.mkdtemp()) / "invitations_before"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in names:
        if not re.fullmatch(r"matching/invitations_\w+\.py", name):
            continue
        source = subprocess.run(
            ["git", "show", f"{rev}:{name}"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        source = re.sub(r"\bmatching\.(invitations_\w+)", r"invitations_before.\1", source)
        (package / Path(name).name).write_text(source)
    sys.path.insert(0, str(package.parent))
    return importlib.import_module("invitations_before.invitations_search")


def run_before(module, fs, ins, value, cap_f, cap_i, k, good):
    """The old search on the same (already checked) input."""
    room = module.Room(fs, ins, value, k=k, good=good, top_m=max(k, 3))
    return module.solve(room, cap_f, cap_i, "proportional")


def timed(fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t0


def covered_by(p, value, k, good) -> int:
    """How many invited founders have at least k good investors in the room."""
    room = [i.id for i in p.investors]
    return sum(sum(value.get((f.id, i), 0.0) >= good for i in room) >= k for f in p.founders)


def small_pool(seed: int):
    """A pool as tests/matching/test_invitations.py draws them (12 × 10, half the pairs)."""
    rng = random.Random(seed)
    groups = ["asker", "baerum", "drammen", "lier", "kongsberg", "ringerike"]
    fs = [Candidate(f"f{n}", rng.choice(groups), rng.random()) for n in range(12)]
    ins = [Candidate(f"i{n}", rng.choice(groups)) for n in range(10)]
    value = {(f.id, i.id): round(rng.random(), 3) for f in fs for i in ins if rng.random() < 0.5}
    return fs, ins, value


def sizes(seeds: int, before, before_up_to: int) -> None:
    """One line per size: times now and before, ratio, value, same proposal or not."""
    head = (
        f"{'size (founders × investors, seats F+I)':<44}{'now s':>8}{'before s':>10}{'ratio':>8}"
        f"{'value':>10}{'covered':>9}{'same':>6}"
    )
    print(head)
    print("-" * len(head))
    for label, n_f, n_i, cap_f, cap_i, k in SIZES:
        now, old, values, covered, same = [], [], [], [], []
        for seed in range(seeds):
            fs, ins, value, good = instance(seed, n_f, n_i)
            kw = {"max_founders": cap_f, "max_investors": cap_i, "k": k, "good": good}
            p, t = timed(propose_invitations, fs, ins, value, **kw)
            now.append(t)
            values.append(p.value)
            covered.append(covered_by(p, value, k, good) / max(1, len(p.founders)))
            if before is not None and n_f <= before_up_to:
                q, t = timed(run_before, before, fs, ins, value, cap_f, cap_i, k, good)
                old.append(t)
                same.append(p == q)
        name = f"{label} ({n_f} × {n_i}, {cap_f}+{cap_i})"
        t_now = statistics.median(now)
        t_old = f"{statistics.median(old):>10.3f}" if old else f"{'—':>10}"
        ratio = f"{statistics.median(old) / t_now:>7.0f}×" if old else f"{'—':>8}"
        agree = f"{sum(same)}/{len(same)}" if same else "—"
        print(
            f"{name:<44}{t_now:>8.3f}{t_old}{ratio}{statistics.mean(values):>10.3f}"
            f"{min(covered):>9.0%}{agree:>6}"
        )


def pools(count: int, before) -> None:
    """Small pools against the exact optimum, as in tests/matching/test_invitations.py."""
    ratios, same, t_now, t_old = [], [], [], []
    for seed in range(count):
        fs, ins, value = small_pool(100 + seed)
        fairness = ("proportional", None)[seed % 2]
        kw = {"max_founders": 5, "max_investors": 5, "k": 2, "good": 0.5, "top_m": 3}
        p, t = timed(propose_invitations, fs, ins, value, fairness=fairness, **kw)
        t_now.append(t)
        best = optimum_value(fs, ins, value, 5, 5, 2, 0.5, 3, p.quotas)
        ratios.append(top_m_value(p, value, 3) / best if best > 0 else 1.0)
        if before is not None:
            room = before.Room(fs, ins, value, k=2, good=0.5, top_m=3)
            q, t = timed(before.solve, room, 5, 5, fairness)
            t_old.append(t)
            same.append(p == q)
    print(
        f"\n{count} pools of 12 × 10 (5+5 seats, k = 2, top 3), value / exact optimum: "
        f"min {min(ratios):.3f}, mean {statistics.mean(ratios):.4f}, "
        f"exact on {sum(r > 1 - 1e-9 for r in ratios)}; now {statistics.mean(t_now) * 1e3:.1f} ms"
        + (
            f", before {statistics.mean(t_old) * 1e3:.1f} ms; same proposal on "
            f"{sum(same)}/{len(same)}"
            if t_old
            else ""
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--pools", type=int, default=40)
    parser.add_argument("--before", default="1a3d3c3", help='a git revision, or "none"')
    parser.add_argument("--before-up-to", type=int, default=200, help="founders, at most")
    args = parser.parse_args()
    before = None if args.before == "none" else load_before(args.before)
    sizes(args.seeds, before, args.before_up_to)
    if args.pools:
        pools(args.pools, before)


if __name__ == "__main__":
    main()
