"""Cancelling a scheduled arena calls its meetings off everywhere: the participants'
calendar files send every meeting as CANCELLED with a higher SEQUENCE (calendar apps ignore
an event sent again unchanged), and the agenda page says the arena is cancelled. Before, the
file still said CONFIRMED with the same SEQUENCE, so the meetings stayed in people's
calendars, and the page said the schedule was "not ready yet"."""

from __future__ import annotations

import icalendar
import pytest

from app.extensions import db
from app.models import Arena, Meeting
from app.services.agenda_calendar import arena_uid
from tests.factories import make_arena, make_meeting, make_participant, make_user


@pytest.fixture
def cancelled(client, auth):
    arena = make_arena(status="scheduled", schedule_sequence=3)
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=1, table=0)
    auth.login(make_user("staff", association="asker").email)
    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    assert response.status_code == 302
    auth.logout()
    auth.login(founder.user.email)
    return arena, meeting


def test_the_calendar_file_cancels_the_meetings(client, cancelled):
    arena, meeting = cancelled
    data = client.get(f"/arenas/{arena.id}/agenda.ics").data
    (event,) = [e for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
                if str(e["UID"]) != arena_uid(arena)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) > 3
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).state == "cancelled"
    assert db.session.get(Arena, arena.id).status == "cancelled"


def test_the_agenda_page_says_the_arena_is_cancelled(client, cancelled):
    arena, _meeting = cancelled
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert "This arena is cancelled." in page
    assert "The schedule is not ready yet" not in page
    assert 'id="meeting-' not in page
