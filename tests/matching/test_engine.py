"""Behaviour of MatchEngine on tiny data with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from matching import EngineWeights, MatchEngine, NotFittedError, PitchRecord
from tests.matching.conftest import make_investor, make_pitch


def test_solar_seed_investor_ranks_solar_seed_pitch_first(engine):
    top = engine.top_pitches("sun-angel", k=5)
    assert top[0].pitch_id == "solar-seed"


def test_solar_seed_pitch_ranks_solar_seed_investor_first(engine):
    assert engine.top_investors("solar-seed", k=3)[0].investor_id == "sun-angel"


def test_stage_hard_filter_excludes(engine):
    ids = {r.pitch_id for r in engine.top_pitches("growth-fund", k=10)}
    assert ids == {"solar-late"}  # the only series b pitch
    assert engine.score_pair("fashion", "growth-fund").reasons == ["filtered"]


def test_green_required_and_inactive_filters(engine):
    ids = {r.pitch_id for r in engine.top_pitches("ocean-vc", k=10)}
    assert ids <= {"solar-seed", "fish"}
    for pid in ("solar-seed", "fashion"):
        assert "sleepy" not in {r.investor_id for r in engine.top_investors(pid, k=10)}


def test_not_for_me_exclude(engine):
    top = engine.top_investors("solar-seed", k=5, exclude={"sun-angel"})
    assert "sun-angel" not in {r.investor_id for r in top}
    batch = engine.batch_top_investors(k=5, exclude_pairs={("solar-seed", "sun-angel")})
    assert "sun-angel" not in {r.investor_id for r in batch["solar-seed"]}


def test_explanation_names_shared_terms(engine):
    res = engine.score_pair("solar-seed", "sun-angel")
    assert {"solenergi", "batterilagring"} & set(res.shared_terms)
    assert len(res.shared_terms) <= 5
    assert "stage_fit" in res.reasons and "ticket_in_range" in res.reasons


def test_inflected_norwegian_forms_meet():
    p = [make_pitch("a", "Batteriene våre er bedre enn de fleste."), make_pitch("b", "Kaffe.")]
    q = [make_investor("x", "Vi liker batteri og batteriet."), make_investor("y", "Te og mat.")]
    e = MatchEngine().fit(p, q)
    res = e.score_pair("a", "x")
    assert res.components["text"] > e.score_pair("a", "y").components["text"] + 0.2
    assert res.shared_terms and res.shared_terms[0].startswith("batteri")


def test_norwegian_pitch_meets_english_thesis():
    p = [make_pitch("no", "Vi leverer solenergi til gårder og landbruk."),
         make_pitch("other", "Vi lager regnskapsprogram for frisører.")]
    q = [make_investor("en", "We back solar energy for agriculture and farms."),
         make_investor("en2", "We back consumer apps for dating.")]
    e = MatchEngine().fit(p, q)
    assert e.top_investors("no", k=2)[0].investor_id == "en"
    assert "solenergi" in e.score_pair("no", "en").shared_terms


def test_new_pitch_without_refit_matches_refit_ordering(pitches, investors):
    new = make_pitch("new", "Solceller og batterier for bønder, såkorn.", sectors=("energy",),
                     stage="seed", location="Asker", amount=1e6)
    e = MatchEngine().fit(pitches, investors)
    without = [r.investor_id for r in e.top_investors(new, k=5)]
    refit = MatchEngine().fit([*pitches, new], investors)
    assert without == [r.investor_id for r in refit.top_investors("new", k=5)]


def test_upsert_and_remove(engine):
    engine.upsert_pitch(make_pitch("solar-seed", "Cheese shop.", sectors=("food",)))
    assert engine.top_investors("solar-seed", k=1)[0].investor_id != "sun-angel"
    engine.remove_investor("edu-angel")
    assert "edu-angel" not in {r.investor_id for r in engine.top_investors("edtech", k=5)}
    engine.upsert_investor(make_investor("newbie", "Solar seed angel.", stages=("seed",)))
    assert "newbie" in {r.investor_id for r in engine.top_investors("fashion", k=10)}


def test_unfitted_engine_raises():
    with pytest.raises(NotFittedError, match="fit"):
        MatchEngine().top_investors(PitchRecord("x", "y"))


def test_scores_and_components_in_unit_interval(engine):
    for pid in engine.pitch_ids_:
        for r in engine.top_investors(pid, k=10):
            assert 0.0 <= r.score <= 1.0
            assert all(0.0 <= v <= 1.0 for v in r.components.values())


@pytest.mark.parametrize("retrieval", ["exact", "svd"])
def test_batch_topk_equals_single_queries(pitches, investors, retrieval):
    e = MatchEngine(retrieval=retrieval, n_components=4, block_size=2).fit(pitches, investors)
    batch = e.batch_top_investors(k=3)
    for pid in e.pitch_ids_:
        assert [r.investor_id for r in batch[pid]] == [
            r.investor_id for r in e.top_investors(pid, k=3)]
    rev = e.batch_top_pitches(k=3)
    for qid in e.investor_ids_:
        got = [r.pitch_id for r in rev[qid]]
        assert got == [r.pitch_id for r in e.top_pitches(qid, k=3)]


def test_weights_change_without_refit(engine):
    before = engine.score_pair("fashion", "sun-angel").score
    engine.set_weights(EngineWeights(text=1, sectors=0, stage=0, location=0, green=0,
                                     support=0, funding=0, ticket=0, activity=0, focus=0))
    after = engine.score_pair("fashion", "sun-angel")
    assert after.score == pytest.approx(after.components["text"], abs=1e-5)
    assert after.score != before


def test_fit_reranker_learns_nonnegative_weights(engine):
    pos = [("solar-seed", "sun-angel"), ("fish", "ocean-vc"), ("edtech", "edu-angel")] * 10
    neg = [("fashion", "sun-angel"), ("edtech", "ocean-vc"), ("fish", "edu-angel")] * 10
    engine.fit_reranker(pos, neg, min_pairs=5)
    w = engine.weights.as_dict()
    assert all(v >= 0 for v in w.values())
    assert engine.top_pitches("sun-angel", k=1)[0].pitch_id == "solar-seed"
    assert np.isclose(sum(w.values()), EngineWeights().total())
