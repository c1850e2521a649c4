"""Saving and loading the index: identical results, no pickle, versions checked."""

from __future__ import annotations

import io
import json
import pickle

import numpy as np
import pytest

from matching import IndexFormatError, MatchEngine


def _all(e):
    return {pid: e.top_investors(pid, k=5) for pid in e.pitch_ids_}


def test_round_trip_gives_identical_results(engine, tmp_path):
    path = engine.save(tmp_path / "idx")
    again = MatchEngine.load(path)
    assert _all(again) == _all(engine)
    assert MatchEngine.load_bytes(engine.save_bytes()).top_pitches("sun-angel") == \
        engine.top_pitches("sun-angel")


def test_svd_round_trip(pitches, investors, tmp_path):
    e = MatchEngine(retrieval="svd", n_components=3).fit(pitches, investors)
    assert _all(MatchEngine.load(e.save(tmp_path / "x.npz"))) == _all(e)


def test_file_loads_without_pickle(engine, tmp_path, monkeypatch):
    path = engine.save(tmp_path / "x.npz")
    with np.load(path, allow_pickle=False) as data:
        assert all(data[k].dtype != object for k in data.files)

    def boom(*a, **k):
        raise AssertionError("pickle used")

    monkeypatch.setattr(pickle, "loads", boom)
    monkeypatch.setattr(pickle, "load", boom)
    MatchEngine.load(path)


def test_wrong_format_version_refused(engine):
    with np.load(io.BytesIO(engine.save_bytes()), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    meta = json.loads(bytes(arrays["meta_json"]).decode())
    meta["format_version"] = 999
    arrays["meta_json"] = np.frombuffer(json.dumps(meta).encode(), np.uint8)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    with pytest.raises(IndexFormatError, match="version 999"):
        MatchEngine.load_bytes(buf.getvalue())


def test_garbage_refused():
    with pytest.raises(IndexFormatError):
        MatchEngine.load_bytes(b"not an index")
