"""Learning component weights from feedback: a linear re-ranker on component scores.

The score is linear in the components, so a logistic regression on *pairwise differences*
(a positive pair minus a negative pair of the same pitch or investor) learns weights that
order pairs the way feedback does, and those weights plug straight back into the one-matmul
score.

`shrunk_weights` is the form used for learning: each weight is the prior (default) weight
times ``exp(theta)``, and an L2 penalty ``lam * ||theta||^2`` pulls every ``theta`` to 0, so
with little data the prior comes back unchanged and only a strong, consistent signal moves a
weight; weights stay positive (a component is never dropped outright). Collinear components
(activity and focus: both an investor's recent deal volume) share one ``theta``, so their
ratio stays the prior's and weight cannot flip from one to the other. The plain
`weights_from_differences` (unregularised, clipped at 0) is kept for comparison.
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


#: Components that share one multiplicative factor (their ratio stays the prior's).
GROUPS: tuple[tuple[str, ...], ...] = (("activity", "focus"),)
#: Largest |theta|: a learned weight stays within a factor e^3 (about 20) of its prior.
MAX_LOG_RATIO = 3.0


def _group_matrix(active: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Components × parameters map: one parameter per free component or tied group."""
    names: list[str] = []
    cols: list[np.ndarray] = []
    done: set[str] = set()
    for c, name in enumerate(COMPONENTS):
        if name in done or not active[c]:
            continue
        group = next((g for g in GROUPS if name in g), (name,))
        col = np.array([n in group and active[k] for k, n in enumerate(COMPONENTS)], float)
        done.update(group)
        names.append("+".join(n for n in group if active[COMPONENTS.index(n)]))
        cols.append(col)
    if not cols:
        return np.zeros((len(COMPONENTS), 0)), names
    return np.column_stack(cols), names


def shrunk_weights(diff: np.ndarray, prior: EngineWeights, lam: float,
                   n_eff: float | None = None, sample_weight: np.ndarray | None = None
                   ) -> tuple[EngineWeights, dict[str, float]]:
    """Weights ``prior * exp(theta)`` from pairwise differences, shrunk toward the prior.

    Minimises ``n_eff * mean_i logloss(beta * diff_i . w / total) + lam * ||theta||^2`` over
    the log-ratios ``theta`` (one per component or tied group, see `GROUPS`) and a free,
    unpenalised sharpness ``beta``. `n_eff` is the number of independent observations behind
    `diff` (e.g. positive pairs when each has many sampled negatives; default: rows), so the
    prior wins when data are few. Components that never differ keep their prior weight. The
    result sums to the prior's total; also returns the log-ratios per parameter.
    """
    from scipy.optimize import minimize

    w0 = np.array([getattr(prior, c) for c in COMPONENTS], np.float64)
    diff = np.asarray(diff, np.float64).reshape(-1, len(COMPONENTS))
    if len(diff) == 0 or lam == np.inf:
        return prior, {}
    sw = np.ones(len(diff)) if sample_weight is None else np.asarray(sample_weight, float)
    sw = sw / sw.sum() * (len(diff) if n_eff is None else n_eff)
    active = (np.abs(diff).max(axis=0) > 1e-9) & (w0 > 0)
    a, names = _group_matrix(active)
    x = diff * (w0 / w0.sum())  # score differences per component at the prior

    def loss(params: np.ndarray) -> tuple[float, np.ndarray]:
        theta, log_beta = params[:-1], params[-1]
        mult = np.exp(a @ theta) if theta.size else np.ones(len(w0))
        beta = np.exp(log_beta)
        z = beta * (x @ mult)
        p = np.exp(-np.logaddexp(0.0, z))  # sigmoid(-z)
        f = float(sw @ np.logaddexp(0.0, -z) + lam * theta @ theta)
        dz = -sw * p
        g_mult = beta * (x.T @ dz) * mult
        grad_theta = a.T @ g_mult + 2 * lam * theta
        grad_beta = float(dz @ z)
        return f, np.r_[grad_theta, grad_beta]

    # start from the prior with the best sharpness, then free the log-ratios. At the prior
    # (theta = 0, penalty 0) `loss` is sw . logaddexp(0, -beta * (x @ mult)): the grid over
    # beta needs neither the gradient nor a new product per point
    start = np.zeros(a.shape[1] + 1)
    grid = np.linspace(-2.0, 8.0, 41)
    at_prior = x @ (np.exp(a @ start[:-1]) if a.shape[1] else np.ones(len(w0)))
    start[-1] = grid[int(np.argmin([float(sw @ np.logaddexp(0.0, -(np.exp(b) * at_prior)))
                                    for b in grid]))]
    bounds = [(-MAX_LOG_RATIO, MAX_LOG_RATIO)] * a.shape[1] + [(-5.0, 12.0)]
    res = minimize(loss, start, jac=True, method="L-BFGS-B", bounds=bounds)
    theta = res.x[:-1]
    w = w0 * (np.exp(a @ theta) if theta.size else 1.0)
    w = w / w.sum() * w0.sum()
    return (EngineWeights(**{n: float(v) for n, v in zip(COMPONENTS, w, strict=True)}),
            {n: float(t) for n, t in zip(names, theta, strict=True)})


def learn_weights(engine, positive_pairs: Sequence[tuple[str, str]],
                  negative_pairs: Sequence[tuple[str, str]], min_pairs: int = 20,
                  lam: float = 10.0) -> EngineWeights:
    """Weights learned from feedback pairs, shrunk toward the engine's current weights.

    The current weights if there is too little feedback; otherwise `shrunk_weights` with the
    number of positive pairs as the effective sample size, so a handful of clicks nudges the
    weights and only much consistent feedback moves them far.
    """
    if len(positive_pairs) < min_pairs or len(negative_pairs) < min_pairs:
        return engine.weights
    pos = engine.pair_components(positive_pairs).astype(np.float64)
    neg = engine.pair_components(negative_pairs).astype(np.float64)
    rng = np.random.default_rng(engine.random_state)
    diff = pairwise_differences(pos, neg, [(("p", a), ("q", b)) for a, b in positive_pairs],
                                [(("p", a), ("q", b)) for a, b in negative_pairs], rng)
    return shrunk_weights(diff, engine.weights, lam, n_eff=len(positive_pairs))[0]
