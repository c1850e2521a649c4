"""Cancelling an arena calls its meetings off in one UPDATE (arena_status
._call_off_every_meeting), and the calendar file sends a called-off meeting only when it was
last written after the schedule was published (agenda.calendar_items): a meeting placed in
the draft days before publishing must come CANCELLED, with a higher SEQUENCE, once the arena
is cancelled, or it stays in its people's calendars."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from app.extensions import db
from app.models import Arena, Meeting
from app.services import schedule_publish
from app.services.agenda_calendar import meeting_uid
from tests.app.arena_calendar import as_staff, events
from tests.factories import make_arena, make_meeting, make_participant, make_user


def test_a_cancelled_arenas_meetings_made_in_the_draft_are_sent_cancelled(client, auth):
    arena = make_arena(status="inviting", schedule_sequence=3,
                       scheduled_at=datetime.now(UTC) - timedelta(days=3))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=1, table=0, published=False)
    db.session.execute(text("UPDATE meeting SET updated_at = :then WHERE id = :id"),
                       {"then": datetime.now(UTC) - timedelta(days=2), "id": meeting.id})
    db.session.commit()
    schedule_publish.publish(make_user("staff", association="asker"),
                             db.session.get(Arena, arena.id))
    before = events(client, auth, founder, arena)[meeting_uid(meeting)]
    assert str(before["STATUS"]) == "CONFIRMED"

    as_staff(client, auth)
    assert client.post(f"/staff/arenas/{arena.id}/status",
                       data={"to": "cancelled"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).state == "cancelled"
    for person in (founder, investor):
        after = events(client, auth, person, arena)[meeting_uid(meeting)]
        assert str(after["STATUS"]) == "CANCELLED"
        assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
        assert after.decoded("DTSTAMP") >= before.decoded("DTSTAMP")
