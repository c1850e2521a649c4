"""Building blocks of the fast batch path: bounds, per-key top-c, grouped pair products, and
the SVD retrieval checked against exhaustive exact scoring on synthetic records."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from matching import COMPONENTS, MatchEngine
from matching.scoring import lower_bound, pair_text, top_per_key
from matching.synthetic import generate
from matching.text import TextVectorizer


@pytest.mark.parametrize("axis", [0, 1])
@pytest.mark.parametrize("shape", [(7, 300), (300, 7), (50, 50), (3, 4)])
def test_lower_bound_never_above_cth_largest(axis, shape):
    rng = np.random.default_rng(1)
    s = rng.random(shape, dtype=np.float32)
    s[rng.random(shape) < 0.1] = -np.inf
    c = 5
    bound = lower_bound(s, c, axis)
    n = s.shape[axis]
    if n > c:
        cth = np.sort(s, axis=axis).take(n - c, axis=axis)
        assert np.all(bound <= cth)
    else:
        assert np.all(bound == -np.inf)


def test_top_per_key_matches_brute_force():
    rng = np.random.default_rng(2)
    keys = rng.integers(0, 20, 500)
    vals = rng.random(500).astype(np.float32)
    keep = top_per_key(keys, vals, 3)
    for key in range(20):
        want = np.sort(vals[keys == key])[::-1][:3]
        got = vals[keep][keys[keep] == key]
        assert np.array_equal(got, want)  # best first


def test_pair_text_equals_row_products():
    p, q = generate(60, 15, seed=3)
    x = TextVectorizer().fit_transform([r.text for r in p] + [r.text for r in q])
    a, b = x[:60], x[60:]
    rng = np.random.default_rng(0)
    ia, ib = rng.integers(0, 60, 300), rng.integers(0, 15, 300)
    want = np.asarray(a[ia].multiply(b[ib]).sum(axis=1)).ravel()
    assert np.allclose(pair_text(a, b, ia, ib), want, atol=1e-6)
    assert pair_text(a, b, np.zeros(0, int), np.zeros(0, int)).shape == (0,)


def test_text_rows_are_unit_norm_and_sorted():
    p, _ = generate(30, 1, seed=4)
    x = TextVectorizer().fit_transform([r.text for r in p])
    assert np.allclose(sp.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    y = x.copy()
    y.sort_indices()
    assert np.array_equal(x.indices, y.indices)


def test_svd_batch_recalls_exhaustive_exact_top_k():
    pitches, investors = generate(250, 80, seed=5)
    e = MatchEngine(retrieval="svd", n_components=48, block_size=128, n_jobs=2).fit(
        pitches, investors)
    exact = MatchEngine(retrieval="exact").fit(pitches, investors)
    k = 10
    fwd, rev = e.batch_topk(k=k)
    efwd, erev = exact.batch_topk(k=k)
    hit = np.mean([len(set(fwd.index[i]) & set(efwd.index[i])) / k for i in range(250)])
    hit_rev = np.mean([len(set(rev.index[j]) & set(erev.index[j])) / k for j in range(80)])
    assert hit >= 0.95 and hit_rev >= 0.95
    # scores of what is returned are exact, not approximate
    ok = fwd.index >= 0
    rows = np.repeat(np.arange(250), k)[ok.ravel()]
    comps = e.pair_components([(e.pitch_ids_[r], e.investor_ids_[c])
                               for r, c in zip(rows, fwd.index[ok], strict=True)])
    w = np.array([getattr(e.weights, n) for n in COMPONENTS], np.float32)
    assert np.allclose(fwd.score[ok], comps @ w / w.sum(), atol=2e-3)
