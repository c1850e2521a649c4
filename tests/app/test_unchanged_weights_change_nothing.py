"""Saving the weights already in use, or restoring the defaults while they are in use,
changes nothing: no new settings version, so the index stays up to date; no "Changed the
engine's weights" in the audit log; and the page says nothing changed. Walking the engine
page, Save weights without an edit said "Weights saved. Rebuild the index to apply them to
every match.", recorded a change whose before and after were the same, and marked the index
stale ("Data or weights changed since the last rebuild") for a rebuild that would change no
score. Restoring the defaults over the defaults did the same, though its page had just said
"restoring changes nothing"."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent
from app.services import engine_index, engine_settings
from tests.app.test_i18n import _client_in
from tests.factories import make_user


def _admin(app):
    return _client_in(app, "en", make_user("admin", association=None))


def _changes() -> int:
    return db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == "engine_weights"))


def _as_typed(weights: dict) -> dict:
    return {name: f"{value:g}" for name, value in weights.items()}


def test_saving_the_weights_in_use_changes_nothing(app):
    client = _admin(app)
    engine_settings.settings()  # the row as a first visit makes it
    db.session.commit()
    stamp = engine_index.data_stamp()
    response = client.post("/admin/engine",
                           data=_as_typed(engine_settings.current_weights().as_dict()))
    assert response.status_code == 303
    page = client.get("/admin/engine").get_data(as_text=True)
    assert "Nothing changed: these are the weights already in use." in page
    assert "Weights saved" not in page
    assert _changes() == 0 and engine_index.data_stamp() == stamp


def test_restoring_the_defaults_in_use_changes_nothing(app):
    client = _admin(app)
    engine_settings.settings()
    db.session.commit()
    stamp = engine_index.data_stamp()
    response = client.post("/admin/engine/defaults")
    assert response.status_code == 303
    page = client.get("/admin/engine").get_data(as_text=True)
    assert "Nothing changed: the default weights were already in use." in page
    assert _changes() == 0 and engine_index.data_stamp() == stamp


def test_a_real_change_is_still_saved_and_audited(app):
    client = _admin(app)
    weights = engine_settings.current_weights().as_dict()
    stamp = engine_index.data_stamp()
    client.post("/admin/engine", data=_as_typed({**weights, "text": 2.5}))
    page = client.get("/admin/engine").get_data(as_text=True)
    assert "Weights saved. Rebuild the index to apply them to every match." in page
    assert _changes() == 1 and engine_index.data_stamp() != stamp
    assert engine_settings.current_weights().as_dict()["text"] == 2.5
