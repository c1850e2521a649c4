"""Fixtures shared by every app test: app → client → auth, and the factories."""

from __future__ import annotations

import contextvars
import copy
import os

import pytest
from flask.testing import FlaskClient

from app import create_app
from app.extensions import db
from app.models import PageVersion
from app.services.reference import ensure_associations
from tests.factories import DEFAULT_PASSWORD


def _per_worker_database() -> None:
    """Give each pytest-xdist worker its own PostgreSQL database, so workers never collide,
    and let the tests' database commit without waiting for the disk (see below)."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        return
    from sqlalchemy import create_engine, text

    worker = os.environ.get("PYTEST_XDIST_WORKER")
    base, name = url.rsplit("/", 1)
    worker_name = f"{name}_{worker}" if worker else name
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": worker_name}
        ).scalar()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{worker_name}"'))
        # Each commit that wrote waited for its WAL to reach the disk: 3.3-4.5 ms on this
        # machine (0.6-0.7 ms without the wait), some 14 WAL flushes a test, so about 50 ms
        # of every PostgreSQL test was spent waiting for fsync. Without the wait a commit is
        # as atomic and as visible to other connections as before; only a crash of the server
        # could lose the last few, and a test database is thrown away anyway. A setting of
        # the test database, read by every new connection: the app's configuration and a
        # production database are not touched.
        connection.execute(text(f'ALTER DATABASE "{worker_name}" SET synchronous_commit = off'))
    admin.dispose()
    os.environ["TEST_DATABASE_URL"] = f"{base}/{worker_name}"


def _clock_from_environment() -> None:
    """KOBLE_TEST_CLOCK moves the tests' clock: "00:10" to that time today in Oslo, or a whole
    Oslo time ("2026-10-25T02:30"), and lets it run on from there. A test that only fails at
    some hours (CI once ran at 23:16 and six did) is found by running the suite at those hours
    now. Tests that start a server or a command in another process keep the real clock there,
    so run such a sweep without tests/browser."""
    value = os.environ.get("KOBLE_TEST_CLOCK")
    if not value:
        return
    from datetime import datetime, time

    import time_machine

    from app.models.arena import LOCAL_TZ

    if "T" in value:
        moment = datetime.fromisoformat(value).replace(tzinfo=LOCAL_TZ)
    else:
        moment = datetime.combine(datetime.now(LOCAL_TZ).date(), time.fromisoformat(value),
                                  tzinfo=LOCAL_TZ)
    time_machine.travel(moment, tick=True).start()


_per_worker_database()
_clock_from_environment()
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
_schema_ready: set[str] = set()


def _in_memory() -> bool:
    """The app's database is SQLite in memory: one connection (Flask-SQLAlchemy's StaticPool),
    whose database ends when the engine is disposed."""
    url = db.engine.url
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


# -- SQLite: each test's new in-memory database copied from one made once ------------------
# create_all on a new in-memory database (21 tables, their indexes, the page version's row)
# and ensure_associations' six rows, then drop_all after the test, cost about 17 ms of CPU a
# test (measured on 776 tests), most of a minute of a SQLite run. The worker makes that
# database once, keeps it in a connection of its own, and copies it into each test's new
# database with SQLite's backup API (0.3 ms): the same schema and rows, made by the same
# create_all. The database ends with the engine's disposal after the test, as before.
_template: dict = {}


def _new_sqlite_database() -> None:
    """The schema and the six associations in the test's new SQLite database."""
    if not _in_memory():
        db.create_all()  # a database in a file: made as before, dropped by _reset
        return
    import sqlite3

    tables = tuple(table.name for table in db.metadata.sorted_tables)
    connection = db.engine.raw_connection()
    try:
        if _template.get("tables") == tables:
            _template["database"].backup(connection.driver_connection)
            return
    finally:
        connection.close()
    db.create_all()
    ensure_associations()
    made = sqlite3.connect(":memory:", check_same_thread=False)
    connection = db.engine.raw_connection()
    try:
        connection.driver_connection.backup(made)
    finally:
        connection.close()
    _template.update(tables=tables, database=made)


