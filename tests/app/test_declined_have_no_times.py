"""Someone who said no, or was taken off the list, is not coming: no times at the arena on the
staff pages, in the answers export or through the API, none for staff to set, and no meetings
(a no after a yes calls them off, so calendars drop them and a later yes does not bring them
back into slots given to others).

The test arena (tests/factories.make_arena): 8 slots of 15 minutes from 09:00, slot 4 a break.
"""

from __future__ import annotations

import csv
import io
import re

import icalendar
import pytest

from app.extensions import db
from app.models import Arena, Meeting
from app.services import agenda_calendar, meeting_changes, rsvp
from app.services import schedule as schedule_service
from tests.app.api.helpers import bearer
from tests.app.arena_times_support import stored
from tests.factories import make_arena, make_meeting, make_participant, make_user

CLOCK = re.compile(r"\d\d:\d\d")


@pytest.fixture
def staff(client, auth):
    user = make_user("staff", association="asker")
    auth.login(user.email)
    client.post("/language", data={"lang": "en"})
    return user


def _people(arena):
    """One who comes from 09:15 to 10:30, one who chose 09:30 and then said no, one whose
    place staff cancelled after they chose a limit."""
    coming = make_participant(arena, "founder", arrive_slot=1, leave_slot=6)
    declined = make_participant(arena, "founder", state="declined", arrive_slot=2)
    cancelled = make_participant(arena, "investor", state="cancelled", meeting_cap=2)
    return coming, declined, cancelled


def _times_cell(page: str, invitation) -> str:
    found = re.search(rf'id="times-{invitation.id}">(.*?)</td>', page, re.S)
    assert found, invitation
    return found.group(1)


def test_the_invitations_page_shows_times_only_for_those_coming(client, staff):
    arena = make_arena()
    coming, declined, cancelled = _people(arena)
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert "09:15–10:30" in _times_cell(page, coming)
    for gone in (declined, cancelled):
        cell = _times_cell(page, gone)
        assert not CLOCK.search(cell) and "meeting" not in cell
        assert '<span class="visually-hidden">None</span>' in cell
        assert f"/invitations/{gone.id}/times" not in cell


def test_staff_cannot_set_times_for_someone_not_coming(client, staff):
    arena = make_arena()
    _coming, declined, cancelled = _people(arena)
    url = f"/staff/arenas/{arena.id}/invitations/{declined.id}/times"
    page = client.get(url).get_data(as_text=True)
    name = declined.user.name
    assert f"{name} declined the invitation, so there are no times to set." in page
    assert 'name="arrive_slot"' not in page and 'id="current-window"' not in page
    response = client.post(url, data={"arrive_slot": "0", "leave_slot": "3"})
    assert response.status_code == 422
    assert "no times to set" in response.get_data(as_text=True)
    assert stored(declined.id) == (2, None, None)
    # the same rule through the API, for a place staff cancelled
    api = f"/api/v1/arenas/{arena.id}/invitations/{cancelled.id}/times"
    headers = bearer(make_user("staff", association="asker"))
    assert client.get(api, headers=headers).get_json()["editable"] is False
    refused = client.put(api, headers=headers,
                         json={"arrive": "09:00", "leave": "10:00", "meeting_cap": None})
    assert refused.status_code == 422
    assert refused.get_json()["error"]["message"] == (
        f"The invitation of {cancelled.user.name} is cancelled, so there are no times to set.")
    assert stored(cancelled.id) == (None, None, 2)


def test_the_answers_export_has_no_times_for_those_not_coming(client, staff):
    arena = make_arena()
    coming, declined, _cancelled = _people(arena)
    response = client.get(f"/staff/arenas/{arena.id}/export/answers.csv")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    times = {row["Name"]: (row["Arrives in slot"], row["Leaves before slot"]) for row in rows}
    assert times[coming.user.name] == ("2", "7")  # 1-based: leaves before slot 7
    assert times[declined.user.name] == ("", "")


def _calendar_events(user, arena) -> list[tuple[str, str]]:
    """(SEQUENCE, STATUS) of the meetings in the person's calendar file."""
    events = icalendar.Calendar.from_ical(agenda_calendar.calendar(user, arena)).walk("VEVENT")
    return [(str(e["SEQUENCE"]), str(e["STATUS"])) for e in events
            if str(e["UID"]) != agenda_calendar.arena_uid(arena)]


def test_a_no_after_a_yes_calls_off_the_meetings(app):
    arena = make_arena(status="scheduled", schedule_sequence=3)
    changed_mind = make_participant(arena, "founder")
    other = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    first = make_meeting(arena, changed_mind, investor, slot=0, table=0, locked=True)
    second = make_meeting(arena, other, investor, slot=1, table=1)
    rsvp.answer(changed_mind.id, accept=False)
    db.session.expire_all()
    assert db.session.get(Meeting, first.id).state == "cancelled"
    assert db.session.get(Meeting, first.id).locked is False
    arena = db.session.get(Arena, arena.id)
    assert arena.schedule_sequence == 4
    # the partner's calendar file says so with a higher SEQUENCE, which calendar apps heed
    assert sorted(_calendar_events(investor.user, arena)) == [("4", "CANCELLED"),
                                                             ("4", "CONFIRMED")]
    # staff give the freed slot to another meeting; a yes again brings nothing back into it
    staff = make_user("staff", association="asker")
    meeting_changes.move(staff, arena, second.id, 0, 1)
    rsvp.answer(changed_mind.id, accept=True)
    db.session.expire_all()
    active = schedule_service.meetings(db.session.get(Arena, arena.id))
    assert [(m.founder_user_id, m.slot) for m in active] == [(other.user_id, 0)]


def test_taking_an_accepted_person_off_the_list_calls_off_their_meetings(client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    meeting = make_meeting(arena, founder, make_participant(arena, "investor"))
    response = client.post(f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).state == "cancelled"
    assert db.session.get(Arena, arena.id).schedule_sequence == 2
