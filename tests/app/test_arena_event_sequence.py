"""The arena's own event in the calendar file gets a higher SEQUENCE only when what it says
changes (its time, venue, title, or a cancellation). Its SEQUENCE was the arena row's
version, which every schedule change raises too (a move, a cancelled meeting, a re-run all
write schedule_sequence), so each of them made calendar apps show the arena as "updated"
when nothing about it had changed. Its UID stays the same throughout."""

from __future__ import annotations

from datetime import UTC, datetime

import icalendar
from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from app.services.agenda import arena_uid
from tests.app.test_arena_edit_after_schedule import _form
from tests.app.test_migrations import empty_database_url  # noqa: F401 - the fixture
from tests.factories import make_arena, make_meeting, make_participant, make_user


def events(client, auth, who, arena) -> dict[str, icalendar.Event]:
    auth.logout()
    auth.login(who.user.email)
    response = client.get(f"/arenas/{arena.id}/agenda.ics")
    assert response.status_code == 200
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(response.data).walk("VEVENT")}


def as_staff(client, auth):
    auth.logout()
    auth.login(make_user("staff", association="asker").email)


def test_schedule_changes_leave_the_arena_event_as_it_was(app, client, auth):
    arena = make_arena(status="scheduled", schedule_sequence=1,
                       schedule_published_at=datetime.now(UTC))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=1, table=0)
    before = events(client, auth, founder, arena)
    (meeting_uid,) = set(before) - {arena_uid(arena)}
    as_staff(client, auth)
    base = f"/staff/arenas/{arena.id}/meetings/{meeting.id}"
    assert client.post(f"{base}/move", data={"slot": "3", "table": "2"}).status_code in (302, 303)
    assert client.post(f"{base}/cancel").status_code == 302
    after = events(client, auth, founder, arena)
    assert set(after) == set(before)  # the same UIDs
    assert int(after[arena_uid(arena)]["SEQUENCE"]) == int(before[arena_uid(arena)]["SEQUENCE"])
    # the meeting's own event does change, and says so
    assert int(after[meeting_uid]["SEQUENCE"]) > int(before[meeting_uid]["SEQUENCE"])
    assert str(after[meeting_uid]["STATUS"]) == "CANCELLED"


def test_only_an_edit_of_what_the_event_says_raises_it(app, client, auth):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    uid = arena_uid(arena)
    first = int(events(client, auth, founder, arena)[uid]["SEQUENCE"])
    as_staff(client, auth)
    same = {"title": arena.title, "description": arena.description}
    # more tables: nothing the arena's event says
    assert client.post(f"/staff/arenas/{arena.id}/edit",
                       data=_form(arena, **same, table_count="6")).status_code == 302
    assert int(events(client, auth, founder, arena)[uid]["SEQUENCE"]) == first
    as_staff(client, auth)
    db.session.refresh(arena)
    assert client.post(f"/staff/arenas/{arena.id}/edit", data=_form(
        arena, **{**same, "title": "Grønn kapital"}, table_count="6")).status_code == 302
    event = events(client, auth, founder, arena)[uid]
    assert str(event["SUMMARY"]) == "Grønn kapital"
    assert int(event["SEQUENCE"]) == first + 1


def test_the_migration_starts_from_the_sequence_files_were_sent_with(
        empty_database_url):  # noqa: F811
    """A calendar ignores an event whose SEQUENCE is lower than the one it holds: the count
    starts from the version the arena's event was last sent with."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision="e8c4a1f6b2d9")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO arena (id, title, description, theme, date, start_time, end_time, "
                "venue, founder_capacity, investor_capacity, slot_minutes, slot_count, breaks, "
                "table_count, good_investors_k, rsvp_deadline, status, schedule_sequence, "
                "created_at, updated_at, version) VALUES (1, 'A', '', 'open', '2026-12-20', "
                "'09:00:00', '11:00:00', '', 4, 4, 15, 8, '[]', 4, 3, :now, 'scheduled', 5, "
                ":now, :now, 7)"), {"now": "2026-12-01 10:00:00"})
        upgrade()
        with db.engine.connect() as connection:
            assert connection.execute(text(
                "SELECT calendar_sequence FROM arena WHERE id = 1")).scalar() == 7
        downgrade(revision="base")
        db.engine.dispose()
