"""After an account or a pitch is deleted, the hourly `flask prune` takes its texts out of the
matching engine's saved index versions: it rebuilds the index when the newest version was
built before the deletion, then deletes every version built before it. They kept the TF-IDF
rows and the words of the deleted texts (the vocabulary's forms, the pitch's own spellings)
until three more rebuilds, which nothing started (engine_index.KEEP_INDEXES). Without a
deletion, prune neither rebuilds nor deletes a version."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import numpy as np
import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import EngineIndex, EngineSettings
from app.services import engine_index, erasure, loaded_engine, pitches, rebuild_jobs

WORD = "lakselus"  # only the fish pitch's description has it (tests/app/matching_data.py)


def _saved() -> dict[int, bytes]:
    db.session.expire_all()
    return {v: b for v, b in db.session.execute(select(EngineIndex.version, EngineIndex.blob))}


def _words(blob: bytes) -> str:
    """Every string the saved arrays hold: the header (vocabulary, forms, ids)."""
    with np.load(io.BytesIO(blob), allow_pickle=False) as data:
        return json.dumps(json.loads(bytes(data["meta_json"]).decode("utf-8")),
                          ensure_ascii=False)


def _pitch_rows(blob: bytes) -> list[str]:
    from matching import MatchEngine

    engine = MatchEngine.load_bytes(blob)
    assert engine.pitch_text_.shape[0] == len(engine.pitch_ids_)
    return engine.pitch_ids_


def _prune(app) -> str:
    result = app.test_cli_runner().invoke(args=["prune"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def three_versions(market):
    engine_index.rebuild()
    engine_index.rebuild()
    saved = _saved()
    assert len(saved) == engine_index.KEEP_INDEXES
    fish = str(market["fish"].id)
    for blob in saved.values():  # what the deletion must take out
        assert WORD in _words(blob)
        assert fish in _pitch_rows(blob)
    return saved


def _assert_erased(before: dict[int, bytes], fish: str) -> None:
    after = _saved()
    assert after, "the index itself stays"
    assert not set(after) & set(before), "every version built before the deletion goes"
    for blob in after.values():
        assert WORD not in _words(blob)
        assert fish not in _pitch_rows(blob)
    assert db.session.get(EngineSettings, 1).texts_deleted_at is None


def test_prune_after_a_deleted_account_leaves_no_saved_index_with_its_texts(
        app, market, three_versions):
    fish = str(market["fish"].id)
    erasure.anonymise(market["fish"].owner)

    output = _prune(app)

    assert "Index rebuilt as version" in output
    assert f"Saved index versions built before the deletion deleted: {engine_index.KEEP_INDEXES}" \
        in output
    _assert_erased(three_versions, fish)
    # this process serves the new version; another reloads it at its next use
    assert loaded_engine.loaded_version() == max(_saved())


def test_prune_after_a_deleted_pitch_leaves_no_saved_index_with_its_texts(
        app, market, three_versions):
    fish = str(market["fish"].id)
    pitches.delete(market["fish"])

    _prune(app)

    _assert_erased(three_versions, fish)


def test_an_index_built_after_the_deletion_is_kept_and_the_older_ones_go(
        app, market, three_versions, monkeypatch):
    fish = str(market["fish"].id)
    for index in db.session.scalars(select(EngineIndex)):  # built long before
        index.created_at -= timedelta(hours=1)
    pitches.delete(market["fish"])
    db.session.get(EngineSettings, 1).texts_deleted_at -= timedelta(minutes=30)
    db.session.commit()
    newer = engine_index.rebuild()["version"]  # e.g. from the admin page
    monkeypatch.setattr(rebuild_jobs, "rebuild", _no_rebuild)

    _prune(app)

    assert set(_saved()) == {newer}
    _assert_erased(three_versions, fish)


def _no_rebuild(*_args, **_kwargs):
    raise AssertionError("prune rebuilt the index")


def test_without_a_deletion_prune_neither_rebuilds_nor_deletes_a_version(
        app, market, three_versions, monkeypatch):
    market["fish"].description = "Havbruk og rensing av vann."  # an edit is no deletion
    db.session.commit()
    monkeypatch.setattr(rebuild_jobs, "rebuild", _no_rebuild)

    output = _prune(app)

    assert "Texts were deleted" not in output
    assert set(_saved()) == set(three_versions)
    # and once the deletion's versions are gone, the next run does nothing either
    monkeypatch.undo()
    pitches.delete(market["fish"])
    _prune(app)
    kept = set(_saved())
    monkeypatch.setattr(rebuild_jobs, "rebuild", _no_rebuild)
    assert "Texts were deleted" not in _prune(app)
    assert set(_saved()) == kept
