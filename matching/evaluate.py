"""Offline evaluation on a real investment dataset, by the rule of the data README.

    python -m matching.evaluate DATASET_DIR [--json] [--seed 0]

Temporal split at `split.json`'s cutoff (`matching.dataset`). Investor records are built
from TRAIN investments only; candidate pitches only from their own fields. Every evaluated
investor ranks all candidates (pitch ranking) and every candidate with an evaluated test
investor ranks all evaluated investors (investor ranking). What is learned (activity
half-life, weights) is learned on the TRAIN period alone (`matching.learning`), so nothing is
tuned on the test period. The engine is the app's `MatchEngine`; ties are broken by its
seeded random order. Besides the means, the report gives 95% bootstrap intervals over the
evaluated lists, for the engine and for its paired difference to the popularity baseline.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy import sparse

from .dataset import Dataset, DatasetError, Task, load_dataset, make_task, simulate_earlier_cutoff
from .learning import HALF_LIVES, choose_half_life, inner_tasks, learn_weights
from .metrics import (
    PITCH_KEYS,
    REVERSE_KEYS,
    bootstrap_interval,
    engine_scores,
    evaluate_scores,
    fit_engine,
    forward_rows,
    mean_metrics,
    metric_rows,
    ranking_metrics,
    reverse_rows,
)
from .records import EngineWeights

__all__ = ["HALF_LIVES", "Dataset", "Task", "choose_half_life", "evaluate", "inner_tasks",
           "learn_weights", "load_dataset", "make_task", "ranking_metrics",
           "simulate_earlier_cutoff"]


def baselines(task: Task, seeds: int = 5) -> dict[str, dict]:
    """Random (mean of `seeds` orders) and popularity (sector frequency / investor degree)."""
    m, n = len(task.investors), len(task.candidates)
    out = {}
    runs = [evaluate_scores(task, np.random.default_rng(s).random((m, n))) for s in range(seeds)]
    out["random"] = _merge([r[0] for r in runs], [r[1] for r in runs])
    # one (investors × candidates) matrix at a time: each is read in one direction only
    fwd = [mean_metrics(forward_rows(task, popularity_forward(task, s)), PITCH_KEYS)
           for s in range(seeds)]
    rev = [mean_metrics(reverse_rows(task, popularity_reverse(task, s)), REVERSE_KEYS)
           for s in range(seeds)]
    out["popularity"] = _merge(fwd, rev)
    return out


def popularity_forward(task: Task, seed: int = 0) -> np.ndarray:
    """The popularity baseline's pitch-ranking scores (sector frequency), one seed."""
    m, n = len(task.investors), len(task.candidates)
    # How often each candidate's sectors occur in each investor's portfolio: one sparse
    # product (investor × sector counts times sector × candidate counts), exact in floats.
    invest, cands = _sector_counts([q.sectors for q in task.investors],
                                   [p.sectors for p in task.candidates])
    fwd = (invest @ cands.T.toarray()).reshape(m, n)  # sparse x dense: no m × n sparse
    # in place, in the order of sec + degree * 1e-6 + noise * 1e-3: the same floats, with
    # no more than two m × n matrices alive
    fwd += _degree(task)[:, None] * 1e-6
    noise = np.random.default_rng(100 + seed).random((m, n))
    noise *= 1e-3
    fwd += noise
    return fwd


def popularity_reverse(task: Task, seed: int = 0) -> np.ndarray:
    """The popularity baseline's investor-ranking scores (investor degree), one seed."""
    rev = np.random.default_rng(200 + seed).random((len(task.investors), len(task.candidates)))
    rev *= 1e-3
    rev += _degree(task)[:, None]  # degree + noise * 1e-3, in place (the same floats)
    return rev


def _degree(task: Task) -> np.ndarray:
    return np.array([q.activity for q in task.investors], float)


def _sector_counts(*sides) -> list[sparse.csr_matrix]:
    """For each side (a list of sector tuples), its rows × sectors occurrence counts over one
    shared sector vocabulary."""
    vocab: dict[str, int] = {}
    cols = [[vocab.setdefault(s, len(vocab)) for row in rows for s in row] for rows in sides]
    return [sparse.csr_matrix((np.ones(len(c)), c, np.cumsum([0, *map(len, rows)])),
                              shape=(len(rows), len(vocab)))
            for c, rows in zip(cols, sides, strict=True)]


