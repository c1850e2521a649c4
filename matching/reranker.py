"""Learning component weights from feedback: a linear re-ranker on component scores.

The score is linear in the components, so a logistic regression on *pairwise differences*
(a positive pair minus a negative pair of the same pitch or investor) learns weights that
order pairs the way feedback does, and those weights plug straight back into the one-matmul
score. Negative coefficients are clipped to 0 (a component never counts against a match).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .records import COMPONENTS, EngineWeights


def pairwise_differences(pos: np.ndarray, neg: np.ndarray, pos_keys: list, neg_keys: list,
                         rng: np.random.Generator, per_positive: int = 10) -> np.ndarray:
    """Differences pos − neg between pairs that share a key (pitch or investor)."""
    by_key: dict = {}
    for j, key in enumerate(neg_keys):
        for part in key:
            by_key.setdefault(part, []).append(j)
    rows = []
    for i, key in enumerate(pos_keys):
        pool = [j for part in key for j in by_key.get(part, [])]
        if not pool:
            pool = list(range(len(neg)))
        for j in rng.choice(pool, size=min(per_positive, len(pool)), replace=False):
            rows.append(pos[i] - neg[j])
    return np.asarray(rows, np.float64).reshape(-1, pos.shape[1])


def weights_from_differences(diff: np.ndarray, total: float, c: float = 1.0
                             ) -> EngineWeights:
    """Fit a no-intercept logistic regression on ±differences; weights sum to `total`."""
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([diff, -diff])
    y = np.r_[np.ones(len(diff)), np.zeros(len(diff))]
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, fit_intercept=False, max_iter=1000)
    lr.fit(x / scale, y)
    coef = np.clip(lr.coef_.ravel() / scale, 0.0, None)
    if coef.sum() <= 0:
        return EngineWeights()
    coef = coef / coef.sum() * total
    return EngineWeights(**{name: float(v) for name, v in zip(COMPONENTS, coef, strict=True)})


def learn_weights(engine, positive_pairs: Sequence[tuple[str, str]],
                  negative_pairs: Sequence[tuple[str, str]], min_pairs: int = 20
                  ) -> EngineWeights:
    """Weights learned from feedback pairs; the current weights if there is too little."""
    if len(positive_pairs) < min_pairs or len(negative_pairs) < min_pairs:
        return engine.weights
    pos = engine.pair_components(positive_pairs).astype(np.float64)
    neg = engine.pair_components(negative_pairs).astype(np.float64)
    rng = np.random.default_rng(engine.random_state)
    diff = pairwise_differences(pos, neg, [(("p", a), ("q", b)) for a, b in positive_pairs],
                                [(("p", a), ("q", b)) for a, b in negative_pairs], rng)
    return weights_from_differences(diff, engine.weights.total())
