"""Stored scores of a rebuild are the engine's results; catching up applies changes in batches."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from app.extensions import db
from app.models import MatchScore, Pitch
from app.models.user import utcnow
from app.services import engine_index, exclusions, loaded_engine, score_store
from tests.app.matching_data import tiny_market


@pytest.fixture
def market(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    return tiny_market()


def test_stored_rows_are_the_engine_results(market):
    result = engine_index.rebuild()
    engine = loaded_engine.get_engine()
    results = engine.batch_results(engine_index.TOP_K, exclusions.excluded_pairs())
    want = {(int(r.pitch_id), int(r.investor_id)):
            score_store.row_of(r, result["version"], utcnow()) for r in results}
    rows = db.session.scalars(select(MatchScore)).all()
    assert len(rows) == len(want) == result["scores"]
    # stored as SQLAlchemy stores a datetime (the same text format as every other row)
    computed = db.session.execute(text("SELECT computed_at FROM match_score")).scalars().all()
    created = db.session.execute(text("SELECT created_at FROM pitch")).scalars().all()
    if db.engine.dialect.name == "sqlite":
        assert {len(x) for x in computed} == {len(x) for x in created}
    for row in rows:
        w = want[(row.pitch_id, row.investor_profile_id)]
        assert row.score == pytest.approx(w["score"], abs=1e-6)
        assert row.components.keys() == w["components"].keys()
        for name, value in w["components"].items():
            assert row.components[name] == pytest.approx(value, abs=1.01e-4)
        assert row.shared_terms == w["shared_terms"]
        assert row.reasons == w["reasons"]
        assert row.engine_version == result["version"]
        assert abs(row.computed_at.replace(tzinfo=None)
                   - utcnow().replace(tzinfo=None)) < timedelta(minutes=5)


def test_catch_up_applies_changes_made_elsewhere(market):
    engine_index.rebuild()
    engine = loaded_engine.get_engine()
    before = engine.pitch_index_[str(market["fish"].id)]
    later = utcnow() + timedelta(seconds=10)
    # changes written by "another process": straight to the table, no save signals
    db.session.execute(Pitch.__table__.update().where(Pitch.id == market["health"].id)
                       .values(hidden=True, version=Pitch.version + 1, updated_at=later))
    db.session.execute(Pitch.__table__.update().where(Pitch.id == market["fish"].id)
                       .values(description="Solenergi og batterilagring på merdene.",
                               version=Pitch.version + 1, updated_at=later))
    db.session.commit()
    db.session.expire_all()
    engine = loaded_engine.get_engine(force=True)
    assert str(market["health"].id) not in engine.pitch_index_
    assert engine.pitch_index_[str(market["fish"].id)] > before
    assert str(market["solar"].id) in engine.pitch_index_
