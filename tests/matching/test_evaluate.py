"""The evaluation rule on a tiny hand-made dataset folder."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from matching.dataset import Task
from matching.evaluate import evaluate, load_dataset, make_task, ranking_metrics
from matching.metrics import REVERSE_KEYS, metric_rows
from matching.records import InvestorRecord, PitchRecord


def _write(folder, pitches, investments, cutoff):
    (folder / "pitches.jsonl").write_text("\n".join(json.dumps(p) for p in pitches))
    ids = sorted({i["investor_id"] for i in investments})
    (folder / "investors.jsonl").write_text("\n".join(json.dumps({"id": q, "name": q})
                                                     for q in ids))
    (folder / "investments.jsonl").write_text("\n".join(json.dumps(i) for i in investments))
    (folder / "split.json").write_text(json.dumps({"cutoff": cutoff, "description": "t"}))


def test_ranking_metrics_hand_computed():
    m = ranking_metrics(["a", "b", "c", "d"], {"b", "d"})
    assert m["recall@10"] == 1.0
    assert m["mrr"] == 0.5
    dcg = 1 / math.log2(3) + 1 / math.log2(5)
    assert m["ndcg@10"] == pytest.approx(dcg / (1 + 1 / math.log2(3)))


@pytest.mark.parametrize("seed", range(5))
def test_metric_rows_rank_whole_lists_with_ties_in_list_order(seed):
    """Per-list metrics equal those of each full list sorted by score, ties (filtered -inf,
    equal scores, NaN last) kept in list order, in both directions."""
    rng = np.random.default_rng(seed)
    m, n = 7, 30
    scores = rng.integers(0, 4, (m, n)).astype(float)
    scores[rng.random((m, n)) < 0.2] = -np.inf
    scores[rng.random((m, n)) < 0.05] = np.nan
    qs = [InvestorRecord(f"q{r}", "") for r in range(m)]
    ps = [PitchRecord(f"p{c}", "") for c in range(n)]
    relevant = {q.id: {f"p{c}" for c in rng.choice(n, int(rng.integers(1, 6)), replace=False)}
                for q in qs}
    fwd, rev = metric_rows(Task(qs, ps, relevant), scores)
    assert fwd == [ranking_metrics([ps[c].id for c in np.argsort(-scores[r], kind="stable")],
                                   relevant[q.id]) for r, q in enumerate(qs)]
    funders = [{q.id for q in qs if p.id in relevant[q.id]} for p in ps]
    assert rev == [ranking_metrics([qs[r].id for r in np.argsort(-scores[:, c], kind="stable")],
                                   funders[c], REVERSE_KEYS) for c in range(n) if funders[c]]


def test_split_candidates_and_evaluated_investors(tmp_path):
    texts = {"s1": "solar", "s2": "solar panels", "s3": "solar farm", "f1": "fashion",
             "new-solar": "solar roofs", "new-fashion": "fashion shop", "idle": "nothing"}
    pitches = [{"id": k, "name": k, "text": v, "sectors": [], "stage": None, "location": None,
                "amount": None, "currency": None,
                "date": "2021-01-01" if k.startswith("new") else "2019-01-01"}
               for k, v in texts.items()]
    inv = [{"investor_id": "sun", "pitch_id": p, "date": "2019-01-01", "stage": None}
           for p in ("s1", "s2", "s3")]
    inv += [{"investor_id": "sun", "pitch_id": "new-solar", "date": "2021-01-01", "stage": None},
            {"investor_id": "one", "pitch_id": "f1", "date": "2019-01-01", "stage": None},
            {"investor_id": "one", "pitch_id": "new-fashion", "date": "2021-01-01",
             "stage": None}]
    _write(tmp_path, pitches, inv, "2020-01-01")
    task = make_task(load_dataset(tmp_path), None, "2020-01-01")
    assert [c.id for c in task.candidates] == ["new-fashion", "new-solar"]
    assert [q.id for q in task.investors] == ["sun"]  # "one" has < 3 train investments
    report = evaluate(tmp_path, learn=False)
    # "sun" ranks the solar candidate first: recall@10 = 1, NDCG@10 = 1, MRR = 1
    assert report["pitch_ranking"] == {"recall@10": 1.0, "recall@50": 1.0, "ndcg@10": 1.0,
                                       "mrr": 1.0}
    assert report["investor_ranking"] == {"recall@10": 1.0, "ndcg@10": 1.0}
    assert report["investors_evaluated"] == 1


def _tiny(folder, cutoff="2020-01-01"):
    pitches = [{"id": k, "name": k, "text": k, "date": d}
               for k, d in (("a", "2019-01-01"), ("b", "2019-02-01"), ("c", "2019-03-01"),
                            ("new", "2021-01-01"))]
    inv = [{"investor_id": "q", "pitch_id": p["id"], "date": p["date"], "stage": None}
           for p in pitches]
    _write(folder, pitches, inv, cutoff)


@pytest.mark.parametrize("breakage, message", [
    (lambda f: (f / "split.json").unlink(), "split.json: cannot read"),
    (lambda f: (f / "investments.jsonl").write_text('{"investor_id": "q"'),
     "investments.jsonl line 1: not JSON"),
    (lambda f: (f / "pitches.jsonl").write_text('{"name": "no id"}\n'),
     "pitches.jsonl line 1: missing id"),
])
def test_a_malformed_folder_is_refused_with_the_file_and_line(tmp_path, capsys, breakage,
                                                             message):
    from matching.evaluate import main

    _tiny(tmp_path)
    breakage(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main([str(tmp_path), "--json"])
    assert exc.value.code == 2
    err = capsys.readouterr()
    assert message in err.err and err.out == ""


def test_a_split_with_nobody_to_evaluate_reports_zeros_and_says_why(tmp_path, capsys):
    from matching.evaluate import main

    _tiny(tmp_path, cutoff="2000-01-01")  # everything is TEST: no investor has a history
    assert main([str(tmp_path), "--json", "--no-learn"]) == 0
    out = capsys.readouterr()
    report = json.loads(out.out)
    assert report["investors_evaluated"] == 0 and report["candidates"] == 4
    assert report["pitch_ranking"]["ndcg@10"] == 0.0
    assert "no investor has >= 3 TRAIN investments" in out.err


def test_a_line_separator_inside_a_text_does_not_split_the_record(tmp_path):
    _tiny(tmp_path)
    rows = [json.loads(x) for x in (tmp_path / "pitches.jsonl").read_text().splitlines()]
    rows[0]["text"] = "solar\u2028panels"  # JSON allows U+2028 unescaped inside a string
    (tmp_path / "pitches.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert load_dataset(tmp_path).pitches["a"]["text"] == "solar\u2028panels"
