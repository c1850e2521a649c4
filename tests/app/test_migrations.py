"""The migrations build the whole schema from empty, match the models, and downgrade cleanly."""

from __future__ import annotations

import logging
import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from app import create_app
from app.extensions import db

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")


def insert_user(connection, uid: int, *, role: str = "founder", active: bool = True,
                created_at: str = "2026-12-01 10:00:00") -> None:
    """A user row written by hand, for the data migrations' tests (the models may have
    moved on from the schema at the revision under test)."""
    connection.execute(text(
        "INSERT INTO \"user\" (id, email, name, password_hash, role, active, session_token, "
        "created_at) VALUES (:id, :email, 'P', 'x', :role, :active, :token, :now)"),
        {"id": uid, "email": f"p{uid}@example.no", "role": role, "active": active,
         "token": f"t{uid}", "now": created_at})


@pytest.fixture
def empty_database_url(tmp_path):
    """A brand-new database of the kind under test."""
    if not TEST_DATABASE_URL.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    name = f"koble_mig_{uuid.uuid4().hex[:8]}"
    admin = create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield TEST_DATABASE_URL.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_migrations_upgrade_match_models_and_downgrade(empty_database_url):
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": False})
            diff = compare_metadata(context, db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        tables = set(inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables
        downgrade(revision="base")
        left = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert left == set()
        db.engine.dispose()


def test_running_migrations_in_process_keeps_existing_loggers(empty_database_url):
    """Alembic's logging setup must not disable loggers the app and its libraries made."""
    csrf_logger = logging.getLogger("flask_wtf.csrf")
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        db.engine.dispose()
    assert not csrf_logger.disabled
    assert not app.logger.disabled
