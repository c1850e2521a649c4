"""The array forms of explanations agree with the one-pair reference functions."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from matching import EngineWeights, MatchEngine, explain
from matching.records import COMPONENTS
from matching.synthetic import generate


def test_reasons_many_matches_reasons():
    rng = np.random.default_rng(0)
    n = 400
    # values on and around every threshold, plus random ones
    edges = np.array([0.0, 0.05, 0.29, 0.5, 0.6, 0.69, 0.999, 1.0])
    comps = rng.choice(np.concatenate([edges, rng.random(20)]), (n, len(COMPONENTS)))
    comps = comps.astype(np.float32)
    has_terms = rng.random(n) < 0.7
    known = {c: rng.random(n) < 0.8 for c in ("sectors", "stage", "location", "ticket")}
    weights = EngineWeights(**{c: float(w) for c, w in zip(
        COMPONENTS, rng.choice([0.0, 0.5, 1.0, 3.0], len(COMPONENTS)), strict=True)
        if c != "text"}, text=2.0)
    got = explain.reasons_many(comps, weights, has_terms, known)
    for i in range(n):
        cd = explain.component_dict(comps[i])
        want = explain.reasons(cd, weights, bool(has_terms[i]),
                               {c: bool(v[i]) for c, v in known.items()})
        assert got[i] == want


def test_top_terms_many_matches_shared_terms():
    rng = np.random.default_rng(1)
    names = [f"f{i}" for i in range(30)] + ["sol", "sol batteri", "batteri"]
    surfaces = {"sol": "solar", "sol batteri": "solar battery", "batteri": "battery"}
    surf = [surfaces.get(f) or f.lstrip("~") for f in names]
    dense = rng.random((2, 50, len(names))) * (rng.random((2, 50, len(names))) < 0.3)
    dense[:, :, 30:] = rng.random((2, 50, 3))
    dense[:, :5, :] = np.round(dense[:, :5, :], 1)  # ties: broken by column order
    a, b = (sp.csr_matrix(x.astype(np.float32)) for x in dense)
    prod = a.multiply(b).tocsr()
    skip = np.zeros(len(names), bool)
    skip[[3, 7, 31]] = True  # unnamed columns ("sol batteri" among them)
    for local in (None, {"sol": "solenergi"}):
        for cols in (None, skip):
            got = explain.top_terms_many(prod.data, prod.indices, prod.indptr, surf, names,
                                         local, limit=3, skip=cols)
            for i in range(50):
                want = explain.shared_terms(a[i], b[i], len(names), names, surfaces, local,
                                            limit=3, skip=cols)
                assert got[i] == want


def test_batch_results_are_the_single_pair_results():
    pitches, investors = generate(120, 30, seed=4)
    e = MatchEngine().fit(pitches, investors)
    fwd = e.batch_top_investors(k=5)
    for pid in e.pitch_ids_[:20]:
        single = e.top_investors(pid, k=5)
        assert [(r.investor_id, r.shared_terms, r.reasons) for r in fwd[pid]] == [
            (r.investor_id, r.shared_terms, r.reasons) for r in single]
        for a, b in zip(fwd[pid], single, strict=True):
            assert abs(a.score - b.score) < 1e-5
            pair = e.score_pair(pid, a.investor_id)
            assert pair.shared_terms == a.shared_terms
            assert pair.components.keys() == a.components.keys()
    pairs = [(r.pitch_id, r.investor_id) for rs in list(fwd.values())[:10] for r in rs]
    assert [(r.pitch_id, r.investor_id) for r in e.explain_pairs(pairs)] == pairs
    both = e.batch_results(k=5)
    keys = [(r.pitch_id, r.investor_id) for r in both]
    assert len(keys) == len(set(keys))
    rev = e.batch_top_pitches(k=5)
    assert set(keys) == {(r.pitch_id, r.investor_id) for rs in fwd.values() for r in rs} | {
        (r.pitch_id, r.investor_id) for rs in rev.values() for r in rs}


def test_batch_upsert_is_the_same_as_one_by_one():
    from dataclasses import replace

    pitches, investors = generate(60, 20, seed=5)
    new_p, new_q = generate(6, 4, seed=6)
    new_p = [replace(p, id=f"new-{i}") for i, p in enumerate(new_p)]
    new_p += [replace(new_p[0], text="solenergi batterier"), replace(pitches[3], text="havbruk")]
    new_q = [replace(q, id=f"inv-{i}") for i, q in enumerate(new_q)] + [
        replace(investors[2], text="fish farming")]
    one = MatchEngine().fit(pitches, investors)
    many = MatchEngine().fit(pitches, investors)
    for p in new_p:
        one.upsert_pitch(p)
    for q in new_q:
        one.upsert_investor(q)
    many.upsert_pitches(new_p).upsert_investors(new_q)
    assert one.pitch_index_ == many.pitch_index_
    assert one.investor_index_ == many.investor_index_
    assert (one.pitch_alive_ == many.pitch_alive_).all()
    assert (one.pitch_text_ != many.pitch_text_).nnz == 0
    assert np.array_equal(one.investor_dense_, many.investor_dense_)
    for pid in ("new-0", pitches[3].id, pitches[5].id):
        assert [(r.investor_id, r.score) for r in one.top_investors(pid, k=5)] == [
            (r.investor_id, r.score) for r in many.top_investors(pid, k=5)]
    assert [(r.investor_id, r.score) for r in many.top_investors("new-0", k=5)] == [
        (r.investor_id, r.score) for r in many.top_investors(replace(new_p[-2], id="new-0"), k=5)]
