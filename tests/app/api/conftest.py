"""API tests: the shared `app` fixture, plus settings from `app_overrides`."""

from __future__ import annotations

import pytest

from app import create_app
from app.extensions import db
from app.services.reference import ensure_associations
from tests.conftest import TEST_DATABASE_URL, IsolatedClient, _reset, _schema_ready


@pytest.fixture
def app_overrides() -> dict:
    return {}


@pytest.fixture
def app(tmp_path, app_overrides):
    url = TEST_DATABASE_URL or "sqlite://"
    config = {"SQLALCHEMY_DATABASE_URI": url, "MATCHING_INDEX_DIR": str(tmp_path / "index"),
              "MAIL_FILE_PATH": str(tmp_path / "outbox"), **app_overrides}
    application = create_app(config)
    application.test_client_class = IsolatedClient
    for limiter in application.extensions.get("limiter", ()):
        limiter._storage_dead = False
    with application.app_context():
        if url not in _schema_ready and not url.startswith("sqlite"):
            db.drop_all()
            _schema_ready.add(url)
        db.create_all()
        ensure_associations()
        yield application
        db.session.remove()
        _reset(url)
        db.engine.dispose()
