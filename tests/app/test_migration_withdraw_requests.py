"""The migration after 5139712 withdraws the meeting requests still pending from or to
someone who had stopped coming before it (no accepted invitation at the arena any more), at
arenas not yet held, as stopping coming does since; nobody is told (no notification rows).
Requests between two people still coming, and at arenas already held, are left as they are."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.app.test_migrations import (
    empty_database_url,  # noqa: F401 - the fixture
    insert_user,
)

BEFORE = "645968fe6029"
NOW = "2026-12-01 10:00:00"
FUTURE, PAST = "2099-12-20", "2000-12-20"


def _arena(connection, arena_id: int, status: str, day: str) -> None:
    connection.execute(text(
        "INSERT INTO arena (id, title, description, theme, date, start_time, end_time, venue, "
        "founder_capacity, investor_capacity, slot_minutes, slot_count, breaks, table_count, "
        "good_investors_k, rsvp_deadline, status, schedule_sequence, created_at, updated_at, "
        "version) VALUES (:id, 'A', '', 'open', :day, '09:00:00', '11:00:00', '', 4, 4, 15, "
        "8, '[]', 4, 3, :now, :status, 0, :now, :now, 1)"),
        {"id": arena_id, "day": day, "status": status, "now": NOW})


def _invitation(connection, arena_id: int, uid: int, side: str, state: str) -> None:
    connection.execute(text(
        "INSERT INTO invitation (arena_id, user_id, side, state, rank, value, reasons, "
        "invited_at, calendar_sequence, created_at, updated_at) VALUES (:arena, :uid, :side, "
        ":state, 0, 0, '{}', :now, 0, :now, :now)"),
        {"arena": arena_id, "uid": uid, "side": side, "state": state, "now": NOW})


def _request(connection, rid: int, arena_id: int, from_uid: int, to_uid: int,
             state: str = "pending") -> None:
    connection.execute(text(
        "INSERT INTO meeting_request (id, arena_id, from_user_id, to_user_id, state, created) "
        "VALUES (:id, :arena, :f, :t, :state, :now)"),
        {"id": rid, "arena": arena_id, "f": from_uid, "t": to_uid, "state": state,
         "now": NOW})


def test_pending_requests_of_those_no_longer_coming_are_withdrawn(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            # 1, 2 founders; 3, 4 investors. 2 and 4 stopped coming (said no after a yes,
            # or were taken off), 1 and 3 still come.
            for uid, role in ((1, "founder"), (2, "founder"), (3, "investor"), (4, "investor")):
                insert_user(connection, uid, role=role, created_at=NOW)
            arenas = {1: ("inviting", FUTURE), 2: ("scheduled", FUTURE),
                      3: ("done", PAST), 4: ("scheduled", PAST)}  # 4: over, never marked
            for arena_id, (status, day) in arenas.items():
                _arena(connection, arena_id, status, day)
                _invitation(connection, arena_id, 1, "founder", "accepted")
                _invitation(connection, arena_id, 2, "founder", "declined")
                _invitation(connection, arena_id, 3, "investor", "accepted")
                _invitation(connection, arena_id, 4, "investor", "cancelled")
            _request(connection, 1, 1, 2, 3)   # from one who stopped coming
            _request(connection, 2, 1, 1, 4)   # to one who stopped coming
            _request(connection, 3, 1, 1, 3)   # both still come
            _request(connection, 4, 2, 3, 2)   # to one who stopped, scheduled arena
            _request(connection, 5, 2, 2, 4, "accepted")  # answered: a record, kept
            _request(connection, 6, 3, 2, 3)   # held (done): its own record
            _request(connection, 7, 4, 1, 4)   # held (over), though not marked done
        upgrade()
        with db.engine.connect() as connection:
            states = dict(connection.execute(text(
                "SELECT id, state FROM meeting_request ORDER BY id")).all())
            told = connection.execute(text("SELECT count(*) FROM notification")).scalar()
        assert states == {1: "withdrawn", 2: "withdrawn", 3: "pending", 4: "withdrawn",
                          5: "accepted", 6: "pending", 7: "pending"}
        assert told == 0  # nobody is notified retroactively
        downgrade(revision="base")
        db.engine.dispose()
