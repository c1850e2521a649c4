"""Ranking metrics of the data README (macro-averaged, both directions) and their spread."""

from __future__ import annotations

import math

import numpy as np

from .dataset import Task
from .engine import MatchEngine
from .records import EngineWeights

PITCH_KEYS = ("recall@10", "recall@50", "ndcg@10", "mrr")
REVERSE_KEYS = ("recall@10", "ndcg@10")


def ranking_metrics(ranked: list[str], relevant: set[str], keys=PITCH_KEYS) -> dict[str, float]:
    """recall@10/50, NDCG@10 (binary gain) and MRR of one ranked list."""
    return hit_metrics(np.array([x in relevant for x in ranked], bool), len(relevant), keys)


def hit_metrics(hits: np.ndarray, n_relevant: int, keys=PITCH_KEYS) -> dict[str, float]:
    """`ranking_metrics` of a list given as its hits in rank order (a boolean array)."""
    out = {}
    for key in keys:
        if key.startswith("recall@"):
            out[key] = int(np.count_nonzero(hits[: int(key[7:])])) / n_relevant
        elif key == "ndcg@10":
            dcg = sum(1 / math.log2(r + 2) for r, h in enumerate(hits[:10].tolist()) if h)
            idcg = sum(1 / math.log2(r + 2) for r in range(min(n_relevant, 10)))
            out[key] = dcg / idcg
        elif key == "mrr":
            out[key] = 1 / (int(np.argmax(hits)) + 1) if hits.any() else 0.0
    return out


def mean_metrics(rows: list[dict[str, float]], keys) -> dict[str, float]:
    """Macro average."""
    return {k: float(np.mean([r[k] for r in rows])) if rows else 0.0 for k in keys}


def metric_rows(task: Task, scores: np.ndarray) -> tuple[list[dict], list[dict]]:
    """Per-list metrics from a (investors × candidates) score matrix: one row per evaluated
    investor (pitch ranking) and one per candidate with an evaluated investor (reverse)."""
    pos = {p.id: j for j, p in enumerate(task.candidates)}
    relevant = np.zeros(scores.shape, bool)
    for r, q in enumerate(task.investors):
        relevant[r, [pos[p] for p in task.relevant[q.id]]] = True
    n_rel = relevant.sum(axis=1)
    fwd = [hit_metrics(hits, int(n), PITCH_KEYS)
           for hits, n in zip(_hits(scores, relevant), n_rel, strict=True)]
    funded = np.flatnonzero(relevant.any(axis=0))  # candidates with an evaluated investor
    rev_hits = _hits(scores[:, funded].T, relevant[:, funded].T)
    rev = [hit_metrics(hits, int(n), REVERSE_KEYS)
           for hits, n in zip(rev_hits, relevant[:, funded].sum(axis=0), strict=True)]
    return fwd, rev


def _hits(scores: np.ndarray, relevant: np.ndarray, block: int = 512):
    """Each row's relevance in descending score order (stable: ties keep list order), in
    blocks of rows so that a large task never holds a full index matrix."""
    for start in range(0, scores.shape[0], block):
        order = np.argsort(-scores[start:start + block], axis=1, kind="stable")
        yield from np.take_along_axis(relevant[start:start + block], order, axis=1)


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


def engine_scores(engine: MatchEngine, task: Task) -> np.ndarray:
    """Full investors × candidates score matrix, via the engine's own blocked top-k."""
    n, m = len(task.candidates), len(task.investors)
    fwd, _ = engine.batch_topk(k=m, forward=True, reverse=False)
    scores = np.full((m, n), -np.inf)
    rows = np.repeat(np.arange(n), fwd.index.shape[1])
    cols = fwd.index.ravel()
    ok = cols >= 0
    scores[cols[ok], rows[ok]] = fwd.score.ravel()[ok]
    return scores


def fit_engine(task: Task, weights: EngineWeights, as_of: str, seed: int,
               half_life: float = 365.0) -> MatchEngine:
    """The app's engine, fitted on a task's candidates and investor profiles."""
    return MatchEngine(weights=weights, random_state=seed, as_of=as_of, retrieval="exact",
                       half_life_days=half_life).fit(task.candidates, task.investors)