def _reset(url: str) -> None:
    """Empty every table (PostgreSQL keeps the schema between tests for speed)."""
    if url.startswith("sqlite"):
        if not _in_memory():
            db.drop_all()
        # in memory: the database ends with the engine's disposal, right after this
        return
    with db.engine.begin() as connection:
        connection.exec_driver_sql(_emptying_sql(connection))


def _emptying_sql(connection) -> str:
    """Every table's DELETE, children first, and the page version's single row put back (it is
    part of the schema: the migration adds it), as one string: one round trip to the server
    instead of 22 (the reset took about 100 ms a test on this busy 2-core machine, now 25-40 ms).
    The statements are the same; made once per worker."""
    if "sql" not in _emptying:
        dialect = connection.dialect
        statements = [str(table.delete().compile(dialect=dialect))
                      for table in reversed(db.metadata.sorted_tables)]
        statements.append(str(PageVersion.__table__.insert().values(id=1, version=0)
                              .compile(dialect=dialect, compile_kwargs={"literal_binds": True})))
        _emptying["sql"] = ";\n".join(statements)
    return _emptying["sql"]


_emptying: dict = {}


def _schema_complete() -> bool:
    """Every table of the models is in the PostgreSQL database: one query, where create_all
    asks once a table (a few ms a test). _reset empties the tables and keeps them, so after the
    worker's first test create_all would find them all and do nothing; a test that dropped one
    gets it back as before."""
    from sqlalchemy import text

    names = [table.name for table in db.metadata.sorted_tables]
    with db.engine.connect() as connection:
        present = connection.execute(
            text("SELECT count(*) FROM pg_catalog.pg_tables "
                 "WHERE schemaname = current_schema() AND tablename = ANY(:names)"),
            {"names": names}).scalar()
    return present == len(names)


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


# -- one app per worker, reset between tests ------------------------------------------------
# create_app costs 0.1-0.2 s (blueprints, the API's OpenAPI document, 140 URL rules), and a new
# app starts with no compiled templates and no compiled SQL: together about half of a typical
# test's time. So a worker keeps the app it built last and hands it to the next test that asks
# for the same settings, reset to the state create_app left it in: its configuration (a deep
# copy taken right after create_app), the extensions' per-app state (the matching engine, the
# filter forms, the page cache, the mail outbox, the rate limiter's counters) and, as before, an
# empty database. It builds a new app instead when the settings differ, when a test changed the
# app itself (a URL rule, a hook, a template global, an extension, an engine event listener)
# or built another app (the extensions are shared objects: the last app built configures
# them), and when a background rebuild thread is still running. KOBLE_TEST_FRESH_APP=1 builds a
# new app for every test, as before.
FRESH_APP = os.environ.get("KOBLE_TEST_FRESH_APP") == "1"
_apps_built = [0]
_kept: dict = {}


def _count_builds() -> None:
    """Count the apps built in this process (create_app calls register_extensions once)."""
    from app import registration

    original = registration.register_extensions
    if getattr(original, "_counted", False):
        return

    def counted(application):
        _apps_built[0] += 1
        return original(application)

    counted._counted = True
    registration.register_extensions = counted


_count_builds()


def _shape(application) -> tuple:
    """What a test could change on the app that a reset would not undo."""
    engine_events = ()
    if "sqlalchemy" in application.extensions:
        with application.app_context():
            dispatch = db.engine.dispatch
            engine_events = tuple((name, len(getattr(dispatch, name)))
                                  for name in sorted(dispatch._event_names))
    funcs = (application.before_request_funcs, application.after_request_funcs,
             application.teardown_request_funcs, application.teardown_appcontext_funcs,
             application.template_context_processors, application.url_value_preprocessors,
             application.url_default_functions)
    # (a defaultdict: looking up a code with no handler leaves an empty entry)
    handlers = sorted((str(name), str(code), len(by_class))
                      for name, by_code in application.error_handler_spec.items()
                      for code, by_class in by_code.items() if by_class)
    return (
        tuple(sorted(str(rule) + " " + rule.endpoint for rule in application.url_map.iter_rules())),
        tuple(sorted(application.view_functions)),
        tuple(repr(sorted((str(k), len(v)) for k, v in f.items())) if isinstance(f, dict)
              else len(f) for f in funcs),
        tuple(handlers),
        tuple(sorted(application.jinja_env.globals)), tuple(sorted(application.jinja_env.filters)),
        tuple(sorted(application.jinja_env.tests)), tuple(sorted(application.extensions)),
        application.wsgi_app, application.session_interface, application.test_client_class,
        engine_events,
    )


