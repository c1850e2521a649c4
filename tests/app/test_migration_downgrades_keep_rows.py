"""Downgrading keeps the rows of the tables it does not change. On SQLite a batch operation
that drops a column copies the table and drops the old one; with foreign keys on, that
drop cascaded to every row that points at the table: downgrading past a column of `arena`
deleted every invitation and meeting, past one of `user` every pitch, profile, mark and
notice. Migrations now run on SQLite with foreign keys off (migrations/env.py), as
Alembic's batch mode asks."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import func, select, table

from app import create_app
from app.extensions import db
from app.services.reference import ensure_associations
from tests.app.test_migrations import empty_database_url  # noqa: F401 - fixture
from tests.factories import make_arena, make_meeting, make_participant, make_pitch, make_user

# a5c3e9d17b24 is the parent of c9e4a7b2d6f1, whose downgrade drops a column of `arena` in a
# batch; c4e7d2a9f180 and f4c8e1b7a2d5, later, drop columns of `user` the same way.
TARGET = "a5c3e9d17b24"
TABLES = ("user", "pitch", "arena", "invitation", "meeting")


def _counts() -> dict[str, int]:
    with db.engine.connect() as connection:
        return {t: connection.execute(select(func.count()).select_from(table(t))).scalar_one()
                for t in TABLES}


def test_downgrading_past_batch_drops_keeps_the_rows_that_point_at_them(
        empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        ensure_associations()
        arena = make_arena(status="scheduled")
        founder = make_participant(arena, "founder")
        investor = make_participant(arena, "investor")
        make_meeting(arena, founder, investor, slot=1, table=0)
        make_pitch(make_user("founder"))
        before = _counts()
        db.session.remove()
        assert before["meeting"] == 1 and before["invitation"] == 2
        downgrade(revision=TARGET)
        assert _counts() == before
        upgrade()
        assert _counts() == before
        db.engine.dispose()
