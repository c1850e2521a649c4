"""Fixtures for the security tests: an app with config overrides, principals, a summary."""

from __future__ import annotations

import pytest

from app import create_app
from app.extensions import db
from app.services.reference import ensure_associations
from tests.app.security.counts import COUNTS
from tests.app.security.principals import principals  # noqa: F401 - fixture
from tests.conftest import TEST_DATABASE_URL, IsolatedClient, _reset, _schema_ready


@pytest.fixture
def app_overrides() -> dict:
    """Extra settings for the app; a test module or parametrize overrides this."""
    return {}


@pytest.fixture
def app(tmp_path, app_overrides):
    """The shared `app` fixture, plus the settings in `app_overrides`."""
    url = TEST_DATABASE_URL or "sqlite://"
    config = {
        "SQLALCHEMY_DATABASE_URI": url,
        "MATCHING_INDEX_DIR": str(tmp_path / "index"),
        "MAIL_FILE_PATH": str(tmp_path / "outbox"),
    }
    config.update(app_overrides)
    application = create_app(config)
    application.test_client_class = IsolatedClient
    _revive_limiters(application)
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
    _revive_limiters(application)


def _revive_limiters(application) -> None:
    """The limiter is one object shared by every app of the test run: forget a storage that
    an earlier test declared dead (e.g. an unreachable Redis), or it stays on the fallback."""
    for limiter in application.extensions.get("limiter", ()):
        limiter._storage_dead = False


def pytest_terminal_summary(terminalreporter):
    """Print how many variants, payloads and cells the security tests tried."""
    if not COUNTS:
        return
    terminalreporter.section("security counts")
    for name, value in sorted(COUNTS.items()):
        terminalreporter.write_line(f"{name}: {value}")
