"""Scale benchmark of the matching engine against the plainest numpy/scipy floor.

    python benchmarks/engine.py --pitches 100000 --investors 10000
    python benchmarks/engine.py --quick

Prints fit time, scoring time (top 20 both ways for everyone, in blocks), pairs/s, peak
memory, the floor (all dot products of the same TF-IDF matrices, block by block, top 20 both
ways) and the ratio engine/floor, the recall of the exhaustive exact top 20 on a sample when
retrieval is approximate, and the median latency of one new pitch vs all investors.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from matching import MatchEngine  # noqa: E402
from matching.scoring import topk_rows  # noqa: E402
from matching.synthetic import generate  # noqa: E402


def floor(pt, qt, k: int, block: int, max_rows: int | None) -> tuple[float, int]:
    """Plain blocked sparse TF-IDF products with top-k both ways; (seconds, rows done)."""
    qt_t = qt.T.tocsr()
    n = pt.shape[0] if max_rows is None else min(max_rows, pt.shape[0])
    best = np.full((qt.shape[0], 0), -np.inf, np.float32)
    t = time.perf_counter()
    for s in range(0, n, block):
        sc = (pt[s:s + block] @ qt_t).toarray()
        topk_rows(sc, k)
        _, cs = topk_rows(sc.T, k)
        best = topk_rows(np.hstack([best, cs]), k)[1]
    return time.perf_counter() - t, n


def exact_recall(engine: MatchEngine, top, sample: np.ndarray, k: int) -> float:
    """Share of the exhaustive exact top-k found by the engine, on sampled pitches."""
    s_text, s_dense = engine._scales()
    qd, qt_t = engine.investor_dense_, engine.investor_text_.T.tocsr()
    hits = total = 0
    for r in sample:
        s = (engine.pitch_dense_[r] * s_dense) @ qd.T
        s = s + s_text * (engine.pitch_text_[r] @ qt_t).toarray().ravel()
        s[(s < 0) | ~engine.investor_alive_] = -np.inf
        want = {int(i) for i in topk_rows(s[None, :], k)[0][0] if i >= 0}
        hits += len(want & set(top.index[r].tolist()))
        total += len(want)
    return hits / max(total, 1)


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--pitches", type=int, default=100_000)
    ap.add_argument("--investors", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="5,000 × 500, a few seconds")
    ap.add_argument("--k", type=int, default=20)
    ap.add_argument("--n-jobs", type=int, default=2)
    ap.add_argument("--floor-rows", type=int, default=2_048,
                    help="floor runs on this many pitch rows and is scaled linearly")
    args = ap.parse_args()
    if args.quick:
        args.pitches, args.investors = 5_000, 500
    pitches, investors = generate(args.pitches, args.investors, seed=0)
    news, _ = generate(200, 1, seed=1)
    load0 = os.getloadavg()[0]
    t, c = time.perf_counter(), time.process_time()
    engine = MatchEngine(n_jobs=args.n_jobs, retrieval="svd").fit(pitches, investors)
    fit_s, fit_cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    fwd, rev = engine.batch_topk(k=args.k)
    score_s, score_cpu = time.perf_counter() - t, time.process_time() - c
    pairs = args.pitches * args.investors
    floor_s, done = floor(engine.pitch_text_, engine.investor_text_, args.k, 2048,
                          args.floor_rows)
    floor_full = floor_s * args.pitches / done
    sample = np.random.default_rng(0).choice(args.pitches, min(200, args.pitches), False)
    recall = exact_recall(engine, fwd, sample, args.k)
    lat = []
    for p in news:
        t = time.perf_counter()
        engine.top_investors(p, k=args.k)
        lat.append(time.perf_counter() - t)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
    print(f"records            {args.pitches:,} pitches × {args.investors:,} investors")
    print(f"text features      {engine.pitch_text_.shape[1]:,} "
          f"(mean nnz/pitch {engine.pitch_text_.nnz / args.pitches:.0f})")
    print(f"fit                {fit_s:8.1f} s  (CPU {fit_cpu:.1f} s over all threads)")
    print(f"scoring top-{args.k} both ways {score_s:8.1f} s  ({pairs / score_s:,.0f} pairs/s; "
          f"CPU {score_cpu:.1f} s over all threads)")
    print(f"floor (sparse)     {floor_full:8.1f} s  (measured on {done:,} rows, scaled)")
    print(f"ratio engine/floor {score_s / floor_full:8.2f}")
    print(f"exact top-{args.k} recall {recall:8.3f}  (sample of {len(sample)} pitches)")
    print(f"new pitch vs all   {statistics.median(lat) * 1e3:8.2f} ms median")
    print(f"peak memory (RSS)  {peak:8.2f} GB (whole process incl. generation)")
    print(f"load average       {load0:.1f} at start, {os.getloadavg()[0]:.1f} at end "
          f"({os.cpu_count()} cores; above that the wall times include waiting)")


if __name__ == "__main__":
    main()
