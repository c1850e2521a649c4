"""Fixtures shared by every app test: app → client → auth, and the factories."""

from __future__ import annotations

import contextvars
import os

import pytest
from flask.testing import FlaskClient

from app import create_app
from app.extensions import db
from app.models import PageVersion
from app.services.reference import ensure_associations
from tests.factories import DEFAULT_PASSWORD


def _per_worker_database() -> None:
    """Give each pytest-xdist worker its own PostgreSQL database, so workers never collide."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url.startswith("postgresql") or not worker:
        return
    from sqlalchemy import create_engine, text

    base, name = url.rsplit("/", 1)
    worker_name = f"{name}_{worker}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": worker_name}
        ).scalar()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{worker_name}"'))
    admin.dispose()
    os.environ["TEST_DATABASE_URL"] = f"{base}/{worker_name}"


_per_worker_database()
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
_schema_ready: set[str] = set()


def _reset(url: str) -> None:
    """Empty every table (PostgreSQL keeps the schema between tests for speed)."""
    if url.startswith("sqlite"):
        db.drop_all()
        return
    with db.engine.begin() as connection:
        for table in reversed(db.metadata.sorted_tables):
            connection.execute(table.delete())
        # the page version's single row is part of the schema (the migration adds it)
        connection.execute(PageVersion.__table__.insert().values(id=1, version=0))


class IsolatedClient(FlaskClient):
    """Runs each request in its own app context, as a real server does.

    The test keeps an app context for its factories; without this, requests would share
    its `g` (and Flask-Login's cached user) and its database session.
    """

    def open(self, *args, **kwargs):
        response = contextvars.Context().run(super().open, *args, **kwargs)
        db.session.expire_all()
        return response


@pytest.fixture
def app_overrides() -> dict:
    """Extra settings for the app; a test module or parametrize overrides this."""
    return {}


def _revive_limiters(application) -> None:
    """The limiter is one object shared by every app of the test run: forget a storage that
    an earlier test declared dead (e.g. an unreachable Redis), or it stays on the fallback."""
    for limiter in application.extensions.get("limiter", ()):
        limiter._storage_dead = False


@pytest.fixture
def app(tmp_path, app_overrides):
    """A fresh app on an empty database with the six associations."""
    url = TEST_DATABASE_URL or "sqlite://"
    application = create_app({
        "SQLALCHEMY_DATABASE_URI": url,
        "MAIL_FILE_PATH": str(tmp_path / "outbox"),
        **app_overrides,
    })
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


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


class AuthActions:
    """Log in and out through the real forms."""

    def __init__(self, client):
        self._client = client

    def login(self, email: str, password: str = DEFAULT_PASSWORD):
        return self._client.post("/auth/login", data={"email": email, "password": password})

    def logout(self):
        return self._client.post("/auth/logout")


@pytest.fixture
def auth(client):
    """Log in and out as a user."""
    return AuthActions(client)
