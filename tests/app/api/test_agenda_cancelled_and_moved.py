"""GET /api/v1/arenas/{id}/agenda says what the agenda page says since 3fa360d: a meeting
staff moved after publishing the schedule says where it was (`moved_from`), and a meeting
they cancelled is listed, apart from the meetings that take place (`cancelled`), until the
arena is over. Before, an app showing a participant's day (an association's own, say) lost a
cancelled meeting without a word and showed a moved one as if it had always been there.
`items` keeps its meaning (the meetings that take place), so existing clients read the same.
"""

from __future__ import annotations

import html
import re

import pytest

from app.extensions import db
from app.models import Arena
from app.services import agenda
from tests.app.api.helpers import bearer
from tests.factories import (
    make_arena,
    make_arena_over,
    make_meeting,
    make_participant,
    make_user,
)


@pytest.fixture
def room():
    """A scheduled arena 30 days ahead (09:00, 15-minute slots): the founder meets `first` at
    09:00 at table 1 and `second` at 09:15 at table 2."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    first, second = make_participant(arena, "investor"), make_participant(arena, "investor")
    early = make_meeting(arena, founder, first, slot=0, table=0)
    later = make_meeting(arena, founder, second, slot=1, table=1)
    return arena, founder, first, second, early, later


def as_staff(client, auth):
    auth.login(make_user("staff", association="asker").email)


def staff_post(client, arena, meeting, action: str, **data):
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/{action}",
                           data=data)
    assert response.status_code == 302


def api_agenda(client, user, arena) -> dict:
    response = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers=bearer(user))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_a_meeting_staff_cancelled_is_listed_apart_not_among_the_meetings(client, auth,
                                                                          room):
    arena, founder, first, _second, early, later = room
    as_staff(client, auth)
    staff_post(client, arena, early, "cancel")
    mine = api_agenda(client, founder.user, arena)
    assert [m["id"] for m in mine["items"]] == [later.id]  # as before: what takes place
    (cancelled,) = mine["cancelled"]
    assert cancelled["id"] == early.id and cancelled["state"] == "cancelled_by_staff"
    assert cancelled["investor"] == first.user.name
    assert cancelled["starts_at"] == arena.slot_start(0).isoformat()
    assert cancelled["table_number"] == 1
    assert mine["reason"] is None
    # the page's struck-through rows, no more, no fewer
    page = {i.meeting.id for i in agenda.page_items(founder.user, arena) if not i.active}
    assert {m["id"] for m in mine["cancelled"]} == page


def test_with_only_a_cancelled_meeting_there_is_none_and_the_reason_says_why(client, auth,
                                                                             room):
    arena, _founder, first, _second, early, _later = room
    as_staff(client, auth)
    staff_post(client, arena, early, "cancel")
    theirs = api_agenda(client, first.user, arena)
    assert theirs["items"] == [] and [m["id"] for m in theirs["cancelled"]] == [early.id]
    assert theirs["reason"]  # the page's sentence: no meeting could be fitted for you


def test_a_moved_meeting_says_where_it_was_in_the_agenda_and_the_schedule(client, auth,
                                                                          room):
    arena, founder, _first, _second, early, later = room
    as_staff(client, auth)
    staff_post(client, arena, early, "move", slot="6", table="3")  # 10:15, table 3
    mine = {m["id"]: m for m in api_agenda(client, founder.user, arena)["items"]}
    assert mine[early.id]["moved_from"] == {
        "starts_at": arena.slot_start(0).isoformat(), "table": 0, "table_number": 1}
    assert mine[early.id]["table_number"] == 3
    assert mine[later.id]["moved_from"] is None
    staff = make_user("staff", association="asker")
    schedule = client.get(f"/api/v1/arenas/{arena.id}/schedule", headers=bearer(staff))
    rows = {m["id"]: m for m in schedule.get_json()["items"]}
    assert rows[early.id]["moved_from"]["table_number"] == 1
    assert rows[later.id]["moved_from"] is None


def test_moved_back_it_has_not_moved(client, auth, room):
    """A guard: the same rule as the page (schedule.note_moved)."""
    arena, founder, _first, _second, early, _later = room
    as_staff(client, auth)
    staff_post(client, arena, early, "move", slot="6", table="3")
    staff_post(client, arena, early, "move", slot="1", table="1")
    (item,) = [m for m in api_agenda(client, founder.user, arena)["items"]
               if m["id"] == early.id]
    assert item["moved_from"] is None


def test_no_cancelled_meeting_once_the_arena_is_over(client):
    """A guard: as on the page, the line is for the day."""
    arena = make_arena_over()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    other = make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=0, table=0, state="cancelled_by_staff")
    make_meeting(arena, founder, other, slot=1, table=0)
    mine = api_agenda(client, founder.user, db.session.get(Arena, arena.id))
    assert mine["cancelled"] == [] and len(mine["items"]) == 1


def test_a_meeting_called_off_because_the_partner_withdrew_is_in_neither(client, auth, room):
    """A guard: only a cancel by the organisers is listed; "cancelled" rows are also what
    a re-run replaced, no meeting anyone had."""
    arena, founder, first, _second, early, later = room
    auth.login(first.user.email)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code in (302, 303)
    mine = api_agenda(client, founder.user, arena)
    assert [m["id"] for m in mine["items"]] == [later.id] and mine["cancelled"] == []


def test_the_description_names_the_new_fields(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    agenda_schema = schemas["Agenda"] if "Agenda" in schemas else schemas["AgendaOut"]
    assert "cancelled" in agenda_schema["properties"]
    assert "cancelled" in agenda_schema["required"]
    meeting = schemas["Meeting"] if "Meeting" in schemas else schemas["MeetingOut"]
    assert "moved_from" in meeting["properties"]


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Your meetings the organisers cancelled after publishing the schedule"),
    ("nb", "Møtene dine som arrangørene avlyste etter at møteplanen ble publisert")])
def test_the_docs_page_explains_them_in_the_readers_language(client, lang, words):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    assert words in page


def test_the_docs_page_types_a_nullable_object_by_its_schema(client):
    """The field table said "object" for `moved_from` (and a match's `pitch`), whose
    description is an anyOf of a schema and null: it names the schema now."""
    page = html.unescape(client.get("/api/v1/docs?lang=en").get_data(as_text=True))
    cells = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert "moved_from * MovedFromOut | null" in cells
    assert "pitch * PitchOut | null" in cells
