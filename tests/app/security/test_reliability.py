"""SQLite WAL and busy timeout, PostgreSQL pre-ping, and backup/restore that loses nothing."""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db
from app.models import AuditEvent, PageVersion
from app.services import audit
from app.services.reference import ensure_associations
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.conftest import TEST_DATABASE_URL, IsolatedClient
from tests.factories import DEFAULT_PASSWORD, make_investor, make_pitch, make_user

ON_POSTGRES = TEST_DATABASE_URL.startswith("postgresql")
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="needs TEST_DATABASE_URL on PostgreSQL")


@contextmanager
def app_on(url: str, tmp_path, **config):
    """An app on a database of our own (a file or a scratch database), schema created;
    `config` adds to the test configuration."""
    application = create_app({"SQLALCHEMY_DATABASE_URI": url, **config})
    application.test_client_class = IsolatedClient
    with application.app_context():
        db.create_all()
        ensure_associations()
        try:
            yield application
        finally:
            db.session.remove()
            db.engine.dispose()


def _populate():
    founder = make_user("founder")
    make_pitch(founder)
    make_pitch(founder, status="draft")
    make_investor()
    audit.record("backup_test", detail="før sikkerhetskopi")
    return founder


# --- SQLite -----------------------------------------------------------------------------------

def test_sqlite_file_runs_in_wal_with_a_busy_timeout(tmp_path):
    with app_on(f"sqlite:///{tmp_path / 'koble.sqlite'}", tmp_path), \
            db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_concurrent_writers_never_see_database_is_locked(tmp_path):
    writers, writes = 6, 25
    with app_on(f"sqlite:///{tmp_path / 'koble.sqlite'}", tmp_path) as application:
        errors: list[BaseException] = []
        start = threading.Barrier(writers)

        def write(n: int) -> None:
            try:
                with application.app_context():
                    start.wait()
                    for i in range(writes):
                        # Read, then write in the same unit of work, as a request does.
                        db.session.scalar(select(func.count(AuditEvent.id)))
                        audit.record("concurrent_write", detail=f"writer {n} write {i}")
                    db.session.remove()
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
        total = db.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "concurrent_write"))
        assert total == writers * writes


def test_sqlite_backup_and_restore_keep_every_row(tmp_path):
    url = f"sqlite:///{tmp_path / 'koble.sqlite'}"
    backup_file = tmp_path / "backups" / "koble.backup.sqlite"
    with app_on(url, tmp_path) as application:
        founder = _populate()
        email = founder.email
        saved = checksum(skip=CACHE_TABLES)
        version = _page_version()
        runner = application.test_cli_runner()
        result = runner.invoke(args=["db-backup", str(backup_file)])
        assert result.exit_code == 0, result.output
        assert backup_file.exists()
        # Life goes on after the backup; a restore brings back the saved state exactly.
        make_pitch(founder, title="Etter sikkerhetskopien")
        audit.record("after_backup")
        assert checksum(skip=CACHE_TABLES) != saved
        refused = runner.invoke(args=["db-restore", str(backup_file)], input="n\n")
        assert refused.exit_code != 0 and checksum(skip=CACHE_TABLES) != saved
        result = runner.invoke(args=["db-restore", str(backup_file), "--yes"])
        assert result.exit_code == 0, result.output
        db.session.remove()
        assert checksum(skip=CACHE_TABLES) == saved
        # the restored version is not reused: pages kept after it showed the replaced data
        assert _page_version() != version
        _smoke(application, email)


def test_backup_refuses_in_memory_database(app, tmp_path):
    """Also when a file is already at the path (the PostgreSQL run once wrote a dump to a
    fixed /tmp path, and the SQLite run after it heard of the file instead)."""
    target = tmp_path / "never-written.sqlite"
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        pytest.skip("an in-memory database is SQLite's")
    for _ in range(2):
        result = app.test_cli_runner().invoke(args=["db-backup", str(target)])
        assert result.exit_code != 0 and "in-memory" in result.output
        target.write_bytes(b"someone's file")
    assert target.read_bytes() == b"someone's file"


CACHE_TABLES = ("page_version",)  # what kept pages are keyed by, not data


def _page_version() -> int:
    return db.session.scalar(select(PageVersion.version))


def _smoke(application, email: str) -> None:
    client = application.test_client()
    assert client.get("/").status_code == 200
    assert client.get("/health").json == {"status": "ok"}
    response = client.post("/auth/login", data={"email": email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert client.get("/auth/password").status_code == 200


# --- PostgreSQL -------------------------------------------------------------------------------

@contextmanager
def scratch_database():
    """A PostgreSQL database of our own next to TEST_DATABASE_URL's, dropped afterwards."""
    import psycopg

    base = make_url(TEST_DATABASE_URL)
    name = f"koble_scratch_{uuid.uuid4().hex[:10]}"
    admin_dsn = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_dsn, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@postgres_only
def test_postgres_backup_and_restore_keep_every_row(tmp_path):
    backup_file = tmp_path / "koble.dump"
    with scratch_database() as url, app_on(url, tmp_path) as application:
        founder = _populate()
        email = founder.email
        saved = checksum(skip=CACHE_TABLES)
        version = _page_version()
        runner = application.test_cli_runner()
        result = runner.invoke(args=["db-backup", str(backup_file)])
        assert result.exit_code == 0, result.output
        make_pitch(founder, title="Etter sikkerhetskopien")
        audit.record("after_backup")
        assert checksum(skip=CACHE_TABLES) != saved
        result = runner.invoke(args=["db-restore", str(backup_file), "--yes"])
        assert result.exit_code == 0, result.output
        db.session.remove()
        assert checksum(skip=CACHE_TABLES) == saved
        assert _page_version() != version
        _smoke(application, email)


@postgres_only
def test_a_terminated_connection_is_followed_by_a_working_request(tmp_path):
    import psycopg

    with scratch_database() as url, app_on(url, tmp_path) as application:
        assert application.config["SQLALCHEMY_ENGINE_OPTIONS"].get("pool_pre_ping") is True
        user = make_user("founder")
        client = application.test_client()
        log_in(client, user)
        assert client.get("/auth/password").status_code == 200
        db.session.remove()
        db.engine.dispose()
        with db.engine.connect() as connection:  # the one connection now in the pool
            pid = connection.execute(text("SELECT pg_backend_pid()")).scalar()
        dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn, autocommit=True) as other:
            assert other.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
        assert client.get("/auth/password").status_code == 200
