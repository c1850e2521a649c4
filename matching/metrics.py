"""Ranking metrics of the data README (macro-averaged, both directions) and their spread."""

from __future__ import annotations

import math

import numpy as np

from .dataset import Task
from .engine import MatchEngine
from .records import EngineWeights
from .scoring import BlockScorer

PITCH_KEYS = ("recall@10", "recall@50", "ndcg@10", "mrr")
REVERSE_KEYS = ("recall@10", "ndcg@10")


def ranking_metrics(ranked: list[str], relevant: set[str], keys=PITCH_KEYS) -> dict[str, float]:
    """recall@10/50, NDCG@10 (binary gain) and MRR of one ranked list."""
    return rank_metrics([r for r, x in enumerate(ranked) if x in relevant], len(relevant), keys)


def rank_metrics(ranks, n_relevant: int, keys=PITCH_KEYS) -> dict[str, float]:
    """`ranking_metrics` of a list given by the 0-based ranks of its relevant items, in
    ascending order (every metric here depends on those ranks alone)."""
    out = {}
    for key in keys:
        if key.startswith("recall@"):
            cut = int(key[7:])
            out[key] = sum(1 for r in ranks if r < cut) / n_relevant
        elif key == "ndcg@10":
            dcg = sum(1 / math.log2(r + 2) for r in ranks if r < 10)
            idcg = sum(1 / math.log2(r + 2) for r in range(min(n_relevant, 10)))
            out[key] = dcg / idcg
        elif key == "mrr":
            out[key] = 1 / (ranks[0] + 1) if len(ranks) else 0.0
    return out


def mean_metrics(rows: list[dict[str, float]], keys) -> dict[str, float]:
    """Macro average."""
    return {k: float(np.mean([r[k] for r in rows])) if rows else 0.0 for k in keys}


def metric_rows(task: Task, scores: np.ndarray) -> tuple[list[dict], list[dict]]:
    """Per-list metrics from a (investors × candidates) score matrix: one row per evaluated
    investor (pitch ranking) and one per candidate with an evaluated investor (reverse).

    A list is ordered by descending score, ties in list order (a stable sort), and only the
    ranks of its relevant items are computed: no list is sorted."""
    return forward_rows(task, scores), reverse_rows(task, scores)


def forward_rows(task: Task, scores: np.ndarray) -> list[dict]:
    """`metric_rows`' pitch-ranking rows alone."""
    r, c, sizes = _relevant(task)
    return [rank_metrics(sorted(x), len(x), PITCH_KEYS)
            for x in _groups(relevant_ranks(scores, r, c), sizes)]


def reverse_rows(task: Task, scores: np.ndarray) -> list[dict]:
    """`metric_rows`' investor-ranking rows alone."""
    r, c, _ = _relevant(task)
    by_pitch = np.lexsort((r, c))  # relevant entries by candidate, then investor
    r, c = r[by_pitch], c[by_pitch]
    sizes = np.unique(c, return_counts=True)[1]  # per candidate with an evaluated investor
    return [rank_metrics(sorted(x), len(x), REVERSE_KEYS)
            for x in _groups(relevant_ranks(scores.T, c, r), sizes.tolist())]


def _relevant(task: Task) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """Rows and columns of the relevant (investor, candidate) entries, by investor, and
    how many each investor has."""
    pos = {p.id: j for j, p in enumerate(task.candidates)}
    cols = [sorted(pos[p] for p in task.relevant[q.id]) for q in task.investors]
    sizes = [len(c) for c in cols]
    r = np.repeat(np.arange(len(cols)), sizes).astype(np.int64)
    return r, np.fromiter((j for cs in cols for j in cs), np.int64, len(r)), sizes


def _groups(values: np.ndarray, sizes: list[int]) -> list[list[int]]:
    """`values` cut into consecutive groups of `sizes`, as lists of Python ints."""
    flat, out, start = values.tolist(), [], 0
    for n in sizes:
        out.append(flat[start:start + n])
        start += n
    return out


