"""Dataset folders that bend the README's format: read sensibly or refused with file and line,
never a traceback."""

from __future__ import annotations

import json

import pytest

from matching.dataset import investor_record, load_dataset, make_task
from matching.evaluate import main


def _pitch(pid, date, **more):
    return {"id": pid, "name": pid, "text": f"solar {pid}", "sectors": ["energy"],
            "stage": "seed", "location": "Oslo", "amount": None, "currency": None,
            "date": date, **more}


def _folder(folder, pitches=None, investments=None, cutoff="2020-01-01"):
    pitches = pitches or [_pitch(k, d) for k, d in (("a", "2019-01-01"), ("b", "2019-02-01"),
                                                    ("c", "2019-03-01"), ("new", "2021-01-01"))]
    investments = investments or [{"investor_id": "q", "pitch_id": p["id"], "date": p["date"],
                                   "stage": None} for p in pitches]
    for name, rows in (("pitches", pitches), ("investments", investments),
                       ("investors", [{"id": "q", "name": "q"}])):
        (folder / f"{name}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (folder / "split.json").write_text(json.dumps({"cutoff": cutoff, "description": "t"}))
    return folder


def _refused(folder, capsys, *args) -> str:
    with pytest.raises(SystemExit) as exc:
        main([str(folder), "--json", "--no-learn", *args])
    err = capsys.readouterr()
    assert exc.value.code == 2 and err.out == "" and "Traceback" not in err.err
    return err.err


def test_a_byte_order_mark_at_the_start_of_every_file_is_read(tmp_path):
    _folder(tmp_path)
    for f in tmp_path.iterdir():
        f.write_bytes(b"\xef\xbb\xbf" + f.read_bytes())
    ds = load_dataset(tmp_path)
    assert set(ds.pitches) == {"a", "b", "c", "new"} and ds.cutoff == "2020-01-01"


@pytest.mark.parametrize("field, value, message", [
    ("amount", "1000", "pitches.jsonl line 2: amount must be a finite number or null"),
    ("amount", float("nan"), "pitches.jsonl line 2: amount must be a finite number or null"),
    ("date", 20190201, "pitches.jsonl line 2: date must be a YYYY-MM-DD date or null"),
    ("date", "2019-13-45", "pitches.jsonl line 2: date must be a YYYY-MM-DD date or null"),
    ("date", "2019-2-1", "pitches.jsonl line 2: date must be a YYYY-MM-DD date or null"),
    ("sectors", "energy", "pitches.jsonl line 2: sectors must be a list of strings or null"),
    ("id", 7, "pitches.jsonl line 2: id must be a string, not 7"),
])
def test_a_field_of_the_wrong_type_is_refused_with_file_line_and_field(tmp_path, capsys,
                                                                       field, value, message):
    pitches = [_pitch("a", "2019-01-01"), _pitch("b", "2019-02-01"), _pitch("c", "2019-03-01")]
    pitches[1][field] = value
    _folder(tmp_path, pitches)
    assert message in _refused(tmp_path, capsys)


def test_a_cutoff_that_is_not_a_date_is_refused(tmp_path, capsys):
    _folder(tmp_path, cutoff=None)
    assert "split.json line 1: cutoff must be a YYYY-MM-DD date" in _refused(tmp_path, capsys)


def test_text_that_is_not_utf8_is_refused_with_its_line(tmp_path, capsys):
    _folder(tmp_path)
    f = tmp_path / "pitches.jsonl"
    f.write_bytes(f.read_bytes().replace(b'"name": "c"', '"name": "\u00e6"'.encode("latin-1")))
    assert "pitches.jsonl line 3: not UTF-8 text" in _refused(tmp_path, capsys)


def test_a_repeated_investor_pitch_pair_counts_once_at_its_earliest_date(tmp_path):
    pitches = [_pitch("a", "2019-01-01"), _pitch("b", "2019-02-01"),
               _pitch("new", "2021-01-01"), _pitch("late", "2019-06-01")]
    inv = [{"investor_id": "q", "pitch_id": p, "date": d, "stage": None}
           for p, d in (("a", "2019-01-01"), ("b", "2019-02-01"), ("b", "2019-02-01"),
                        ("new", "2021-01-01"), ("late", "2021-05-01"),
                        ("late", "2019-06-01"))]
    ds = load_dataset(_folder(tmp_path, pitches, inv))
    assert sorted((i["pitch_id"], i["date"]) for i in ds.investments) == [
        ("a", "2019-01-01"), ("b", "2019-02-01"), ("late", "2019-06-01"),
        ("new", "2021-01-01")]
    # three TRAIN pairs (a, b, late), not four lines: "q" is evaluated on "new" alone
    task = make_task(ds, None, ds.cutoff)
    assert [c.id for c in task.candidates] == ["new"]
    assert task.investors[0].activity == 3.0


def test_an_amount_in_another_currency_or_beyond_64_bits_is_read(tmp_path, capsys):
    pitches = [_pitch("a", "2019-01-01", amount=10**25, currency="USD"),
               _pitch("b", "2019-02-01", amount=5_000_000, currency="NOK"),
               _pitch("c", "2019-03-01", amount=0, currency="USD"),
               _pitch("new", "2021-01-01", amount=-5, currency="USD")]
    ds = load_dataset(_folder(tmp_path, pitches))
    q = investor_record("q", [i for i in ds.investments if i["pitch_id"] != "new"],
                        ds.pitches)
    assert q.ticket_min == q.ticket_max == pytest.approx(1e25)  # NOK and 0 left out
    assert main([str(tmp_path), "--json", "--no-learn"]) == 0
    assert json.loads(capsys.readouterr().out)["investors_evaluated"] == 1


def test_an_earlier_split_with_nothing_before_the_cutoff_is_refused(tmp_path, capsys):
    _folder(tmp_path, cutoff="2000-01-01")
    assert "no investment before the cutoff 2000-01-01" in _refused(tmp_path, capsys,
                                                                   "--earlier", "0.5")
