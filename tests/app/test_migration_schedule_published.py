"""The migration that makes a built schedule a draft until published counts every schedule
built before it as published: those arenas' participants keep seeing their agendas, and
an arena without meetings has no schedule to publish."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.app.test_migrations import empty_database_url  # noqa: F401 - the fixture

BEFORE = "a5c3e9d17b24"
NOW = "2026-12-01 10:00:00"


def _arena(connection, arena_id: int, scheduled_at: str | None) -> None:
    connection.execute(text(
        "INSERT INTO arena (id, title, description, theme, date, start_time, end_time, venue, "
        "founder_capacity, investor_capacity, slot_minutes, slot_count, breaks, table_count, "
        "good_investors_k, rsvp_deadline, status, schedule_sequence, scheduled_at, "
        "created_at, updated_at, version) VALUES (:id, 'A', '', 'open', '2026-12-20', "
        "'09:00:00', '11:00:00', '', 4, 4, 15, 8, '[]', 4, 3, :now, 'scheduled', 1, "
        ":scheduled, :now, :now, 1)"), {"id": arena_id, "now": NOW, "scheduled": scheduled_at})


def test_schedules_built_before_drafts_count_as_published(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            for uid, role in ((1, "founder"), (2, "investor")):
                connection.execute(text(
                    "INSERT INTO \"user\" (id, email, name, password_hash, role, active, "
                    "session_token, created_at) VALUES (:id, :email, 'P', 'x', :role, true, "
                    ":token, :now)"), {"id": uid, "email": f"p{uid}@example.no", "role": role,
                                       "token": f"t{uid}", "now": NOW})
            _arena(connection, 1, "2026-11-30 12:00:00")  # built: has meetings
            _arena(connection, 2, None)  # never built
            connection.execute(text(
                "INSERT INTO meeting (id, arena_id, founder_user_id, investor_user_id, slot, "
                "table_no, locked, source, value, state, created_at, updated_at) VALUES "
                "(1, 1, 1, 2, 0, 0, false, 'mutual', 0.5, 'scheduled', :now, :now)"),
                {"now": NOW})
        upgrade()
        with db.engine.connect() as connection:
            published = dict(connection.execute(text(
                "SELECT id, schedule_published_at FROM arena ORDER BY id")).all())
        assert published[1] is not None and str(published[1]).startswith("2026-11-30 12:00")
        assert published[2] is None
        downgrade(revision="base")
        db.engine.dispose()
