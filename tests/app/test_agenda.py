"""Each participant's agenda page and calendar file."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import icalendar
import pytest

from app.extensions import db
from app.models import Arena
from app.services.agenda_calendar import arena_uid
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
    """The meetings' events in the viewer's calendar file (the arena's own event left out)."""
    response = client.get(f"/arenas/{arena.id}/agenda.ics")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    return [e for e in icalendar.Calendar.from_ical(response.data).walk("VEVENT")
            if str(e["uid"]) != arena_uid(arena)]


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


@pytest.mark.parametrize("day,utc_hour", [
    (date(2030, 6, 19), 8),   # summer: CEST, UTC+2
    (date(2030, 1, 16), 9),   # winter: CET, UTC+1
    (date(2030, 3, 31), 8),   # the day the clocks go forward, at 02:00
])
def test_calendar_defines_the_oslo_time_zone_it_uses(client, auth, day, utc_hour):
    arena = make_arena(status="scheduled", date=day, start_time=time(10, 0))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=0, table=0)
    auth.login(founder.user.email)
    data = client.get(f"/arenas/{arena.id}/agenda.ics").data
    cal = icalendar.Calendar.from_ical(data)
    zones = cal.walk("VTIMEZONE")
    assert [str(zone["tzid"]) for zone in zones] == ["Europe/Oslo"]
    assert cal.get_missing_tzids() == set()  # RFC 5545: a VTIMEZONE for every TZID used
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")
    (event,) = [e for e in cal.walk("VEVENT") if str(e["uid"]) != arena_uid(arena)]
    assert event["dtstart"].params["TZID"] == "Europe/Oslo"
    start = event.decoded("dtstart")
    assert (start.hour, start.minute) == (10, 0)
    assert start.astimezone(UTC).hour == utc_hour
    # A client that knows only the file's own VTIMEZONE places the meeting right too.
    own = zones[0].to_tz(lookup_tzid=False)
    local = start.replace(tzinfo=None)
    assert local.replace(tzinfo=own).astimezone(UTC).hour == utc_hour
    end = event.decoded("dtend").replace(tzinfo=None).replace(tzinfo=own)
    assert end.astimezone(UTC).hour == utc_hour and end.astimezone(UTC).minute == 15


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


@pytest.mark.parametrize(("source", "asker", "founder_reads", "investor_reads"), [
    ("mutual", None, "You both asked to meet.", "You both asked to meet."),
    ("one_sided", "founder", "You asked to meet.", "They asked to meet you."),
    ("one_sided", "investor", "They asked to meet you.", "You asked to meet."),
    ("suggestion", None, "Suggested by the organisers.", "Suggested by the organisers."),
])
def test_a_meeting_without_a_stored_score_says_who_wanted_it(client, auth, source, asker,
                                                             founder_reads, investor_reads):
    """Pairs that met before lose their stored score; the reason must not become a
    request nobody made."""
    from app.models import MeetingRequest

    arena = make_arena(status="scheduled")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=1, source=source)
    if asker:
        sender, receiver = (founder, investor) if asker == "founder" else (investor, founder)
        db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=sender.user_id,
                                      to_user_id=receiver.user_id, state="pending"))
        db.session.commit()
    for who, expected in ((founder, founder_reads), (investor, investor_reads)):
        auth.login(who.user.email)
        assert expected in client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
        auth.logout()
