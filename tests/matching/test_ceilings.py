"""The popularity ceilings of benchmarks/ceilings.py never let a list's answer score itself."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from matching.dataset import Task
from matching.records import InvestorRecord, PitchRecord

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "ceilings.py"
_spec = importlib.util.spec_from_file_location("ceilings", _PATH)
ceilings = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ceilings)


def _task() -> Task:
    investors = [InvestorRecord(id=q, text="") for q in ("a", "b", "c")]
    candidates = [PitchRecord(id=p, text="") for p in ("hot", "solo", "none")]
    # "hot" is funded by a and b, "solo" by c alone, "none" by nobody.
    return Task(investors, candidates, {"a": {"hot"}, "b": {"hot"}, "c": {"solo", "hot"}})


def test_hot_pitch_counts_only_other_investors():
    hot, _ = ceilings.oracle_scores(_task())
    # For c, "solo" counts 0 (only c funded it), "hot" counts a and b.
    assert hot[2].tolist() == [2.0, 0.0, 0.0]
    # For a, "hot" counts b and c but not a itself.
    assert hot[0].tolist() == [2.0, 1.0, 0.0]


def test_active_investor_counts_only_other_candidates():
    _, active = ceilings.oracle_scores(_task())
    # c funded two candidates: for "solo" its other one ("hot") counts, not "solo" itself.
    assert active[:, 1].tolist() == [1.0, 1.0, 1.0]
    assert active[:, 2].tolist() == [1.0, 1.0, 2.0]


def test_report_has_both_oracles_and_random():
    report = ceilings.ceilings(_task(), seeds=2)
    for key in ("oracle_hot_pitches", "oracle_active_investors"):
        assert 0.0 <= report[key]["ndcg@10"] <= 1.0
    assert report["relevant_per_investor"] == {1: 2, 2: 1}
