"""The arena's own event in the calendar file gets a higher SEQUENCE only when what it says
changes (its time, venue, title, or a cancellation). Its SEQUENCE was the arena row's
version, which every schedule change raises too (a move, a cancelled meeting, a re-run all
write schedule_sequence), so each of them made calendar apps show the arena as "updated"
when nothing about it had changed. Its UID stays the same throughout."""

from __future__ import annotations

from app.extensions import db
from app.services.agenda_calendar import arena_uid
from tests.app.arena_calendar import (
    arena_after_upgrade,
    as_staff,
    events,
    move_then_cancel,
    published_meeting,
)
from tests.app.test_arena_edit_after_schedule import _form
from tests.app.test_migrations import empty_database_url  # noqa: F401 - the fixture
from tests.factories import make_arena, make_participant


def test_schedule_changes_leave_the_arena_event_as_it_was(app, client, auth):
    arena, founder, _investor, meeting = published_meeting()
    before = events(client, auth, founder, arena)
    (meeting_uid,) = set(before) - {arena_uid(arena)}
    as_staff(client, auth)
    move_then_cancel(client, arena, meeting)
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
    now = "2026-12-01 10:00:00"
    row = arena_after_upgrade(empty_database_url, "e8c4a1f6b2d9", created=now, updated=now)
    assert row["calendar_sequence"] == 7
