"""What the arena event's calendar tests share (test_arena_event_sequence.py,
test_arena_event_dtstamp.py): a participant's calendar file as its events, staff logged in
to change the arena, a published meeting moved and then cancelled, and an arena row written
by hand at an older revision and upgraded."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.factories import make_arena, make_meeting, make_participant, make_user


def events(client, auth, who, arena) -> dict[str, icalendar.Event]:
    """The events of `who`'s calendar file of `arena` by UID, read logged in as them."""
    auth.logout()
    auth.login(who.user.email)
    response = client.get(f"/arenas/{arena.id}/agenda.ics")
    assert response.status_code == 200
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(response.data).walk("VEVENT")}


def as_staff(client, auth):
    auth.logout()
    auth.login(make_user("staff", association="asker").email)


def published_meeting():
    """A scheduled arena whose schedule is published, with one meeting (slot 1, table 0):
    (arena, founder, investor, meeting)."""
    arena = make_arena(status="scheduled", schedule_sequence=1,
                       schedule_published_at=datetime.now(UTC))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    return arena, founder, investor, make_meeting(arena, founder, investor, slot=1, table=0)


def move_then_cancel(client, arena, meeting) -> None:
    """Staff move the meeting (to slot 3, table 2), then cancel it."""
    base = f"/staff/arenas/{arena.id}/meetings/{meeting.id}"
    assert client.post(f"{base}/move", data={"slot": "3", "table": "2"}).status_code in (302, 303)
    assert client.post(f"{base}/cancel").status_code == 302


def arena_after_upgrade(database_url: str, revision: str, *, created: str, updated: str,
                       calendar_sequence: int | None = None) -> dict:
    """Arena 1's row once one written by hand at `revision` (scheduled, schedule sequence 5,
    version 7, `calendar_sequence` where given) is upgraded to the newest revision; the
    database is downgraded to empty after."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url})
    with app.app_context():
        upgrade(revision=revision)
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO arena (id, title, description, theme, date, start_time, end_time, "
                "venue, founder_capacity, investor_capacity, slot_minutes, slot_count, breaks, "
                "table_count, good_investors_k, rsvp_deadline, status, schedule_sequence, "
                "created_at, updated_at, version) VALUES (1, 'A', '', 'open', '2026-12-20', "
                "'09:00:00', '11:00:00', '', 4, 4, 15, 8, '[]', 4, 3, :created, 'scheduled', 5, "
                ":created, :updated, 7)"), {"created": created, "updated": updated})
            if calendar_sequence is not None:
                connection.execute(text("UPDATE arena SET calendar_sequence = :n WHERE id = 1"),
                                   {"n": calendar_sequence})
        upgrade()
        with db.engine.connect() as connection:
            row = dict(connection.execute(text("SELECT * FROM arena WHERE id = 1")).mappings()
                       .one())
        downgrade(revision="base")
        db.engine.dispose()
    return row
