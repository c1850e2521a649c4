"""The staff schedule page shows a part of a big schedule: one slot at every table, one
table, or one person's meetings, each with the same Move, Lock and Cancel; the whole
schedule is a choice. At 300 people and 12 slots (1,800 meetings) the whole page was 3.6 MB
and took a browser seconds to draw. A change comes back to the part it was made in (or to
the slot the meeting moved to), and an address naming a slot, table or person the schedule
lacks says so and shows the page's own choice."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.services import schedule_view
from tests.factories import make_arena, make_meeting, make_participant

pytestmark = pytest.mark.usefixtures("staff")


@pytest.fixture
def staff_lang():
    return "en"


@pytest.fixture
def big(app, monkeypatch):
    """Six meetings in three slots at two tables, counted as a big schedule: the page opens
    at a part of it (WHOLE_UP_TO lowered for the test, instead of 401 meetings)."""
    monkeypatch.setattr(schedule_view, "WHOLE_UP_TO", 5)
    arena = make_arena(slot_count=3, breaks=[], table_count=2, status="scheduled")
    founders = [make_participant(arena, "founder") for _ in range(2)]
    investors = [make_participant(arena, "investor") for _ in range(3)]
    meetings = {}
    for slot in range(3):
        for table in range(2):
            meetings[slot, table] = make_meeting(arena, founders[table],
                                                 investors[(slot + table) % 3],
                                                 slot=slot, table=table)
    return arena, founders, investors, meetings


def _rows(page: str) -> set[int]:
    return {int(n) for n in re.findall(r'<tr id="meeting-(\d+)"', page)}


def _page(client, arena, query: str = "") -> str:
    response = client.get(f"/staff/arenas/{arena.id}/schedule{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _ids(meetings, keys) -> set[int]:
    return {meetings[k].id for k in keys}


def test_a_big_schedule_opens_at_one_slot_with_the_others_a_click_away(client, big):
    arena, _founders, _investors, meetings = big
    page = _page(client, arena)
    # the arena is 30 days ahead: its first slot, at both tables
    assert _rows(page) == _ids(meetings, [(0, 0), (0, 1)])
    assert "Slot 1 at 09:00, every table" in page
    assert 'id="people-index-nav"' not in page and "Per person" not in page
    for slot in (1, 2, 3):
        assert f"/staff/arenas/{arena.id}/schedule?slot={slot}" in page
    assert f'href="/staff/arenas/{arena.id}/schedule?all=1"' in page
    assert "The whole schedule: 6 meetings, per table and per person" in page


@pytest.mark.parametrize(("query", "keys"), [
    ("?slot=2", [(1, 0), (1, 1)]),
    ("?table=2", [(0, 1), (1, 1), (2, 1)]),
    ("?all=1", [(s, t) for s in range(3) for t in range(2)]),
])
def test_each_part_shows_its_meetings_with_their_buttons(client, big, query, keys):
    arena, _founders, _investors, meetings = big
    page = _page(client, arena, query)
    assert _rows(page) == _ids(meetings, keys)
    for key in keys:  # Move and Cancel on every row shown, and the forms keep the part
        m = meetings[key]
        assert f'action="/staff/arenas/{arena.id}/meetings/{m.id}/move{query}"' in page
        assert f'/staff/arenas/{arena.id}/meetings/{m.id}/cancel{query}"' in page


def test_one_persons_meetings(client, big):
    arena, founders, _investors, meetings = big
    person = founders[1].user_id
    page = _page(client, arena, f"?person={person}")
    assert _rows(page) == _ids(meetings, [(0, 1), (1, 1), (2, 1)])
    assert f'<h2 class="h3" id="person-{person}">' in page
    assert f'<option value="{person}" selected>' in page


def test_a_small_schedule_still_opens_whole(client, big, monkeypatch):
    monkeypatch.setattr(schedule_view, "WHOLE_UP_TO", 400)
    arena, _founders, _investors, meetings = big
    page = _page(client, arena)
    assert _rows(page) == {m.id for m in meetings.values()}
    assert "Per person" in page


@pytest.mark.parametrize(("query", "said"), [
    ("?slot=9", "There is no meeting slot 9 in this schedule: choose one of its times below."),
    ("?slot=x", "There is no meeting slot x in this schedule: choose one of its times below."),
    ("?table=3", "There is no table 3 in this schedule; its tables are 1 to 2."),
    ("?person=999999", "That person is not among those coming to this arena."),
])
def test_a_part_the_schedule_lacks_is_named_and_the_first_slot_shown(client, big, query,
                                                                     said):
    arena, _founders, _investors, meetings = big
    page = _page(client, arena, query)
    assert said in page
    assert _rows(page) == _ids(meetings, [(0, 0), (0, 1)])


def test_bokmal_names_a_missing_table(client, big):
    client.post("/language", data={"lang": "nb"})
    arena = big[0]
    page = _page(client, arena, "?table=7")
    assert "Møteplanen har ikke bord 7; bordene er 1 til 2." in page
    assert "Vis en del av møteplanen" in page


def _location(response) -> str:
    assert response.status_code in (302, 303)
    return response.headers["Location"]


def test_a_change_comes_back_to_its_part(client, big):
    arena, _founders, _investors, meetings = big
    m, gone = meetings[0, 1], meetings[2, 1]
    base = f"/staff/arenas/{arena.id}/meetings/{m.id}"
    assert _location(client.post(f"{base}/lock?table=2", data={"locked": "1"})) == \
        f"/staff/arenas/{arena.id}/schedule?table=2#meeting-{m.id}"
    # the cancel page keeps the part both ways
    other = f"/staff/arenas/{arena.id}/meetings/{gone.id}"
    confirm = client.get(f"{other}/cancel?slot=3").get_data(as_text=True)
    assert f'action="{other}/cancel?slot=3"' in confirm
    assert f'href="/staff/arenas/{arena.id}/schedule?slot=3#meeting-{gone.id}"' in confirm
    assert _location(client.post(f"{other}/cancel?slot=3")) == \
        f"/staff/arenas/{arena.id}/schedule?slot=3#cancelled-{gone.id}"
    # moved out of the slot shown (the page's first): to the slot it is in now, at its row
    assert _location(client.post(f"{base}/move?slot=1", data={"slot": "3", "table": "2"})) \
        == f"/staff/arenas/{arena.id}/schedule?slot=3#meeting-{m.id}"
    page = _page(client, arena, "?slot=3")
    assert m.id in _rows(page)


def test_a_refused_move_comes_back_to_the_slot_holding_its_row(client, big):
    arena, _founders, _investors, meetings = big
    m = meetings[2, 0]
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{m.id}/move",
                           data={"slot": "7", "table": "1"})
    assert _location(response) == f"/staff/arenas/{arena.id}/schedule?slot=3#meeting-{m.id}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert f'aria-describedby="move-error-{m.id}"' in page


def test_the_default_slot_is_the_one_under_way(app):
    now = datetime.now(UTC)
    arena = make_arena(date=(now + timedelta(days=1)).date(), slot_count=4, breaks=[1])
    assert schedule_view.default(arena, 10_000, now) == schedule_view.View("slot", 0)
    during_third = arena.slot_start(2) + timedelta(minutes=5)
    assert schedule_view.default(arena, 10_000, during_third) == schedule_view.View("slot", 2)
    in_the_break = arena.slot_start(1) + timedelta(minutes=5)  # the next meeting slot
    assert schedule_view.default(arena, 10_000, in_the_break) == schedule_view.View("slot", 2)
    after = arena.slot_end(3) + timedelta(hours=1)
    assert schedule_view.default(arena, 10_000, after) == schedule_view.View("slot", 0)
    assert schedule_view.default(arena, 400, now) == schedule_view.View("all")


def test_the_download_menu_offers_meetings_only_while_one_is_active(client, big):
    """A guard: the menu now asks the database whether an active meeting exists instead of
    loading them all; a meeting whose founder no longer comes is none."""
    arena, founders, _investors, meetings = big
    for m in meetings.values():
        if m.founder_user_id != founders[0].user_id:
            m.state = "cancelled"
    db.session.commit()
    page = _page(client, arena, "?all=1")
    assert "Meetings (CSV)" in page
    founders[0].state = "declined"
    db.session.commit()
    page = _page(client, arena, "?all=1")
    assert "Meetings (CSV)" not in page
    assert "No meetings are scheduled yet." in page


def test_a_part_says_the_whole_schedule_is_the_paper_copy(client, big):
    arena = big[0]
    part = _page(client, arena, "?slot=2")
    assert ("For a paper copy, show the whole schedule and use your browser's print "
            "command: one page per table, then one per person.") in part
    whole = _page(client, arena, "?all=1")
    assert 'id="print-whole"' not in whole
    assert "Use your browser's print command for a paper copy" in whole


def test_the_person_choice_groups_founders_and_investors(client, big):
    arena, founders, investors, _meetings = big
    page = _page(client, arena)
    page = page[page.index('name="person"'):]
    founders_at = page.index('<optgroup label="Founders">')
    investors_at = page.index('<optgroup label="Investors">')
    assert founders_at < page.index(f'<option value="{founders[0].user_id}"') < investors_at
    assert investors_at < page.index(f'<option value="{investors[0].user_id}"')


def test_the_rows_people_come_without_a_statement_each(client, big, statements):
    """A guard: the page reads the meetings without their two users (schedule.meetings,
    people=False) and finds them among the accepted invitations' users, so a part of six
    rows sends as many statements as a part of two."""
    arena = big[0]
    statements(client, f"/staff/arenas/{arena.id}/schedule")  # the associations, kept
    two = statements(client, f"/staff/arenas/{arena.id}/schedule?slot=1")
    six = statements(client, f"/staff/arenas/{arena.id}/schedule?all=1")
    assert six == two
