"""The migration that lets a meeting's value be none clears the scheduler's floor (0.01)
from requested meetings whose pair has no match score, which the meetings export showed as
a weak match; real scores, suggestions and scored requests keep theirs."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.app.test_migrations import empty_database_url, insert_user  # noqa: F401 - fixture

BEFORE = "d2f6a9c4e815"
NOW = "2026-12-01 10:00:00"


def _pitch(connection, pitch_id: int, owner: int) -> None:
    connection.execute(text(
        "INSERT INTO pitch (id, owner_id, title, summary, description, sectors, stage, "
        "green_objectives, support_needs, status, hidden, created_at, updated_at, version) "
        "VALUES (:id, :owner, 'P', '', '', '[]', 'seed', '[]', '[]', 'published', false, "
        ":now, :now, 1)"), {"id": pitch_id, "owner": owner, "now": NOW})


def _meeting(connection, meeting_id: int, founder: int, pitch: int, source: str,
             value: float) -> None:
    connection.execute(text(
        "INSERT INTO meeting (id, arena_id, founder_user_id, investor_user_id, pitch_id, "
        "slot, table_no, locked, source, value, state, created_at, updated_at) VALUES "
        "(:id, 1, :founder, 2, :pitch, :id, 0, false, :source, :value, 'scheduled', :now, "
        ":now)"), {"id": meeting_id, "founder": founder, "pitch": pitch, "source": source,
                   "value": value, "now": NOW})


def test_requested_meetings_without_a_score_lose_the_floor(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            for uid, role in ((1, "founder"), (2, "investor"), (3, "founder")):
                insert_user(connection, uid, role=role, created_at=NOW)
            _pitch(connection, 1, 1)
            _pitch(connection, 2, 3)
            connection.execute(text(
                "INSERT INTO investor_profile (id, user_id, organisation, investor_type, "
                "thesis, sectors, stages, stages_only, regions, green_mandate, "
                "green_objectives, support_offers, funding_types, past_investments, active, "
                "created_at, updated_at, version) VALUES (1, 2, 'O', 'angel', '', '[]', '[]', "
                "false, '[]', 'none', '[]', '[]', '[]', 0, true, :now, :now, 1)"),
                {"now": NOW})
            connection.execute(text(
                "INSERT INTO match_score (id, pitch_id, investor_profile_id, score, "
                "components, shared_terms, reasons, engine_version, computed_at) VALUES "
                "(1, 2, 1, 0.004, '{}', '[]', '[]', 1, :now)"), {"now": NOW})
            connection.execute(text(
                "INSERT INTO arena (id, title, description, theme, date, start_time, "
                "end_time, venue, founder_capacity, investor_capacity, slot_minutes, "
                "slot_count, breaks, table_count, good_investors_k, rsvp_deadline, status, "
                "schedule_sequence, scheduled_at, created_at, updated_at, version) VALUES "
                "(1, 'A', '', 'open', '2026-12-20', '09:00:00', '11:00:00', '', 4, 4, 15, 8, "
                "'[]', 4, 3, :now, 'scheduled', 1, :now, :now, :now, 1)"), {"now": NOW})
            _meeting(connection, 1, 1, 1, "mutual", 0.01)  # asked, no score: the floor
            _meeting(connection, 2, 1, 1, "one_sided", 0.01)  # the same
            _meeting(connection, 3, 3, 2, "mutual", 0.01)  # asked, scored 0.004: floored
            _meeting(connection, 4, 1, 1, "suggestion", 0.01)  # the engine's, scored then
            _meeting(connection, 5, 1, 1, "mutual", 0.4)  # scored when built
        upgrade()
        with db.engine.connect() as connection:
            values = dict(connection.execute(text("SELECT id, value FROM meeting")).all())
        assert values == {1: None, 2: None, 3: 0.01, 4: 0.01, 5: 0.4}
        downgrade(revision=BEFORE)
        with db.engine.connect() as connection:
            values = dict(connection.execute(text("SELECT id, value FROM meeting")).all())
        assert values == {1: 0.01, 2: 0.01, 3: 0.01, 4: 0.01, 5: 0.4}
        db.engine.dispose()
