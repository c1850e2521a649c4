"""The evaluation's learning protocol and its reporting of spread."""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import pairwise

import numpy as np
import pytest

from matching import InvestorRecord, MatchEngine, PitchRecord
from matching.evaluate import evaluate, load_dataset
from matching.learning import (
    GUARD_MARGIN,
    inner_tasks,
    investor_differences,
    learn_activity,
    learn_reverse,
    learn_weights,
    validation_folds,
)
from matching.metrics import bootstrap_interval
from matching.records import EngineWeights

from .test_activity import _dataset

WORDS = ("solar", "battery", "fish", "farm", "shop", "software", "hydrogen", "boat", "school")


def _records(seed: int, n_p: int = 40, n_q: int = 12):
    rng = np.random.default_rng(seed)
    pitches = [PitchRecord(f"p{i}", " ".join(rng.choice(WORDS, 4)), sectors=(str(rng.choice(
        ("energy", "ocean", "food"))),), stage=str(rng.choice(("seed", "series a"))),
        location=str(rng.choice(("Oslo", "Asker", "Bærum")))) for i in range(n_p)]
    investors = [InvestorRecord(f"q{i}", " ".join(rng.choice(WORDS, 8)), sectors=("energy",),
                                stages=("seed",), locations=("Oslo",),
                                activity=float(rng.integers(0, 30)),
                                last_active="2024-01-01") for i in range(n_q)]
    return pitches, investors


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_activity_weight_never_reorders_an_investors_pitches(seed):
    """Why the activity step cannot cost the pitch ranking: it is the same for every pitch.
    (Only pitches within the seeded tie-break's reach, 1e-5 apart, may swap.)"""
    pitches, investors = _records(seed)
    eng = MatchEngine(as_of="2024-06-01").fit(pitches, investors)

    def ranked(weights):
        eng.set_weights(weights)
        return {q.id: [(r.pitch_id, r.score) for r in eng.top_pitches(q.id, k=len(pitches))]
                for q in investors}

    before, after = ranked(EngineWeights()), ranked(replace(EngineWeights(), activity=5.0))
    for q in investors:
        old = dict(before[q.id])
        order = [p for p, _ in after[q.id]]
        for a, b in pairwise(order):
            assert old[a] >= old[b] - 1e-4, (q.id, a, b)
    # ... while it does reorder investors for a pitch, the direction it is learned for
    rev = {}
    for w in (EngineWeights(), replace(EngineWeights(), activity=5.0)):
        eng.set_weights(w)
        rev[w.activity] = [[r.investor_id for r in eng.top_investors(p.id, k=len(investors))]
                           for p in pitches]
    assert rev[1.0] != rev[5.0]


def test_learned_weights_come_in_two_guarded_steps(tmp_path):
    ds = load_dataset(_dataset(tmp_path))
    weights, info = learn_weights(ds, seed=0)
    assert set(info) >= {"pitch_ranking", "investor_ranking", "reverse_pairs", "folds"}
    assert all(c < ds.cutoff for c in info["folds"])  # TEST never enters learning
    for step in ("pitch_ranking", "investor_ranking", "reverse_pairs"):
        assert info[step]["choice"] in ("default", "learned")
    if "default" == info["investor_ranking"]["choice"] == info["reverse_pairs"]["choice"]:
        assert weights.activity == EngineWeights().activity


def _specialists(folder):
    """Two sectors; 'e-*' investors fund only energy pitches, 'f-*' only food ones. Texts
    say nothing about the sector, so only the sectors component tells the funders apart."""
    rng = np.random.default_rng(0)
    pitches, inv = [], []
    for k in range(120):
        year, sector = 2010 + k // 20, ("energy", "food")[k % 2]
        pid = f"p{k}"
        pitches.append({"id": pid, "name": pid, "text": " ".join(rng.choice(WORDS, 4)),
                        "sectors": [sector], "stage": "seed", "location": "Oslo",
                        "amount": None, "currency": None, "date": f"{year}-03-01"})
        for q in rng.choice(3, 2, replace=False):
            inv.append({"investor_id": f"{sector[0]}-{q}", "pitch_id": pid,
                        "date": f"{year}-03-01", "stage": "seed"})
    (folder / "pitches.jsonl").write_text("\n".join(json.dumps(p) for p in pitches))
    ids = sorted({i["investor_id"] for i in inv})
    (folder / "investors.jsonl").write_text("\n".join(json.dumps({"id": q, "name": q})
                                                     for q in ids))
    (folder / "investments.jsonl").write_text("\n".join(json.dumps(i) for i in inv))
    (folder / "split.json").write_text(json.dumps({"cutoff": "2015-01-01", "description": ""}))
    return folder