def _settings_key(url: str, overrides: dict) -> str | None:
    try:
        return repr((url, sorted(overrides.items())))
    except TypeError:
        return None


def _reused_app(key: str | None):
    """The kept app if it may serve a test with these settings, else None."""
    if FRESH_APP or key is None or _kept.get("key") != key or _kept["built"] != _apps_built[0]:
        return None
    application = _kept["app"]
    threads = application.extensions.get("koble_rebuild_threads", ())
    for thread in threads:
        thread.join(timeout=30)
    if any(thread.is_alive() for thread in threads):
        return None
    for name in set(application.extensions) - set(_kept["extensions"]):
        del application.extensions[name]  # made on first use: the engine, the filter forms
    return application if _shape(application) == _kept["shape"] else None


def _restore(application, tmp_path) -> None:
    """Put the kept app back as create_app left it (for a new test's tmp_path)."""
    from app.extensions import cache, limiter, mail

    application.config.clear()
    application.config.update(copy.deepcopy(_kept["config"]))
    application.config["MAIL_FILE_PATH"] = str(tmp_path / "outbox")
    mail.init_app(application)  # a new outbox, and the settings read again
    with application.app_context():
        cache.clear()
        if limiter._storage is not None:  # None when rate limits are off
            limiter.reset()
    application._got_first_request = False  # a test may add a rule before its first request


# PostgreSQL: the kept app keeps its pooled connections for the next test. Opening one (a new
# server process, authentication, the pool's first ping) cost 30-50 ms a test on this busy
# machine; the reset has emptied every table and ended every transaction by then, and the app
# sets nothing on a connection that a test could leave behind. An app that is not kept, and
# the kept one when a new app replaces it, closes its connections after its test as before.
def _close_kept_connections() -> None:
    if "app" in _kept:
        with _kept["app"].app_context():
            db.engine.dispose()


@pytest.fixture
def app(tmp_path, app_overrides):
    """An app on an empty database with the six associations: a new one, or the one the
    previous test used, reset (see above)."""
    url = TEST_DATABASE_URL or "sqlite://"
    key = _settings_key(url, app_overrides)
    application = _reused_app(key)
    if application is not None:
        _restore(application, tmp_path)
    else:
        _close_kept_connections()
        _kept.clear()
        application = create_app({
            "SQLALCHEMY_DATABASE_URI": url,
            "MAIL_FILE_PATH": str(tmp_path / "outbox"),
            **app_overrides,
        })
        application.test_client_class = IsolatedClient
        if key is not None and not FRESH_APP:
            _kept.update(key=key, app=application, built=_apps_built[0],
                         config=copy.deepcopy(dict(application.config)),
                         extensions=tuple(application.extensions), shape=_shape(application))
    _revive_limiters(application)
    with application.app_context():
        if url.startswith("sqlite"):
            _new_sqlite_database()  # a new in-memory database for every test
        elif url not in _schema_ready:
            db.drop_all()  # a schema left by an older run of the models
            db.create_all()
            _schema_ready.add(url)
        elif not _schema_complete():
            db.create_all()
        ensure_associations()
        yield application
        db.session.remove()
        _reset(url)
        if url.startswith("sqlite") or _kept.get("app") is not application:
            db.engine.dispose()  # SQLite in memory: the database ends here
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
