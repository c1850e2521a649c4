"""How far a popularity signal can go on a dataset, measured with the TEST answers.

    python benchmarks/ceilings.py /work/shared/data/DATASET [--earlier 0.75] [--seeds 5]

Not a method: an upper bound that reads the answer key, to tell "the engine is weak" from
"this ranking is mostly decided by something no profile can know". Two oracles, each
leave-one-out so a list's own answer never scores itself:

- pitch ranking: a candidate scores the number of OTHER evaluated investors that funded it
  in TEST (how "hot" the pitch turned out to be);
- investor ranking: an investor scores the number of OTHER candidates it funded in TEST
  (how active it turned out to be).

Ties are broken by seeded random orders; the figures are means over `--seeds` orders.
Prints one JSON object with NDCG@10 and recall@10 for both oracles and the random baseline.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import numpy as np

from matching.dataset import load_dataset, make_task, simulate_earlier_cutoff
from matching.metrics import evaluate_scores


def oracle_scores(task) -> tuple[np.ndarray, np.ndarray]:
    """(pitch ranking, investor ranking) score matrices, investors × candidates."""
    qids = [q.id for q in task.investors]
    pids = [p.id for p in task.candidates]
    funded = np.array([[p in task.relevant[q] for p in pids] for q in qids], dtype=float)
    hot = funded.sum(axis=0)[None, :] - funded  # other investors that funded the candidate
    active = funded.sum(axis=1)[:, None] - funded  # other candidates the investor funded
    return hot, active


def ceilings(task, seeds: int) -> dict:
    hot, active = oracle_scores(task)
    m, n = hot.shape
    rows = []
    for seed in range(seeds):
        # A tiny random jitter breaks ties without reordering different counts.
        jitter = np.random.default_rng(seed).random((m, n)) * 1e-3
        pitch, _ = evaluate_scores(task, hot + jitter)
        _, investor = evaluate_scores(task, active + jitter)
        rand_pitch, rand_investor = evaluate_scores(task, jitter)
        rows.append((pitch, investor, rand_pitch, rand_investor))

    def mean(i: int, key: str) -> float:
        return round(float(np.mean([r[i][key] for r in rows])), 4)

    relevant = Counter(len(v) for v in task.relevant.values())
    return {
        "investors_evaluated": m, "candidates": n,
        "relevant_per_investor": dict(sorted(relevant.items())),
        "oracle_hot_pitches": {k: mean(0, k) for k in ("ndcg@10", "recall@10")},
        "oracle_active_investors": {k: mean(1, k) for k in ("ndcg@10", "recall@10")},
        "random": {"pitch_ranking": {k: mean(2, k) for k in ("ndcg@10", "recall@10")},
                   "investor_ranking": {k: mean(3, k) for k in ("ndcg@10", "recall@10")}},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset")
    parser.add_argument("--earlier", type=float, default=None,
                        help="drop TEST and re-split TRAIN at this quantile of its dates")
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args(argv)
    ds = load_dataset(args.dataset)
    if args.earlier is not None:
        ds = simulate_earlier_cutoff(ds, args.earlier)
    task = make_task(ds, None, ds.cutoff)
    print(json.dumps({"dataset": ds.name, **ceilings(task, args.seeds)}))


if __name__ == "__main__":
    main()
