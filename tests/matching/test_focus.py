"""Focus: recent deal volume at the pitch's stage and place (tiny synthetic records)."""

from __future__ import annotations

import numpy as np
import pytest

from matching import InvestorRecord, MatchEngine, PitchRecord
from matching.records import IndexFormatError, PortfolioItem


def _item(date, stage, location="Oslo"):
    return PortfolioItem(date=date, stage=stage, location=location)


def _investor(qid, items):
    return InvestorRecord(qid, "software for shops", activity=len(items),
                          activity_dates=tuple(i.date for i in items), portfolio=tuple(items))


@pytest.fixture
def engine():
    pitches = [PitchRecord("seed-oslo", "software for shops", stage="seed", location="Oslo"),
               PitchRecord("late-oslo", "software for shops", stage="series b",
                           location="Oslo"),
               PitchRecord("bare", "software for shops")]
    seedy = _investor("seedy", [_item("2023-06-01", "seed")] * 4
                      + [_item("2015-06-01", "series b")] * 4)
    latey = _investor("latey", [_item("2023-06-01", "series b")] * 4
                      + [_item("2015-06-01", "seed")] * 4)
    plain = InvestorRecord("plain", "software for shops", activity=8,
                           activity_dates=("2023-06-01",) * 8)
    return MatchEngine(as_of="2024-01-01", half_life_days=365).fit(
        pitches, [seedy, latey, plain])


def test_focus_prefers_the_investor_recently_active_at_the_pitch_stage(engine):
    top = engine.top_investors("seed-oslo", k=2)
    assert top[0].investor_id in ("seedy", "plain")
    by_id = {r.investor_id: r for r in engine.top_investors("seed-oslo", k=3)}
    assert by_id["seedy"].components["focus"] > by_id["latey"].components["focus"]
    # same overall record, so the same activity; focus alone tells them apart
    assert by_id["seedy"].components["activity"] == pytest.approx(
        by_id["latey"].components["activity"])
    by_id = {r.investor_id: r for r in engine.top_investors("late-oslo", k=3)}
    assert by_id["latey"].components["focus"] > by_id["seedy"].components["focus"]


def test_focus_in_unit_interval_and_falls_back_to_activity(engine):
    for pid in ("seed-oslo", "late-oslo", "bare"):
        for r in engine.top_investors(pid, k=3):
            assert 0.0 <= r.components["focus"] <= 1.0
            assert 0.0 <= r.score <= 1.0
    plain = engine.score_pair("seed-oslo", "plain")  # no portfolio: focus = activity
    assert plain.components["focus"] == pytest.approx(plain.components["activity"], abs=1e-6)
    # a pitch without stage or place reads the investor's expected value under its own mix
    bare = {r.investor_id: r.components["focus"] for r in engine.top_investors("bare", k=3)}
    assert bare["seedy"] == pytest.approx(bare["latey"], abs=1e-6)


def test_focus_matches_one_matmul_score_and_survives_save(engine, tmp_path):
    res = engine.score_pair("seed-oslo", "seedy")
    batch = {r.investor_id: r.score for r in engine.batch_top_investors(k=3)["seed-oslo"]}
    assert batch["seedy"] == pytest.approx(res.score, abs=1e-5)
    loaded = MatchEngine.load(engine.save(tmp_path / "idx"))
    assert loaded.score_pair("seed-oslo", "seedy").components["focus"] == pytest.approx(
        res.components["focus"])


def test_index_without_focus_layout_is_refused(engine, tmp_path):
    import json

    path = engine.save(tmp_path / "idx")
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    meta = json.loads(bytes(arrays["meta_json"]).decode("utf-8"))
    del meta["builder"]["layout"]
    arrays["meta_json"] = np.frombuffer(json.dumps(meta).encode("utf-8"), np.uint8)
    with open(path, "wb") as fh:
        np.savez(fh, **arrays)
    with pytest.raises(IndexFormatError):
        MatchEngine.load(path)
