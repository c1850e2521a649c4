"""Autumn's repeated hour as people read it: the night Oslo's clocks go back, 02:00-02:59
happens twice, and every clock time shown in it carries its zone ("02:00 CEST" the first
time, "02:00 CET" the second) on the agenda, the staff schedule, the arrive/leave choices
and the notices; every other time stays a bare "HH:MM"."""

from __future__ import annotations

from datetime import UTC, datetime

from app.arenas.forms import AvailabilityForm
from app.models import Meeting, Notification
from app.models.arena import LOCAL_TZ
from app.services import arena_notices
from app.templating import clock, clock_face
from tests.app.test_arena_dst import AUTUMN, SPRING, night_with_meetings
from tests.factories import make_user


def test_only_a_time_in_the_repeated_hour_carries_its_zone():
    first = datetime(2031, 10, 26, 0, 0, tzinfo=UTC)  # 02:00 summer time
    second = datetime(2031, 10, 26, 1, 0, tzinfo=UTC)  # 02:00 again, winter time
    assert clock_face(first.astimezone(LOCAL_TZ)) == "02:00 CEST"
    assert clock_face(second.astimezone(LOCAL_TZ)) == "02:00 CET"
    assert clock_face(datetime(2031, 10, 26, 2, 0, tzinfo=UTC).astimezone(LOCAL_TZ)) == "03:00"
    assert clock_face(datetime(2031, 7, 1, 12, 0, tzinfo=UTC).astimezone(LOCAL_TZ)) == "14:00"


def test_the_time_filter_adds_the_zone_in_both_languages(app):
    with app.test_request_context():
        assert clock(datetime(2031, 10, 26, 1, 30, tzinfo=UTC)) == "02:30 CET"
        assert clock(datetime(2031, 10, 26, 3, 30, tzinfo=UTC)) == "04:30"
        assert clock(datetime(2031, 12, 1, 13, 5, tzinfo=UTC)) == "14:05"
    with app.test_request_context(headers={"Accept-Language": "nb"}):
        assert clock(datetime(2031, 10, 26, 0, 30, tzinfo=UTC)) == "02:30 CEST"


def test_agenda_page_tells_the_two_runs_of_the_hour_apart(client, auth):
    arena, founder = night_with_meetings(AUTUMN, 5)  # 01:30, 02:00, 02:30, 02:00, 02:30
    auth.login(founder.user.email)
    text = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    for shown in ("01:30–02:00 CEST", "02:00 CEST–02:30 CEST", "02:30 CEST–02:00 CET",
                  "02:00 CET–02:30 CET", "02:30 CET–03:00<"):
        assert shown in text


def test_staff_schedule_tells_the_two_runs_of_the_hour_apart(client, auth):
    arena, _founder = night_with_meetings(AUTUMN, 5)
    auth.login(make_user("staff", association="asker").email)
    text = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert "02:00 CEST" in text and "02:00 CET" in text
    assert "02:30 CEST" in text and "02:30 CET" in text
    assert "01:30 CE" not in text and "01:30" in text


def test_a_night_without_a_repeated_hour_shows_bare_times(client, auth):
    arena, founder = night_with_meetings(SPRING, 5)
    auth.login(founder.user.email)
    text = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert "01:30–03:00<" in text and "CEST" not in text and "CET" not in text


def test_arrive_and_leave_choices_tell_the_two_runs_apart(app):
    arena, _founder = night_with_meetings(AUTUMN, 5)
    with app.test_request_context():
        form = AvailabilityForm(formdata=None).setup(arena)
        arrive = [str(label) for _value, label in form.arrive_slot.choices]
        leave = [str(label) for _value, label in form.leave_slot.choices]
    assert arrive == ["01:30", "02:00 CEST", "02:30 CEST", "02:00 CET", "02:30 CET"]
    assert leave == ["02:00 CEST", "02:30 CEST", "02:00 CET", "02:30 CET", "03:00"]


def test_a_notice_of_a_meeting_in_the_second_run_names_its_zone(app):
    arena, founder = night_with_meetings(AUTUMN, 5)
    staff = make_user("staff", association="asker")
    meeting = Meeting.query.filter_by(arena_id=arena.id, slot=3).one()  # the second 02:00
    with app.test_request_context():
        notes = arena_notices.meeting_cancelled(arena, meeting, staff)
    assert notes and all(isinstance(n, Notification) for n in notes)
    assert all(n.params["time"] == "02:00 CET" for n in notes)
