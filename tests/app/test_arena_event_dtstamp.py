"""The arena's own event in the calendar file keeps its DTSTAMP while it does not change. Its
SEQUENCE has held still through schedule changes since 86cf12e, but its DTSTAMP came from
the arena row's updated_at, which every move, cancelled meeting, re-run or publication
moves, and some calendar apps take a new DTSTAMP for a new revision of the event. It now
comes from Arena.calendar_changed_at, set when calendar_sequence rises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

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


def _an_hour_ago(arena, *invitations) -> None:
    """As if the arena and its invitations were last written an hour ago: a stamp taken
    now then differs from theirs."""
    then = datetime.now(UTC) - timedelta(hours=1)
    db.session.execute(text("UPDATE arena SET updated_at = :then, calendar_changed_at = :then "
                            "WHERE id = :id"), {"then": then, "id": arena.id})
    for invitation in invitations:
        db.session.execute(text("UPDATE invitation SET updated_at = :then, "
                                "calendar_changed_at = :then WHERE id = :id"),
                           {"then": then, "id": invitation.id})
    db.session.commit()
    db.session.expire_all()


def _stamp_and_sequence(event) -> tuple[datetime, int]:
    return event.decoded("DTSTAMP"), int(event["SEQUENCE"])


def test_a_schedule_move_leaves_the_arena_event_stamp_as_it_was(app, client, auth):
    arena, founder, investor, meeting = published_meeting()
    _an_hour_ago(arena, founder, investor)
    uid = arena_uid(arena)
    before = _stamp_and_sequence(events(client, auth, founder, arena)[uid])
    as_staff(client, auth)
    move_then_cancel(client, arena, meeting)
    db.session.expire_all()
    written = db.session.get(type(arena), arena.id).updated_at
    written = written if written.tzinfo else written.replace(tzinfo=UTC)  # SQLite: naive
    assert written > before[0] + timedelta(minutes=30)  # the row was written
    assert _stamp_and_sequence(events(client, auth, founder, arena)[uid]) == before


def test_a_title_change_moves_the_stamp_and_the_sequence(app, client, auth):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    _an_hour_ago(arena, founder)
    uid = arena_uid(arena)
    stamp, sequence = _stamp_and_sequence(events(client, auth, founder, arena)[uid])
    as_staff(client, auth)
    db.session.refresh(arena)
    sent = _form(arena, title="Grønn kapital", description=arena.description)
    assert client.post(f"/staff/arenas/{arena.id}/edit", data=sent).status_code == 302
    after = events(client, auth, founder, arena)[uid]
    assert str(after["SUMMARY"]) == "Grønn kapital"
    assert after.decoded("DTSTAMP") > stamp + timedelta(minutes=30)
    assert int(after["SEQUENCE"]) == sequence + 1


def test_the_migration_starts_from_the_stamp_files_were_sent_with(
        empty_database_url):  # noqa: F811
    """The row's updated_at, which the files' DTSTAMP was: the next file shows the
    unchanged event as it was."""
    stamp = arena_after_upgrade(empty_database_url, "b7e2d4c9a1f3", created="2026-11-01 10:00:00",
                                updated="2026-12-01 10:00:00",
                                calendar_sequence=7)["calendar_changed_at"]
    if isinstance(stamp, str):  # SQLite
        stamp = datetime.fromisoformat(stamp)
    assert stamp.replace(tzinfo=None) == datetime(2026, 12, 1, 10, 0)
