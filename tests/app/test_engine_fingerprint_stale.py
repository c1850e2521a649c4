"""A saved index is out of date when the engine's own text rules change, not only the data:
after a deployment that changes the glossary, the stop words, the analyser or the scoring,
`flask matching rebuild --if-stale` rebuilds, and the admin's engine page says why. Until
then the app keeps serving the old index's stored scores."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import EngineIndex
from app.services import engine_index
from matching import glossary
from matching.fingerprint import engine_fingerprint
from tests.app.matching_data import tiny_market
from tests.factories import make_user


@pytest.fixture
def market(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    return tiny_market()


@pytest.fixture
def fresh_fingerprint():
    engine_fingerprint.cache_clear()
    yield
    engine_fingerprint.cache_clear()


def _deploy_a_glossary_change(monkeypatch) -> None:
    """What a new release that adds a glossary concept looks like to the next process."""
    monkeypatch.setitem(glossary.GLOSSARY, "kelp", ("tare", "tareskog", "kelp"))
    engine_fingerprint.cache_clear()


def _versions() -> int:
    return db.session.scalar(select(func.max(EngineIndex.version)))


def test_a_glossary_change_makes_the_index_stale_and_if_stale_rebuilds(
        app, market, monkeypatch, fresh_fingerprint):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["matching", "rebuild"]).exit_code == 0
    assert not engine_index.is_stale()
    _deploy_a_glossary_change(monkeypatch)
    assert engine_index.is_stale()
    assert engine_index.built_by_other_engine(engine_index.latest_index())
    result = runner.invoke(args=["matching", "rebuild", "--if-stale"])
    assert result.exit_code == 0, result.output
    assert "built by another version of the matching engine" in result.output
    assert "3 pitches, 3 investors" in result.output and _versions() == 2
    assert not engine_index.is_stale()
    again = runner.invoke(args=["matching", "rebuild", "--if-stale"])
    assert "up to date" in again.output and _versions() == 2


def test_unchanged_code_leaves_the_index_current(app, market, fresh_fingerprint):
    engine_index.rebuild()
    engine_fingerprint.cache_clear()  # as a restarted process with the same code
    assert not engine_index.is_stale()
    assert not engine_index.built_by_other_engine(engine_index.latest_index())
    result = app.test_cli_runner().invoke(args=["matching", "rebuild", "--if-stale"])
    assert "up to date" in result.output and _versions() == 1


def test_an_index_saved_before_fingerprints_is_stale(market, fresh_fingerprint):
    engine_index.rebuild()
    index = engine_index.latest_index()
    index.data_stamp = index.data_stamp.split("|", 1)[1]  # the stamp as it was written
    db.session.commit()
    assert engine_index.is_stale()
    assert engine_index.built_by_other_engine(index)


@pytest.mark.parametrize("lang, badge, words", [
    ("en", "Built by another version of the matching engine",
     "Matches are still shown from it; rebuild to score every pair with the running version."),
    ("nb", "Bygget av en annen versjon av matchemotoren",
     "Matchene vises fortsatt fra den; bygg indeksen på nytt for å beregne alle par med "
     "versjonen som kjører nå."),
])
def test_the_engine_page_says_the_index_was_built_by_another_engine(
        client, auth, market, monkeypatch, fresh_fingerprint, lang, badge, words):
    engine_index.rebuild()
    auth.login(make_user("admin", association=None).email)
    client.post("/language", data={"lang": lang})
    page = client.get("/admin/engine").get_data(as_text=True)
    assert badge not in page and 'id="other-engine"' not in page
    _deploy_a_glossary_change(monkeypatch)
    page = " ".join(client.get("/admin/engine").get_data(as_text=True).split())
    assert badge in page and words in page
