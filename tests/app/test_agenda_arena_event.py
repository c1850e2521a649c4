"""The calendar file holds the arena itself, not only the meetings: someone who said yes and
imports it before the schedule is made has the arena's date, time and venue in their
calendar. Before, the file had no event at all until staff built the schedule.

Calendar apps replace or remove an imported event only when it comes again with the same UID
and a higher SEQUENCE, so the arena's event keeps its UID and its SEQUENCE rises when the
arena moves, is cancelled, or the person stops (or starts again) coming; someone who
withdrew may still fetch the file, which then cancels the arena and their meetings."""

from __future__ import annotations

from datetime import date, datetime

import icalendar
import pytest

from app.extensions import db
from app.models import Arena
from app.services.agenda_calendar import arena_uid
from tests.app.test_arena_edit_after_schedule import _form
from tests.factories import make_arena, make_invitation, make_meeting, make_participant, make_user


@pytest.fixture
def inviting(app):
    arena = make_arena(status="inviting", venue="Asker kulturhus", title="Grønn arena")
    return arena, make_participant(arena, "founder")


def calendar_of(client, auth, who, arena, status: int = 200):
    auth.logout()
    auth.login(who.user.email)
    response = client.get(f"/arenas/{arena.id}/agenda.ics")
    assert response.status_code == status
    if status != 200:
        return None
    return icalendar.Calendar.from_ical(response.data)


def arena_event(cal, arena):
    (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]) == arena_uid(arena)]
    return event


def test_an_accepted_participant_has_the_arena_before_the_schedule(client, auth, inviting):
    arena, founder = inviting
    cal = calendar_of(client, auth, founder, arena)
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == arena_uid(arena)
    assert str(event["SUMMARY"]) == "Grønn arena"
    assert str(event["LOCATION"]) == "Asker kulturhus"
    assert str(event["STATUS"]) == "CONFIRMED"
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert isinstance(start, datetime) and event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert (start.date(), start.time(), end.time()) == (arena.date, arena.start_time,
                                                        arena.end_time)
    assert f"/arenas/{arena.id}/agenda" in str(event["DESCRIPTION"])
    assert cal.get_missing_tzids() == set()


def test_the_arena_event_moves_with_the_arena_under_the_same_uid(client, auth, inviting):
    arena, founder = inviting
    before = arena_event(calendar_of(client, auth, founder, arena), arena)
    auth.logout()
    auth.login(make_user("staff", association="asker").email)
    db.session.refresh(arena)
    new_day = date(arena.date.year + 1, 3, 4)
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=_form(
        arena, date=str(new_day), start_time="10:00", end_time="13:00", venue="Bærum kulturhus"))
    assert response.status_code == 302
    after = arena_event(calendar_of(client, auth, founder, arena), arena)
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTART").date() == new_day
    assert (after.decoded("DTSTART").hour, after.decoded("DTEND").hour) == (10, 13)
    assert str(after["LOCATION"]) == "Bærum kulturhus"
    assert str(after["STATUS"]) == "CONFIRMED"


def test_a_cancelled_arena_is_cancelled_in_the_calendar(client, auth, inviting):
    arena, founder = inviting
    before = arena_event(calendar_of(client, auth, founder, arena), arena)
    auth.logout()
    auth.login(make_user("staff", association="asker").email)
    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    assert response.status_code == 302
    assert db.session.get(Arena, arena.id).status == "cancelled"
    after = arena_event(calendar_of(client, auth, founder, arena), arena)
    assert str(after["STATUS"]) == "CANCELLED"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_withdrawing_cancels_the_arena_and_the_meetings_in_ones_own_file(client, auth):
    arena = make_arena(status="scheduled", schedule_sequence=2)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=1, table=0)
    before = {str(e["UID"]): e for e in calendar_of(client, auth, founder, arena).walk("VEVENT")}
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code == 302
    # no longer a participant, yet the file is theirs to fetch: it clears their calendar
    after = {str(e["UID"]): e for e in calendar_of(client, auth, founder, arena).walk("VEVENT")}
    assert set(after) == set(before) and len(after) == 2
    for uid, event in after.items():
        assert str(event["STATUS"]) == "CANCELLED", uid
        assert int(event["SEQUENCE"]) > int(before[uid]["SEQUENCE"]), uid
    # the arena's page offers the file to them
    page = client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert f'href="/arenas/{arena.id}/agenda.ics"' in page
    # the partner still has the arena, without the meeting
    partner = calendar_of(client, auth, investor, arena)
    assert str(arena_event(partner, arena)["STATUS"]) == "CONFIRMED"


def test_a_no_then_a_yes_again_cancels_and_restores_with_rising_sequence(client, auth,
                                                                         inviting):
    arena, founder = inviting
    seen = []
    for answer, status in (("decline", "CANCELLED"), ("accept", "CONFIRMED")):
        seen.append(int(arena_event(calendar_of(client, auth, founder, arena), arena)
                        ["SEQUENCE"]))
        assert client.post(f"/arenas/{arena.id}/answer",
                           data={"answer": answer}).status_code == 302
        event = arena_event(calendar_of(client, auth, founder, arena), arena)
        assert str(event["STATUS"]) == status
        assert int(event["SEQUENCE"]) > seen[-1]


def test_someone_never_invited_to_the_calendar_gets_no_calendar_file(client, auth, inviting):
    arena, _founder = inviting
    person = make_invitation(arena, make_user("investor"), state="declined")
    calendar_of(client, auth, person, arena, status=403)
    page = client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert "agenda.ics" not in page


def test_an_invitee_who_has_not_answered_has_the_arena_as_tentative(client, auth, inviting):
    """The invitation e-mail carries the file; the same file is theirs to fetch again."""
    arena, _founder = inviting
    person = make_invitation(arena, make_user("investor"), state="invited")
    event = arena_event(calendar_of(client, auth, person, arena), arena)
    assert str(event["STATUS"]) == "TENTATIVE"
