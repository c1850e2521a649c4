"""Recency-weighted activity and the inner-split choices of the evaluation."""

from __future__ import annotations

import json
from datetime import date

import pytest

from matching import InvestorRecord, MatchEngine, PitchRecord
from matching.activity import activity_score, decayed_count
from matching.evaluate import (
    HALF_LIVES,
    choose_half_life,
    evaluate,
    inner_tasks,
    learn_weights,
    load_dataset,
    simulate_earlier_cutoff,
)


def test_decayed_count_halves_every_half_life():
    as_of = date(2020, 1, 1)
    assert decayed_count(["2020-01-01"], as_of, 365) == pytest.approx(1.0)
    assert decayed_count(["2019-01-01"], as_of, 365) == pytest.approx(0.5, rel=1e-2)
    assert decayed_count(["2021-01-01"], as_of, 365) == 0.0  # not known yet at as_of
    assert decayed_count(["2019-01-01", "2019-01-01"], None, 365) == 2.0


def test_dated_activity_saturates_in_unit_interval():
    as_of = date(2020, 1, 1)
    many = ["2019-12-01"] * 50
    assert activity_score(50, None, as_of, 3.0, 365, 0.3, many) == 1.0
    assert 0 < activity_score(1, None, as_of, 50.0, 365, 0.3, ["2019-12-01"]) < 0.5


def test_recently_active_investor_outranks_equally_similar_stale_one():
    pitch = PitchRecord("p", "solar panels for farms", sectors=("energy",))
    text = "solar energy for farms"
    recent = InvestorRecord("recent", text, sectors=("energy",), activity=5,
                            activity_dates=("2023-06-01",) * 5)
    stale = InvestorRecord("stale", text, sectors=("energy",), activity=5,
                           activity_dates=("2016-06-01",) * 5)
    eng = MatchEngine(as_of="2024-01-01", half_life_days=365).fit([pitch], [stale, recent])
    top = eng.top_investors("p", k=2)
    assert [r.investor_id for r in top] == ["recent", "stale"]
    assert top[0].components["activity"] > top[1].components["activity"]
    assert all(0.0 <= r.score <= 1.0 for r in top)


def _dataset(folder):
    """Two eras: 'old-*' fund a lot early and little later, 'new-*' the reverse."""
    pitches, inv = [], []
    for k in range(60):
        year = 2010 + k // 10
        pid = f"p{k}"
        pitches.append({"id": pid, "name": pid, "text": "software for shops", "sectors": ["it"],
                        "stage": "seed", "location": "Oslo", "amount": None,
                        "currency": None, "date": f"{year}-03-01"})
        who = ["old-a", "old-b"] if year <= 2011 or k % 10 == 0 else []
        who += ["new-a", "new-b"] if year >= 2012 or k % 10 == 1 else []
        inv += [{"investor_id": q, "pitch_id": pid, "date": f"{year}-03-01", "stage": "seed"}
                for q in who]
    (folder / "pitches.jsonl").write_text("\n".join(json.dumps(p) for p in pitches))
    (folder / "investors.jsonl").write_text("\n".join(
        json.dumps({"id": q, "name": q}) for q in ("old-a", "old-b", "new-a", "new-b")))
    (folder / "investments.jsonl").write_text("\n".join(json.dumps(i) for i in inv))
    (folder / "split.json").write_text(json.dumps({"cutoff": "2015-01-01", "description": ""}))
    return folder


def test_half_life_choice_prefers_recency_when_activity_shifts(tmp_path):
    ds = load_dataset(_dataset(tmp_path))
    tasks = inner_tasks(ds)
    assert tasks and all(c < ds.cutoff for c, _ in tasks)  # TEST never enters learning
    h, means = choose_half_life(tasks, seed=0)
    assert h in HALF_LIVES and h < max(HALF_LIVES)
    assert set(means) == {str(int(x)) for x in HALF_LIVES}


def test_learning_falls_back_without_inner_data(tmp_path):
    ds = load_dataset(_dataset(tmp_path))
    ds.investments = ds.investments[:10]
    weights, info = learn_weights(ds, seed=0)
    assert weights.as_dict() == MatchEngine().weights.as_dict()
    assert "defaults kept" in info["inner"]


def test_report_shape_and_earlier_cutoff(tmp_path):
    folder = _dataset(tmp_path)
    report = evaluate(folder, seed=0)
    assert set(report["pitch_ranking"]) == {"recall@10", "recall@50", "ndcg@10", "mrr"}
    assert set(report["investor_ranking"]) == {"recall@10", "ndcg@10"}
    assert set(report["baselines"]) == {"random", "popularity"}
    ds = simulate_earlier_cutoff(load_dataset(folder), 0.75)
    assert ds.cutoff < "2015-01-01"
    assert all(i["date"] < "2015-01-01" for i in ds.investments)
    assert evaluate(folder, seed=0, earlier=0.75)["dataset"].startswith(folder.name + "@")
