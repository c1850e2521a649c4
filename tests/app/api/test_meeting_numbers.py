"""Slots and tables in /api/v1: the meeting the pages and the CSV call "Slot 2, Table 1"
was answered as "slot": 1, "table": 0, and nothing said from which number they count. v1
keeps its 0-based fields (changing them would break callers), says so on each, and adds the
1-based numbers people read."""

from __future__ import annotations

from app.services import arena_exports
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_meeting, make_participant, make_user

ZERO_BASED_FIELDS = {("MeetingOut", "slot"), ("MeetingOut", "table"),
                     ("TimesOut", "arrive_slot"), ("TimesOut", "leave_slot"),
                     ("TimesResult", "arrive_slot"), ("TimesResult", "leave_slot")}


def test_the_agenda_answers_both_counts_for_the_same_meeting(client):
    arena = make_arena()
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_meeting(arena, founder, investor, slot=1, table=0)

    [meeting] = client.get(f"/api/v1/arenas/{arena.id}/agenda",
                           headers=bearer(founder.user)).get_json()["items"]
    assert (meeting["slot"], meeting["table"]) == (1, 0)  # v1 as it was
    assert (meeting["slot_number"], meeting["table_number"]) == (2, 1)
    # what the staff's CSV export calls the same meeting
    [row] = arena_exports.meeting_rows(arena)[1]
    assert (row[0], row[2]) == (meeting["slot_number"], meeting["table_number"])
    staff = make_user("staff", association="asker")
    schedule = client.get(f"/api/v1/arenas/{arena.id}/schedule",
                          headers=bearer(staff)).get_json()["items"]
    assert [(m["slot_number"], m["table_number"]) for m in schedule] == [(2, 1)]


def test_every_slot_and_table_field_says_where_it_counts_from(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    schemas = spec["components"]["schemas"]
    for schema, field in ZERO_BASED_FIELDS:
        assert "counted from 0" in schemas[schema]["properties"][field]["description"].lower(), (
            schema, field)
    for field in ("slot_number", "table_number"):
        prop = schemas["MeetingOut"]["properties"][field]
        assert prop["type"] == "integer" and "counted from 1" in prop["description"]
        assert field in schemas["MeetingOut"]["required"]
    description = spec["info"]["description"]
    assert "counted from 0" in description and "`slot_number` and `table_number` count from 1" \
        in description