def intervals(task: Task, scores: np.ndarray, seed: int = 0) -> dict:
    """95% bootstrap intervals of the engine's NDCG@10 and recall@10 (both directions) and of
    the paired difference engine − popularity over the same lists."""
    fwd, rev = metric_rows(task, scores)
    base_f = forward_rows(task, popularity_forward(task, seed))
    base_r = reverse_rows(task, popularity_reverse(task, seed))
    out = {}
    for name, rows, base in (("pitch_ranking", fwd, base_f), ("investor_ranking", rev, base_r)):
        out[name] = {key: {"engine": bootstrap_interval(rows, key, seed=seed),
                           "minus_popularity": bootstrap_interval(rows, key, base, seed=seed)}
                     for key in ("ndcg@10", "recall@10")}
    return out


def _merge(fwds: list[dict], revs: list[dict]) -> dict:
    return {"pitch_ranking": {k: float(np.mean([f[k] for f in fwds])) for k in PITCH_KEYS},
            "investor_ranking": {k: float(np.mean([r[k] for r in revs])) for k in REVERSE_KEYS}}


def evaluate(folder: str | Path, seed: int = 0, learn: bool = True,
             earlier: float | None = None) -> dict:
    """Run the whole protocol on one dataset folder; returns the JSON-able report.

    `earlier` (a quantile in (0, 1)) drops the TEST period and re-splits TRAIN there: a
    robustness check on a split that nothing was ever tuned on.
    """
    ds = load_dataset(folder)
    if earlier is not None:
        ds = simulate_earlier_cutoff(ds, earlier)
    weights, info, half_life = EngineWeights(), {}, 365.0
    if learn:
        tasks = inner_tasks(ds)
        half_life, info["half_life_ndcg"] = choose_half_life(tasks, seed)
        weights, more = learn_weights(ds, seed, half_life=half_life, tasks=tasks)
        info.update(more, half_life_days=half_life)
    task = make_task(ds, None, ds.cutoff)
    scores = engine_scores(fit_engine(task, weights, ds.cutoff, seed, half_life), task)
    fwd, rev = evaluate_scores(task, scores)
    return {"dataset": ds.name, "investors_evaluated": len(task.investors),
            "candidates": len(task.candidates),
            "pitch_ranking": fwd, "investor_ranking": rev, "baselines": baselines(task),
            "intervals": intervals(task, scores, seed),
            "weights": weights.as_dict(), "learning": info}


def _table(report: dict) -> str:
    rows = [("engine", report)] + list(report["baselines"].items())
    head = f"{'method':<12}" + "".join(f"{k:>11}" for k in PITCH_KEYS) + \
        "".join(f"{'rev ' + k:>15}" for k in REVERSE_KEYS)
    lines = [f"{report['dataset']}: {report['investors_evaluated']} investors, "
             f"{report['candidates']} candidates", head]
    for name, r in rows:
        lines.append(f"{name:<12}" + "".join(f"{r['pitch_ranking'][k]:>11.3f}" for k in PITCH_KEYS)
                     + "".join(f"{r['investor_ranking'][k]:>15.3f}" for k in REVERSE_KEYS))
    for side, label in (("pitch_ranking", "pitch"), ("investor_ranking", "rev")):
        cell = report["intervals"][side]["ndcg@10"]
        lines.append(f"{label} NDCG@10 95% interval {_span(cell['engine'])}, "
                     f"engine − popularity {_span(cell['minus_popularity'])}")
    lines.append("weights: " + ", ".join(f"{k}={v:.2f}" for k, v in report["weights"].items()))
    return "\n".join(lines)


def _span(pair: list[float]) -> str:
    return f"[{pair[0]:+.3f}, {pair[1]:+.3f}]"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(prog="python -m matching.evaluate",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-learn", action="store_true", help="keep default weights")
    ap.add_argument("--earlier", type=float, default=None, metavar="Q",
                    help="robustness check: drop TEST, re-split TRAIN at date quantile Q")
    args = ap.parse_args(argv)
    try:
        report = evaluate(args.dataset, args.seed, learn=not args.no_learn,
                          earlier=args.earlier)
    except DatasetError as e:
        ap.error(str(e))
    if report["investors_evaluated"] == 0:
        print(f"{report['dataset']}: no investor has >= 3 TRAIN investments and one in a "
              "candidate; every figure is 0", file=sys.stderr)
    sys.stdout.write((json.dumps(report) if args.json else _table(report)) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
