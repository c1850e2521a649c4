"""Each participant's agenda page and calendar file."""

from __future__ import annotations

from datetime import datetime

import icalendar
import pytest

from app.extensions import db
from app.models import Arena
from tests.factories import make_arena, make_meeting, make_participant, make_score, make_user


@pytest.fixture
def setup(app):
    arena = make_arena(status="scheduled", venue="Asker kulturhus")
    founder = make_participant(arena, "founder")
    one, two = make_participant(arena, "investor"), make_participant(arena, "investor")
    make_score(founder, one, 0.8)
    first = make_meeting(arena, founder, one, slot=2, table=1)
    second = make_meeting(arena, founder, two, slot=5, table=3)  # after the break in slot 4
    return arena, founder, one, two, first, second


def events(client, arena) -> list:
    response = client.get(f"/arenas/{arena.id}/agenda.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.data).walk("VEVENT")


def test_agenda_shows_time_table_partner_and_why(client, auth, setup):
    arena, founder, one, two, _first, _second = setup
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda")
    assert page.status_code == 200
    text = page.data.decode()
    assert "09:30–09:45" in text and "10:15–10:30" in text  # slot × 15 min, breaks count
    assert "Table 2" in text and "Table 4" in text
    assert one.user.name in text and two.user.name in text
    assert "solenergi" in text  # why they match
    assert text.index(one.user.name) < text.index(two.user.name)


def test_agenda_before_the_schedule(client, auth):
    arena = make_arena()
    founder = make_participant(arena, "founder")
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda")
    assert page.status_code == 200 and b'id="meeting-' not in page.data


def test_calendar_has_one_event_per_meeting_in_oslo_time(client, auth, setup):
    arena, founder, one, _two, first, _second = setup
    auth.login(founder.user.email)
    found = events(client, arena)
    assert len(found) == 2
    start = found[0].decoded("dtstart")
    assert isinstance(start, datetime) and str(start.tzinfo) in ("Europe/Oslo", "CEST", "CET")
    assert start.hour == 9 and start.minute == 30
    assert one.user.name in str(found[0]["summary"])
    assert "table 2" in str(found[0]["location"]).lower()
    assert len({str(e["uid"]) for e in found}) == 2


def test_sequence_increases_and_uid_stays_after_a_change(client, auth, setup):
    arena, founder, _one, _two, first, _second = setup
    staff = make_user("staff", association="asker")
    auth.login(founder.user.email)
    before = {str(e["uid"]): e for e in events(client, arena)}
    auth.logout()
    auth.login(staff.email)
    assert client.post(f"/staff/arenas/{arena.id}/meetings/{first.id}/move",
                       data={"slot": "1", "table": "1"}).status_code == 302
    auth.logout()
    auth.login(founder.user.email)
    after = {str(e["uid"]): e for e in events(client, arena)}
    assert set(after) == set(before)
    for uid in after:
        assert int(after[uid]["sequence"]) > int(before[uid]["sequence"])
        assert after[uid].decoded("dtstamp") >= before[uid].decoded("dtstamp")
    moved = [e for e in after.values() if e.decoded("dtstart").hour == 9
             and e.decoded("dtstart").minute == 0]
    assert len(moved) == 1


def test_partner_who_withdraws_shows_as_cancelled(client, auth, setup):
    arena, founder, one, _two, _first, _second = setup
    auth.login(one.user.email)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code == 302
    auth.logout()
    auth.login(founder.user.email)
    found = events(client, arena)
    statuses = sorted(str(e["status"]) for e in found)
    assert statuses == ["CANCELLED", "CONFIRMED"]
    assert db.session.get(Arena, arena.id).schedule_sequence == 1
    page = client.get(f"/arenas/{arena.id}/agenda")
    assert one.user.name.encode() not in page.data
