"""The engine's lifecycle in the app: rebuild, stored scores, refresh on save, reload elsewhere."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import func, select

from app import create_app
from app.extensions import db
from app.models import EngineIndex, MatchScore
from app.services import engine_index, loaded_engine, pitches, recommendations
from tests.app.matching_data import tiny_market
from tests.factories import make_pitch


@pytest.fixture
def market(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    return tiny_market()


def _ranked_pitches(profile) -> list[int]:
    return [m.pitch_id for m in recommendations.recommended_pitches(profile, {}, 1).items]


def test_solar_seed_investor_sees_solar_seed_pitch_first(market):
    engine_index.rebuild()
    assert _ranked_pitches(market["solar_investor"])[0] == market["solar"].id
    assert _ranked_pitches(market["sea_investor"])[0] == market["fish"].id
    assert _ranked_pitches(market["health_investor"])[0] == market["health"].id
    best = recommendations.recommended_investors(market["solar"], 3)
    assert best[0].investor_profile_id == market["solar_investor"].id


def test_scores_are_stored_with_the_index_version(market):
    result = engine_index.rebuild()
    assert result["pitches"] == 3 and result["investors"] == 3
    rows = db.session.scalars(select(MatchScore)).all()
    assert rows and {r.engine_version for r in rows} == {result["version"]}
    solar = recommendations.score_for(market["solar"].id, market["solar_investor"].id)
    assert 0 < solar.score <= 1
    assert set(solar.components) >= {"text", "sectors", "stage", "ticket"}
    assert solar.shared_terms and solar.reasons
    assert engine_index.rebuild()["version"] == result["version"] + 1


def test_draft_hidden_and_inactive_are_not_matched(market):
    make_pitch(title="Solar draft", status="draft")
    make_pitch(title="Solar hidden", hidden=True)
    market["health_investor"].active = False
    db.session.commit()
    result = engine_index.rebuild()
    assert result["pitches"] == 3 and result["investors"] == 2
    assert not recommendations.recommended_investors(market["health"], 5) or all(
        m.investor_profile_id != market["health_investor"].id
        for m in recommendations.recommended_investors(market["health"], 5))


def test_publishing_a_pitch_refreshes_its_scores_without_a_rebuild(market):
    version = engine_index.rebuild()["version"]
    owner = market["solar_founder"]
    draft = pitches.create_pitch(owner, {
        "title": "Solpark på låvetak", "summary": "Solenergi og batterilagring for gårder.",
        "description": "Solceller og batterier.", "sectors": ["energy"], "stage": "seed",
        "ask_nok": 2_000_000, "funding_type": "equity", "municipality": "asker",
        "green_objectives": ["climate_mitigation"], "support_needs": ["capital"],
        "team_size": None, "founded_year": None, "website": None,
    })
    assert recommendations.recommended_investors(draft, 5) == []
    pitches.publish(draft)
    found = recommendations.recommended_investors(draft, 5)
    assert found[0].investor_profile_id == market["solar_investor"].id
    assert {m.engine_version for m in found} == {version}
    assert db.session.scalar(select(func.count(EngineIndex.id))) == 1  # no rebuild happened
    # the new pitch also reaches the investor's own list
    assert draft.id in _ranked_pitches(market["solar_investor"])
    pitches.unpublish(draft)
    assert recommendations.recommended_investors(draft, 5) == []
    assert draft.id not in _ranked_pitches(market["solar_investor"])


def test_editing_a_pitch_changes_its_best_investor(market):
    engine_index.rebuild()
    pitch = market["health"]
    values = {key: getattr(pitch, key) for key in pitches.FIELDS}
    values.update(title="Havbruk og fisk", summary="Lukket oppdrett av laks i fjorden.",
                  description="Fisk, merder og havbruk.", sectors=["maritime"],
                  stage="growth", ask_nok=30_000_000, municipality="drammen",
                  green_objectives=["water_marine"])
    pitches.update_pitch(pitch, values, pitch.version)
    best = recommendations.recommended_investors(pitch, 1)[0]
    assert best.investor_profile_id == market["sea_investor"].id


def test_saving_a_profile_refreshes_its_scores(market):
    from app.services import investors

    engine_index.rebuild()
    user = market["health_investor"].user
    profile = market["health_investor"]
    values = {key: getattr(profile, key) for key in investors.FIELDS}
    values.update(thesis="Havbruk, fisk og laks i vekstfasen.", sectors=["maritime"],
                  stages=["growth"], ticket_min=10_000_000, ticket_max=80_000_000,
                  regions=["drammen"])
    investors.save_profile(user, values, profile.version)
    assert _ranked_pitches(profile)[0] == market["fish"].id


def test_rebuild_cli_prints_counts_and_if_stale_skips(app, market):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["matching", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "3 pitches, 3 investors" in result.output
    again = runner.invoke(args=["matching", "rebuild", "--if-stale"])
    assert "up to date" in again.output
    make_pitch(title="Ny solpitch")
    third = runner.invoke(args=["matching", "rebuild", "--if-stale"])
    assert "4 pitches" in third.output
    assert db.session.scalar(select(func.max(EngineIndex.version))) == 2


def test_a_second_process_picks_up_the_new_index_version(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'shared.sqlite'}"
    config = {"SQLALCHEMY_DATABASE_URI": url, "MATCHING_RELOAD_SECONDS": 0}
    first, second = create_app(dict(config)), create_app(dict(config))
    try:
        with first.app_context():
            db.create_all()
            from app.services.reference import ensure_associations

            ensure_associations()
            tiny_market()
            v1 = engine_index.rebuild()["version"]
        with second.app_context():
            assert loaded_engine.get_engine() is not None
            assert loaded_engine.loaded_version() == v1
        with first.app_context():
            v2 = engine_index.rebuild()["version"]
            assert v2 == v1 + 1
        with second.app_context():
            loaded_engine.get_engine()
            assert loaded_engine.loaded_version() == v2
            # and a pitch saved by the first process is known to the second one's engine
        with first.app_context():
            new = make_pitch(title="Solenergi for hytter")
            new_id = new.id
        with second.app_context():
            engine = loaded_engine.get_engine(force=True)
            assert str(new_id) in engine.pitch_index_
    finally:
        for application in (first, second):
            with application.app_context():
                if application is first:
                    db.session.remove()
                    if url.startswith("sqlite"):
                        db.drop_all()
                    else:
                        with db.engine.begin() as connection:
                            for table in reversed(db.metadata.sorted_tables):
                                connection.execute(table.delete())
                db.engine.dispose()
