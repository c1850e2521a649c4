"""An arena across a daylight-saving change in Oslo: its slots follow each other in elapsed
time (none in the hour the clocks skip in spring, none sharing an instant in autumn's
repeated hour), the form counts real minutes and refuses a clock time that does not exist,
and the calendar file places every meeting at its own instant.

Oslo's clocks go forward from 02:00 to 03:00 on the last Sunday of March and back from 03:00
to 02:00 on the last Sunday of October. Far enough ahead that the days never pass.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import icalendar
import pytest

from app.extensions import db
from app.models import Arena
from app.services.agenda_calendar import arena_uid
from tests.app.test_arenas_staff import arena_form
from tests.factories import make_arena, make_meeting, make_participant, make_user

SPRING = date(2031, 3, 30)  # the last Sunday of March 2031
AUTUMN = date(2031, 10, 26)  # the last Sunday of October 2031


def instants(arena: Arena) -> list[datetime]:
    return [arena.slot_start(s).astimezone(UTC) for s in range(arena.slot_count)]


def clocks(arena: Arena) -> list[str]:
    return [f"{arena.slot_start(s):%H:%M}" for s in range(arena.slot_count)]


def test_the_test_days_are_the_change_nights():
    for day, hours in ((SPRING, 23), (AUTUMN, 25)):
        arena = Arena(date=day, start_time=time(0, 0), end_time=time(0, 0))
        midnight = arena.starts_at.astimezone(UTC)
        next_midnight = (arena.starts_at + timedelta(days=1)).astimezone(UTC)
        assert next_midnight - midnight == timedelta(hours=hours)


# --- the slot plan --------------------------------------------------------------------------
def test_spring_slots_skip_the_missing_hour_and_keep_their_length():
    arena = Arena(date=SPRING, start_time=time(1, 30), end_time=time(5, 0),
                  slot_minutes=30, slot_count=5, breaks=[])
    assert clocks(arena) == ["01:30", "03:00", "03:30", "04:00", "04:30"]
    steps = [b - a for a, b in zip(instants(arena), instants(arena)[1:], strict=False)]
    assert steps == [timedelta(minutes=30)] * 4
    assert arena.slot_end(4).astimezone(UTC) - arena.slot_start(4).astimezone(UTC) \
        == timedelta(minutes=30)
    assert arena.elapsed_minutes == 150  # 210 clock minutes


def test_autumn_slots_pass_the_repeated_hour_at_distinct_instants():
    arena = Arena(date=AUTUMN, start_time=time(1, 30), end_time=time(4, 0),
                  slot_minutes=30, slot_count=8, breaks=[])
    # 02:00 and 02:30 come twice: first in summer time, then in winter time.
    assert clocks(arena) == ["01:30", "02:00", "02:30", "02:00", "02:30", "03:00", "03:30",
                             "04:00"]
    steps = [b - a for a, b in zip(instants(arena), instants(arena)[1:], strict=False)]
    assert steps == [timedelta(minutes=30)] * 7
    assert arena.elapsed_minutes == 210  # 150 clock minutes


# --- the arena form -------------------------------------------------------------------------
def night(day: date, **overrides) -> dict:
    values = {"date": day.isoformat(), "start_time": "01:30", "end_time": "04:00",
              "slot_minutes": "30", "slot_count": "5", "breaks": "",
              "rsvp_deadline": (day - timedelta(days=7)).isoformat() + "T12:00"}
    values.update(overrides)
    return arena_form(**values)


def error_of(response, field: str) -> str:
    page = response.get_data(as_text=True)
    return page.split(f'id="{field}-error">', 1)[1].split("</div>", 1)[0]


def test_form_counts_the_real_minutes_of_the_spring_night(client, staff):
    # 01:30 to 04:00 shows 150 minutes on the clock, but only 90 pass that night.
    response = client.post("/staff/arenas/new", data=night(SPRING))
    assert response.status_code == 422
    assert "take 150 minutes, but the arena lasts 90 minutes" in error_of(response, "slot_count")
    assert db.session.query(Arena).count() == 0
    response = client.post("/staff/arenas/new", data=night(SPRING, slot_count="3"))
    assert response.status_code == 302
    assert db.session.query(Arena).one().elapsed_minutes == 90


def test_form_counts_the_extra_hour_of_the_autumn_night(client, staff):
    # 7 slots of 30 minutes fit in 01:30 to 04:00 only because 02:00 to 03:00 comes twice.
    response = client.post("/staff/arenas/new", data=night(AUTUMN, slot_count="7"))
    assert response.status_code == 302
    assert db.session.query(Arena).one().elapsed_minutes == 210


@pytest.mark.parametrize(("field", "value"), [
    ("start_time", "02:30"),
    ("end_time", "02:00"),
    ("rsvp_deadline", f"{SPRING.isoformat()}T02:30"),
])
def test_form_refuses_a_clock_time_the_spring_change_skips(client, staff, field, value):
    day = SPRING if field != "rsvp_deadline" else SPRING + timedelta(days=14)
    response = client.post("/staff/arenas/new",
                           data=night(day, slot_count="1", **{field: value}))
    assert response.status_code == 422
    message = error_of(response, field)
    assert "does not exist on March 30, 2031" in message
    assert "clocks go forward an hour that night" in message
    assert db.session.query(Arena).count() == 0


def test_the_refusal_is_in_norwegian_too(client, staff):
    client.post("/language", data={"lang": "nb"})
    response = client.post("/staff/arenas/new",
                           data=night(SPRING, slot_count="1", start_time="02:15"))
    assert response.status_code == 422
    message = error_of(response, "start_time")
    assert "02:15 finnes ikke 30. mars 2031" in message
    assert "klokka stilles fram en time" in message


def test_a_deadline_autumn_shows_twice_is_its_first_occurrence(client, staff):
    # 02:30 comes twice that night; the first is still summer time (UTC+2): 00:30 UTC.
    response = client.post("/staff/arenas/new", data=night(
        AUTUMN + timedelta(days=14), slot_count="1",
        rsvp_deadline=f"{AUTUMN.isoformat()}T02:30"))
    assert response.status_code == 302
    deadline = db.session.query(Arena).one().rsvp_deadline_utc
    assert deadline == datetime(2031, 10, 26, 0, 30, tzinfo=UTC)


# --- what participants see ------------------------------------------------------------------
def night_with_meetings(day: date, count: int):
    """A published schedule: one founder meets a different investor in every slot."""
    arena = make_arena(status="scheduled", date=day, start_time=time(1, 30),
                       end_time=time(5, 0), slot_minutes=30, slot_count=count, breaks=[],
                       table_count=2, investor_capacity=count)
    founder = make_participant(arena, "founder")
    for slot in range(count):
        make_meeting(arena, founder, make_participant(arena, "investor"), slot=slot, table=0)
    return arena, founder


def test_agenda_page_shows_no_time_in_the_skipped_hour(client, auth):
    arena, founder = night_with_meetings(SPRING, 5)
    auth.login(founder.user.email)
    text = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    for shown in ("01:30–03:00", "03:00–03:30", "03:30–04:00", "04:00–04:30", "04:30–05:00"):
        assert shown in text
    assert "02:00" not in text and "02:30" not in text


def test_staff_schedule_shows_no_time_in_the_skipped_hour(client, auth):
    arena, _founder = night_with_meetings(SPRING, 5)
    auth.login(make_user("staff", association="asker").email)
    response = client.get(f"/staff/arenas/{arena.id}/schedule")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "03:00" in text and "02:00" not in text and "02:30" not in text


def calendar(client, arena):
    data = client.get(f"/arenas/{arena.id}/agenda.ics").data
    cal = icalendar.Calendar.from_ical(data)
    meetings = [e for e in cal.walk("VEVENT") if str(e["uid"]) != arena_uid(arena)]
    return cal, meetings


@pytest.mark.parametrize(("day", "count"), [(SPRING, 5), (AUTUMN, 7)])
def test_calendar_puts_every_meeting_at_its_own_instant(client, auth, day, count):
    arena, founder = night_with_meetings(day, count)
    auth.login(founder.user.email)
    cal, meetings = calendar(client, arena)
    starts = sorted(e.decoded("dtstart").astimezone(UTC) for e in meetings)
    ends = sorted(e.decoded("dtend").astimezone(UTC) for e in meetings)
    assert starts == instants(arena)
    assert len(set(starts)) == count  # nobody is in two meetings at once
    assert all(end - start == timedelta(minutes=30)
               for start, end in zip(starts, ends, strict=True))
    # A reader that knows only the file's own VTIMEZONE places them the same.
    [zone] = cal.walk("VTIMEZONE")
    own = zone.to_tz(lookup_tzid=False)
    for event in meetings:
        start = event.decoded("dtstart")
        if "TZID" in event["dtstart"].params:
            start = start.replace(tzinfo=None).replace(tzinfo=own)
        assert start.astimezone(UTC) in starts


@pytest.mark.parametrize(("day", "kind", "onset"), [
    (SPRING, "DAYLIGHT", datetime(2031, 3, 30, 2, 0)),  # 02:00 in UTC+1 = 01:00 UTC
    (AUTUMN, "STANDARD", datetime(2031, 10, 26, 3, 0)),  # 03:00 in UTC+2 = 01:00 UTC
])
def test_calendar_time_zone_gives_the_change_in_the_offset_before_it(client, auth, day, kind,
                                                                       onset):
    # RFC 5545 3.6.5: DTSTART of an observance is the onset read in TZOFFSETFROM.
    arena, founder = night_with_meetings(day, 1)
    auth.login(founder.user.email)
    cal, _meetings = calendar(client, arena)
    [change] = [o for o in cal.walk(kind) if o.TZOFFSETFROM != o.TZOFFSETTO]
    written = change.DTSTART
    assert written == onset
    assert (onset - change.TZOFFSETFROM).replace(tzinfo=UTC) \
        == datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)


def test_an_edit_that_moves_a_meeting_between_the_two_runs_of_the_autumn_hour_tells(
        client, staff):
    # Slot 3 of 30 minutes from 01:30 is the second 02:00 (winter time); with 10-minute slots
    # it is the first (summer time), an hour earlier on the same clock face.
    from tests.app.test_call_off_notices import edit
    from tests.app.test_staff_change_notices import told

    arena = make_arena(status="scheduled", schedule_sequence=1, date=AUTUMN,
                       start_time=time(1, 30), end_time=time(4, 0), slot_minutes=30,
                       slot_count=5, breaks=[])
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=3, table=0)
    before = arena.slot_start(3).astimezone(UTC)
    response = edit(client, arena, start_time="01:30", end_time="04:00", slot_minutes="10",
                    slot_count="5", breaks="")
    assert response.status_code == 302
    db.session.refresh(arena)
    assert arena.slot_start(3).astimezone(UTC) == before - timedelta(hours=1)
    assert {uid: [n.kind for n in mine] for uid, mine in told().items()} == {
        founder.user_id: ["meetings_retimed"], investor.user_id: ["meetings_retimed"]}


# --- has it taken place? --------------------------------------------------------------------
def clock_at(monkeypatch, instant: datetime) -> None:
    """Arena.held reads now as `instant` (aware, any zone)."""
    import app.models.arena as arena_module

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return instant.astimezone(tz)

    monkeypatch.setattr(arena_module, "datetime", Frozen)


@pytest.mark.parametrize(("utc_now", "held"), [
    # 01:15 UTC is the second 02:15 on Oslo clocks (winter time): the arena ended at the
    # first 02:30 (00:30 UTC), 45 minutes before, though 02:15 reads earlier than 02:30
    (datetime(2031, 10, 26, 1, 15, tzinfo=UTC), True),
    (datetime(2031, 10, 26, 0, 15, tzinfo=UTC), False),  # the first 02:15: still on
])
def test_an_arena_ending_in_the_repeated_hour_is_held_by_the_instant(monkeypatch, utc_now,
                                                                     held):
    arena = Arena(date=AUTUMN, start_time=time(1, 0), end_time=time(2, 30), status="scheduled",
                  slot_minutes=30, slot_count=3, breaks=[])
    clock_at(monkeypatch, utc_now)
    assert arena.held is held
