"""A calendar file cancels only meetings it could have carried: those of the published
schedule that were called off since. It sent every meeting row of the person as an event,
so a meeting of the draft that a re-run replaced, or that staff cancelled in the draft,
came as a CANCELLED event of a meeting the person never had: some calendar apps show those
struck through ("Cancelled: Meeting with Kari Nordmann"), and the person asked what it was.
Meetings called off after publishing still come cancelled, with the same SEQUENCE and
DTSTAMP as before (tests/app/test_arena_event_sequence.py, test_arena_event_dtstamp.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app.extensions import db
from app.models import Arena, Meeting
from app.services import schedule_publish
from app.services.agenda_calendar import meeting_uid
from tests.app.arena_calendar import as_staff, events
from tests.factories import make_arena, make_meeting, make_participant, make_user


def _days_ago(meeting: Meeting, days: int) -> None:
    """As if the row was last written `days` ago (while the schedule was a draft)."""
    db.session.execute(text("UPDATE meeting SET updated_at = :then WHERE id = :id"),
                       {"then": datetime.now(UTC) - timedelta(days=days), "id": meeting.id})
    db.session.commit()


@pytest.fixture
def drafted():
    """An arena whose draft the organisers built, re-ran and edited before publishing: the
    founder's meeting with `replaced` the re-run left out, the one with `struck` staff
    cancelled, and the one with `kept` is what was published."""
    arena = make_arena(status="inviting", schedule_sequence=3,
                       scheduled_at=datetime.now(UTC) - timedelta(days=1))
    founder = make_participant(arena, "founder")
    replaced, struck, kept = (make_participant(arena, "investor") for _ in range(3))
    gone = make_meeting(arena, founder, replaced, slot=0, table=0, published=False,
                        state="cancelled")
    cancelled = make_meeting(arena, founder, struck, slot=1, table=0, published=False,
                             state="cancelled_by_staff")
    meeting = make_meeting(arena, founder, kept, slot=2, table=0, published=False)
    for row in (gone, cancelled, meeting):
        _days_ago(row, 2)
    schedule_publish.publish(make_user("staff", association="asker"),
                             db.session.get(Arena, arena.id))
    db.session.expire_all()
    return db.session.get(Arena, arena.id), founder, gone, cancelled, meeting


def test_a_drafts_meetings_are_not_sent_cancelled(client, auth, drafted):
    arena, founder, gone, cancelled, meeting = drafted
    mine = events(client, auth, founder, arena)
    assert meeting_uid(gone) not in mine
    assert meeting_uid(cancelled) not in mine
    assert str(mine[meeting_uid(meeting)]["STATUS"]) == "CONFIRMED"
    assert all(str(e["STATUS"]) != "CANCELLED" for e in mine.values())


def test_the_partners_file_leaves_them_out_too(client, auth, drafted):
    arena, _founder, gone, cancelled, _meeting = drafted
    for row in (gone, cancelled):
        partner = next(i for i in arena.invitations if i.user_id == row.investor_user_id)
        assert meeting_uid(row) not in events(client, auth, partner, arena)


def test_a_meeting_called_off_after_publishing_is_sent_cancelled(client, auth, drafted):
    """A guard: its people had it in their calendar; the SEQUENCE rises and the DTSTAMP
    moves with the schedule, as before."""
    arena, founder, _gone, _cancelled, meeting = drafted
    before = events(client, auth, founder, arena)[meeting_uid(meeting)]
    partner = next(i for i in arena.invitations if i.user_id == meeting.investor_user_id)
    auth.logout()
    auth.login(partner.user.email)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code in (302, 303)
    after = events(client, auth, founder, arena)[meeting_uid(meeting)]
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTAMP") >= before.decoded("DTSTAMP")  # to the second


def test_a_meeting_staff_cancel_after_publishing_is_sent_cancelled(client, auth, drafted):
    """A guard."""
    arena, founder, _gone, _cancelled, meeting = drafted
    as_staff(client, auth)
    assert client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/cancel"
                       ).status_code == 302
    assert str(events(client, auth, founder, arena)[meeting_uid(meeting)]["STATUS"]) \
        == "CANCELLED"
