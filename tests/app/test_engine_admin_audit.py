"""The admin's engine page after the audit: the last rebuild said in the reader's language
(it was an English sentence with a decimal point on the bokmål page), weights bounded and
written out (1e3 was read as 1000), and the default weights restorable."""

from __future__ import annotations

import html
import json
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, EngineSettings
from app.services import engine_settings, rebuild_jobs
from app.services.errors import DomainError
from tests.app.test_i18n import _client_in
from tests.factories import make_user

NBSP = "\u00a0"


def _admin(app, lang: str):
    return _client_in(app, lang, make_user("admin", association=None))


def _status_line(page: str) -> str:
    found = re.search(r'<p role="status">(.*?)</p>', page, re.S)
    assert found, "the page has no status line"
    # whitespace folded, but not the no-break space that groups bokmål's digits
    return html.unescape(re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", "", found.group(1)))).strip()


def _last_rebuild(status: str, message: str | None) -> None:
    row = engine_settings.settings()
    row.rebuild_status, row.rebuild_message = status, message
    db.session.commit()


FACTS = {"version": 2, "pitches": 150, "investors": 60, "scores": 7050, "seconds": 0.929}


# --- the last rebuild ---------------------------------------------------------------------
@pytest.mark.parametrize("lang, said", [
    ("nb", f"Forrige ombygging: ferdig (versjon 2: 150 pitcher, 60 investorer, 7{NBSP}050 "
           "matchpoeng, 0,93 s)"),
    ("en", "Last rebuild: done (version 2: 150 pitches, 60 investors, 7,050 scores, 0.93 s)"),
])
def test_a_finished_rebuild_is_said_in_the_readers_language(app, lang, said):
    client = _admin(app, lang)
    _last_rebuild("done", json.dumps(FACTS))
    assert _status_line(client.get("/admin/engine").get_data(as_text=True)) == said


def test_one_of_each_is_said_in_the_singular(app):
    client = _admin(app, "en")
    _last_rebuild("done", json.dumps(FACTS | {"pitches": 1, "investors": 1, "scores": 1}))
    line = _status_line(client.get("/admin/engine").get_data(as_text=True))
    assert "(version 2: 1 pitch, 1 investor, 1 score, 0.93 s)" in line


@pytest.mark.parametrize("lang, said", [
    ("nb", "Forrige ombygging: mislyktes: databasen kunne ikke leses eller skrives. "
           "Detaljene står i serverens logg."),
    ("en", "Last rebuild: failed: the database could not be read or written. The details "
           "are in the server's log."),
])
def test_a_failed_rebuild_is_said_in_the_readers_language(app, lang, said):
    client = _admin(app, lang)
    _last_rebuild("failed", json.dumps({"error": "database"}))
    assert _status_line(client.get("/admin/engine").get_data(as_text=True)) == said


def test_a_message_stored_as_english_text_before_is_still_shown(app):
    client = _admin(app, "nb")
    _last_rebuild("done", "v2: 150 pitches, 60 investors, 7050 scores, 0.929 s")
    page = client.get("/admin/engine").get_data(as_text=True)
    assert '(<span lang="en">v2: 150 pitches, 60 investors, 7050 scores, 0.929 s</span>)' in page
    _last_rebuild("failed", "boom")
    assert '<span lang="en">boom</span>' in client.get("/admin/engine").get_data(as_text=True)


def test_a_rebuild_stores_facts_not_a_sentence(app, market):
    client = _admin(app, "nb")
    assert client.post("/admin/engine/rebuild").status_code == 303
    for thread in app.extensions.get("koble_rebuild_threads", []):
        thread.join(timeout=60)
    db.session.expire_all()
    row = db.session.get(EngineSettings, 1)
    facts = json.loads(row.rebuild_message)
    assert row.rebuild_status == "done" and set(facts) == set(rebuild_jobs.FACTS)
    assert isinstance(facts["scores"], int) and isinstance(facts["seconds"], float)
    line = _status_line(client.get("/admin/engine").get_data(as_text=True))
    assert line.startswith(f"Forrige ombygging: ferdig (versjon {facts['version']}: ")
    assert "pitches" not in line and "investors" not in line


def test_a_failure_is_stored_as_its_kind(app, monkeypatch):
    """A failed rebuild stored the exception's English text; now its kind."""
    def broken(*_args, **_kwargs):
        raise MemoryError

    monkeypatch.setattr(rebuild_jobs, "rebuild", broken)
    rebuild_jobs._run_rebuild(app)
    db.session.expire_all()
    row = db.session.get(EngineSettings, 1)
    assert (row.rebuild_status, json.loads(row.rebuild_message)) == ("failed",
                                                                     {"error": "memory"})


# --- the weights' bounds ------------------------------------------------------------------
def _weights(**changes) -> dict:
    return {name: "1" for name in engine_settings.weight_names()} | changes


@pytest.mark.parametrize("typed, message", [
    ("1e3", "Skriv inn et tall."),  # Babel read it as 1000
    ("2E-1", "Skriv inn et tall."),
    ("0,125", "Bruk høyst to desimaler."),
    ("1000,01", "Bruk et tall fra 0 til 1000."),
])
def test_weights_are_written_out_in_hundredths_up_to_1000(app, typed, message):
    client = _admin(app, "nb")
    before = engine_settings.current_weights().as_dict()
    response = client.post("/admin/engine", data=_weights(text=typed))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert engine_settings.current_weights().as_dict() == before


def test_the_finest_and_largest_weights_are_taken(app):
    client = _admin(app, "nb")
    assert client.post("/admin/engine", data=_weights(text="0,01", stage="1000")
                       ).status_code == 303
    saved = engine_settings.current_weights().as_dict()
    assert (saved["text"], saved["stage"]) == (0.01, 1000.0)


def test_the_service_refuses_what_the_form_would(app):
    with pytest.raises(DomainError):
        engine_settings.validate_weights(_weights(text="0.125"))


def test_the_page_says_the_bounds(app):
    page = _admin(app, "en").get("/admin/engine").get_data(as_text=True)
    assert "numbers from 0 to 1000 with at most two decimals, written out (1000, not 1e3)" in page


# --- restoring the defaults ---------------------------------------------------------------
def test_restoring_the_defaults_is_asked_in_words_then_done(app):
    client = _admin(app, "en")
    defaults = engine_settings.default_weights()
    client.post("/admin/engine", data={name: "2" for name in defaults})
    engine_page = client.get("/admin/engine").get_data(as_text=True)
    assert 'href="/admin/engine/defaults"' in engine_page

    asked = client.get("/admin/engine/defaults")
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200
    differing = sum(1 for value in defaults.values() if value != 2)
    assert (f"{differing} weights differ from the engine's defaults. Restoring the defaults "
            "replaces them; the next rebuild uses them.") in page
    assert "Restore the default weights</button>" in page
    assert engine_settings.current_weights().as_dict() == dict.fromkeys(defaults, 2.0)

    done = client.post("/admin/engine/defaults")
    assert done.status_code == 303 and done.headers["Location"] == "/admin/engine"
    assert engine_settings.current_weights().as_dict() == defaults
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "engine_weights")
                             .order_by(AuditEvent.id.desc())).detail.endswith(str(defaults))
    assert "The default weights are restored." in client.get("/admin/engine").get_data(
        as_text=True)
    again = client.get("/admin/engine/defaults").get_data(as_text=True)
    assert "Every weight already has the engine's default value" in again


def test_only_admins_restore_the_defaults(client, auth):
    auth.login(make_user("staff", association="asker").email)
    assert client.post("/admin/engine/defaults").status_code in (403, 404)
    assert client.get("/admin/engine/defaults").status_code in (403, 404)