def test_investor_differences_are_same_pitch_pairs_favouring_the_funders(tmp_path):
    ds = load_dataset(_specialists(tmp_path))
    tasks = inner_tasks(ds)
    diff, n_pos = investor_differences(tasks, seed=0, negatives=10, half_life=365.0)
    funded = sum(len(ps) for _, t in tasks for ps in t.relevant.values())
    assert n_pos == funded and len(diff) > 0
    sectors = list(EngineWeights().as_dict()).index("sectors")
    assert diff[:, sectors].mean() > 0.3  # the funders share the pitch's sector


def test_reverse_step_learns_what_tells_the_funders_apart(tmp_path):
    """Start from weights that drown the sectors in uninformative text: the same-pitch pairs
    raise the sectors weight, and the change is kept because it validates."""
    ds = load_dataset(_specialists(tmp_path))
    tasks = inner_tasks(ds)
    folds = validation_folds(ds, tasks)
    start = replace(EngineWeights(), sectors=0.1, text=6.0)
    weights, info = learn_reverse(tasks, folds, start, seed=0, negatives=10, half_life=365.0)
    assert info["choice"] == "learned"
    gains = info["validation_gain"][str(info["lam"])]
    assert np.mean(gains) >= GUARD_MARGIN and min(gains) >= -GUARD_MARGIN
    assert np.mean(info["pitch_ranking_gain"]) >= -GUARD_MARGIN
    assert weights.sectors / weights.text > start.sectors / start.text
    assert weights.total() == pytest.approx(start.total())


def test_reverse_step_keeps_the_weights_when_nothing_validates(tmp_path):
    ds = load_dataset(_specialists(tmp_path))  # the defaults already rank the funders first
    tasks = inner_tasks(ds)
    start = replace(EngineWeights(), activity=2.0)
    weights, info = learn_reverse(tasks, validation_folds(ds, tasks), start, seed=0,
                                  negatives=10, half_life=365.0)
    assert info["choice"] == "default" and weights == start


def test_activity_step_keeps_weights_when_no_factor_validates(tmp_path):
    ds = load_dataset(_dataset(tmp_path))
    folds = validation_folds(ds, inner_tasks(ds))
    w = replace(EngineWeights(), activity=0.0)
    assert learn_activity(folds, w, seed=0, half_life=365.0)[0] == w


def test_bootstrap_interval_brackets_the_mean_and_pairs_cancel():
    rows = [{"ndcg@10": x} for x in (0.0, 0.2, 0.4, 1.0, 0.5, 0.1)]
    lo, hi = bootstrap_interval(rows, "ndcg@10")
    assert lo < np.mean([r["ndcg@10"] for r in rows]) < hi
    assert bootstrap_interval(rows, "ndcg@10", base=rows) == [0.0, 0.0]
    better = [{"ndcg@10": r["ndcg@10"] + 0.1} for r in rows]
    assert bootstrap_interval(better, "ndcg@10", base=rows) == pytest.approx([0.1, 0.1])


def test_report_carries_intervals_for_both_directions(tmp_path):
    report = evaluate(_dataset(tmp_path), seed=0)
    for side in ("pitch_ranking", "investor_ranking"):
        for key in ("ndcg@10", "recall@10"):
            cell = report["intervals"][side][key]
            lo, hi = cell["engine"]
            assert lo <= report[side][key] <= hi
            assert cell["minus_popularity"][0] <= cell["minus_popularity"][1]
