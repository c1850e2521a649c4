"""Shrinkage of learned component weights toward the defaults."""

from __future__ import annotations

import numpy as np
import pytest

from matching.records import COMPONENTS, EngineWeights
from matching.reranker import shrunk_weights

TEXT = COMPONENTS.index("text")
ACT, FOCUS = COMPONENTS.index("activity"), COMPONENTS.index("focus")


def _diffs(n: int, signal: float, seed: int = 0) -> np.ndarray:
    """Pair differences where only the text component tells funded from unfunded."""
    rng = np.random.default_rng(seed)
    d = rng.normal(0.0, 0.1, (n, len(COMPONENTS)))
    d[:, TEXT] += signal
    return d


def test_little_data_keeps_the_defaults():
    prior = EngineWeights()
    w, theta = shrunk_weights(_diffs(8, 0.05), prior, lam=10.0, n_eff=2)
    for name, v in w.as_dict().items():
        assert v == pytest.approx(prior.as_dict()[name], rel=0.05), name
    assert all(abs(t) < 0.05 for t in theta.values())


def test_strong_consistent_signal_moves_the_weights():
    prior = EngineWeights()
    w, theta = shrunk_weights(_diffs(4000, 0.05), prior, lam=10.0, n_eff=4000)
    assert w.text > 1.5 * prior.text
    assert theta["text"] > 0.4
    assert w.total() == pytest.approx(prior.total())
    assert all(v > 0 for v in w.as_dict().values())  # shrinkage never drops a component


def test_more_shrinkage_stays_closer_to_the_prior():
    prior = EngineWeights()
    d = _diffs(2000, 0.05)
    texts = [shrunk_weights(d, prior, lam)[0].text for lam in (1.0, 100.0, 1e4, 1e6)]
    assert texts == sorted(texts, reverse=True)
    assert texts[-1] == pytest.approx(prior.text, rel=0.01)
    assert shrunk_weights(d, prior, np.inf)[0] == prior


def test_collinear_activity_and_focus_keep_the_prior_ratio():
    prior = EngineWeights(activity=1.0, focus=2.0)
    d = _diffs(3000, 0.0, seed=1)
    d[:, ACT] = d[:, FOCUS] = np.abs(d[:, ACT]) + 0.05  # the same signal twice
    w, theta = shrunk_weights(d, prior, lam=1.0, n_eff=3000)
    assert w.focus / w.activity == pytest.approx(2.0)
    assert "activity+focus" in theta and theta["activity+focus"] > 0.3
