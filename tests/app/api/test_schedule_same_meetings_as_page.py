"""GET /api/v1/arenas/{id}/schedule lists the meetings the staff schedule page shows, chosen
by one service function (schedule_view.staff_schedule). The API picked its meetings by their
state alone: a meeting left "scheduled" with someone who no longer comes was among its
items, while the page frees that slot and counts the person among those without meetings;
and the meetings staff cancelled, which the page lists apart (and can restore), were not in
the API at all. Now `items` are the page's meetings and `cancelled` its cancelled ones."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_meeting, make_participant, make_user


@pytest.fixture
def schedule():
    """One founder's meetings: with `kept` (both come), with `gone` (who has since said no,
    the row left "scheduled"), with `struck` (cancelled by staff) and with `replaced` (a
    re-run left it out)."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    kept, gone, struck, replaced = (make_participant(arena, "investor") for _ in range(4))
    rows = {"kept": make_meeting(arena, founder, kept, slot=0, table=0),
            "gone": make_meeting(arena, founder, gone, slot=1, table=0),
            "struck": make_meeting(arena, founder, struck, slot=2, table=0,
                                   state="cancelled_by_staff"),
            "replaced": make_meeting(arena, founder, replaced, slot=3, table=0,
                                     state="cancelled")}
    gone.state = "declined"
    db.session.commit()
    return arena, {name: m.id for name, m in rows.items()}


def _api(client, arena) -> dict:
    staff = make_user("staff", association="asker")
    response = client.get(f"/api/v1/arenas/{arena.id}/schedule", headers=bearer(staff))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def test_the_api_lists_the_pages_meetings_and_its_cancelled_ones(client, schedule):
    arena, ids = schedule
    answer = _api(client, arena)
    assert [m["id"] for m in answer["items"]] == [ids["kept"]]
    assert [(m["id"], m["state"]) for m in answer["cancelled"]] == [
        (ids["struck"], "cancelled_by_staff")]


def test_the_page_shows_the_same(client, auth, schedule):
    """A guard: the page's rows, for the comparison above."""
    arena, ids = schedule
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/schedule?all=1").get_data(as_text=True)
    assert set(map(int, re.findall(r'id="meeting-(\d+)"', page))) == {ids["kept"]}
    assert set(map(int, re.findall(r'id="cancelled-(\d+)"', page))) == {ids["struck"]}
