"""Editing an arena after its schedule is made: a meeting the new plan has no room for (its
table is gone, its slot became a break or no longer exists, its people's cap went down) is
called off, staff are told how many, and the calendar files change their SEQUENCE. Before, a
scheduled arena cut from 4 tables to 2 dropped the meetings at tables 3 and 4 from the staff's
per-table view while the participants' agendas still sent them to table 3, and a meeting in a
slot made a break stayed on everyone's agenda at that time."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Arena, Meeting
from tests.app.test_arenas_staff import arena_form
from tests.factories import make_arena, make_meeting, make_participant


def _form(arena: Arena, **overrides) -> dict:
    deadline = arena.rsvp_deadline_utc.strftime("%Y-%m-%dT%H:%M")
    values = {"version": str(arena.version), "date": str(arena.date),
              "rsvp_deadline": deadline, "slot_count": "8", "breaks": "5",
              "table_count": "4", "founder_capacity": "4", "investor_capacity": "4"}
    values.update(overrides)
    return arena_form(**values)


def _states(*meetings: Meeting) -> list[str]:
    db.session.expire_all()
    return [db.session.get(Meeting, m.id).state for m in meetings]


@pytest.fixture
def scheduled():
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founders = [make_participant(arena, "founder") for _ in range(3)]
    investors = [make_participant(arena, "investor") for _ in range(3)]
    kept = make_meeting(arena, founders[0], investors[0], slot=0, table=0)
    at_table_4 = make_meeting(arena, founders[1], investors[1], slot=0, table=3)
    in_slot_2 = make_meeting(arena, founders[2], investors[2], slot=1, table=1)
    return arena, kept, at_table_4, in_slot_2


def test_meetings_the_new_plan_has_no_room_for_are_called_off(client, staff, scheduled):
    arena, kept, at_table_4, in_slot_2 = scheduled
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, table_count="2", breaks="2, 5",
                                      call_off="2"))  # test_arena_edit_asks_before_calling_off
    assert response.status_code == 302
    assert _states(kept, at_table_4, in_slot_2) == ["scheduled", "cancelled", "cancelled"]
    assert db.session.get(Arena, arena.id).schedule_sequence > 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "2 meetings no longer fit the arena&#39;s plan and were called off" in page


def test_an_edit_that_keeps_every_meeting_says_nothing_about_them(client, staff, scheduled):
    arena, kept, at_table_4, in_slot_2 = scheduled
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, venue="Bærum kulturhus", start_time="10:00",
                                      end_time="13:00"))
    assert response.status_code == 302
    assert _states(kept, at_table_4, in_slot_2) == ["scheduled"] * 3
    # the meetings' times and place changed: calendar apps must take the new version
    assert db.session.get(Arena, arena.id).schedule_sequence > 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "no longer fit" not in page


def test_a_refused_edit_calls_nothing_off(client, staff, scheduled):
    arena, kept, at_table_4, in_slot_2 = scheduled
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, table_count="2", end_time="08:00"))
    assert response.status_code == 422
    assert _states(kept, at_table_4, in_slot_2) == ["scheduled"] * 3
    assert db.session.get(Arena, arena.id).table_count == 4