def relevant_ranks(scores: np.ndarray, rows: np.ndarray, cols: np.ndarray,
                   cells: int = 1 << 22) -> np.ndarray:
    """0-based position of each entry (rows[t], cols[t]) in its row sorted by descending
    score, ties in column order: the position ``np.argsort(-row, kind="stable")`` gives it,
    NaN last. Computed as (entries above it) + (equal entries before it), a few rows' worth
    of comparisons at a time."""
    n = scores.shape[1]
    out = np.empty(len(rows), np.int64)
    step = max(1, cells // max(n, 1))
    col = np.arange(n)
    for start in range(0, len(rows), step):
        sl = slice(start, start + step)
        s = scores[rows[sl]]
        x = s[np.arange(s.shape[0]), cols[sl]][:, None]
        before = col[None, :] < cols[sl, None]
        out[sl] = np.count_nonzero(s > x, axis=1) + np.count_nonzero((s == x) & before, axis=1)
        nan = np.isnan(x[:, 0])
        if nan.any():  # a NaN sorts after every number, among NaNs in column order
            out[sl][nan] = (np.count_nonzero(~np.isnan(s[nan]), axis=1)
                            + np.count_nonzero(np.isnan(s[nan]) & before[nan], axis=1))
    return out


def evaluate_scores(task: Task, scores: np.ndarray) -> tuple[dict, dict]:
    """Both directions' macro-averaged metrics from a (investors × candidates) score matrix."""
    fwd, rev = metric_rows(task, scores)
    return mean_metrics(fwd, PITCH_KEYS), mean_metrics(rev, REVERSE_KEYS)


def bootstrap_interval(rows: list[dict], key: str, base: list[dict] | None = None,
                       draws: int = 2000, seed: int = 0, level: float = 0.95
                       ) -> list[float]:
    """Percentile bootstrap interval of the macro mean of `key` over `rows` (the evaluated
    lists are the sampled units), or of its paired difference to `base` (same lists)."""
    x = np.array([r[key] for r in rows], float)
    if base is not None:
        x = x - np.array([r[key] for r in base], float)
    if x.size == 0:
        return [0.0, 0.0]
    idx = np.random.default_rng(seed).integers(0, x.size, (draws, x.size))
    means = x[idx].mean(axis=1)
    tail = (1 - level) / 2
    return [float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail))]


def engine_scores(engine: MatchEngine, task: Task, text: list[np.ndarray] | None = None
                  ) -> np.ndarray:
    """Full investors × candidates score matrix: what the engine's blocked top-k ranks (same
    blocks, same products), -inf for the pairs it leaves out (filtered), without ranking.
    `text` is the engine's `text_blocks`, to reuse across weight vectors."""
    n, m = len(task.candidates), len(task.investors)
    if engine.svd_components_ is not None:  # approximate retrieval: only its top-k is scored
        scores = np.full((m, n), -np.inf)
        fwd, _ = engine.batch_topk(k=m, forward=True, reverse=False)
        rows = np.repeat(np.arange(n), fwd.index.shape[1])
        cols = fwd.index.ravel()
        ok = cols >= 0
        scores[cols[ok], rows[ok]] = fwd.score.ravel()[ok]
        return scores
    scores = np.empty((m, n))  # the blocks cover every candidate
    scorer = BlockScorer(engine, k=m)
    for b, rows in enumerate(_blocks(engine)):
        s = scorer.mask(rows, scorer.raw_block(rows, None if text is None else text[b]))
        s[~np.isfinite(s)] = -np.inf
        scores[:, rows] = s.T
    return scores


def text_blocks(engine: MatchEngine) -> list[np.ndarray]:
    """An exact-mode engine's unweighted text products, block by block as `engine_scores`
    uses them: they depend on the fit alone, not on the weights."""
    scorer = BlockScorer(engine, k=0)
    return [scorer.text_block(rows) for rows in _blocks(engine)]


def _blocks(engine: MatchEngine) -> list[np.ndarray]:
    n, size = len(engine.pitch_ids_), engine.block_size
    return [np.arange(start, min(n, start + size)) for start in range(0, n, size)]


def fit_engine(task: Task, weights: EngineWeights, as_of: str, seed: int,
               half_life: float = 365.0) -> MatchEngine:
    """The app's engine, fitted on a task's candidates and investor profiles."""
    return MatchEngine(weights=weights, random_state=seed, as_of=as_of, retrieval="exact",
                       half_life_days=half_life).fit(task.candidates, task.investors)
