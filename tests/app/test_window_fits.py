"""The sentence about one's time at an arena says how many meetings fit: arriving 09:30 and
leaving 09:45 fits one 15-minute meeting, yet the page said 'for up to 7 meetings' (the arena's
limit). A limit of 0, which is allowed (someone who comes without meetings), is said in words
instead of 'at most 0 meetings'."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_arena, make_participant


def _window(client, arena) -> str:
    page = client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    return re.sub(r"\s+", " ", re.search(r'id="my-window">(.*?)</p>', page, re.S).group(1))


@pytest.fixture
def arena(app):
    # 8 slots of 15 minutes from 09:00, a break in slot 4 (10:00): 7 meetings at most
    return make_arena(status="inviting", slot_count=8, slot_minutes=15, breaks=[4],
                      meeting_cap=None)


def test_a_short_stay_says_how_many_meetings_it_fits(client, auth, arena):
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    assert _window(client, arena) == "You are there 09:00–11:00, for up to 7 meetings."
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "2", "leave_slot": "3", "meeting_cap": ""})
    assert response.status_code == 302
    assert _window(client, arena) == "You are there 09:30–09:45, for up to 1 meeting."
    # an own limit above what the window fits is not what limits
    client.post(f"/arenas/{arena.id}/times",
                data={"arrive_slot": "2", "leave_slot": "6", "meeting_cap": "5"})
    assert _window(client, arena) == "You are there 09:30–10:30, for up to 3 meetings."
    client.post(f"/arenas/{arena.id}/times",
                data={"arrive_slot": "2", "leave_slot": "6", "meeting_cap": "2"})
    assert _window(client, arena) == ("You are there 09:30–10:30, for at most 2 meetings "
                                      "(your own limit).")


def test_a_limit_of_0_is_explained(client, auth, arena):
    me = make_participant(arena, "investor")
    auth.login(me.user.email)
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "0", "leave_slot": "8", "meeting_cap": "0"})
    assert response.status_code == 302
    assert _window(client, arena) == (
        "You are there 09:00–11:00 without meetings: you set your own limit to 0, so the "
        "schedule gives you none and nobody can ask you for one.")


def test_the_staff_list_says_how_many_meetings_fit(client, auth, arena, staff):
    """The staff's invitation list showed the person's own limit ('at most 5 meetings')
    however few meetings their window fitted, and nothing for a short stay without one."""
    short = make_participant(arena, "founder", arrive_slot=2, leave_slot=3)
    capped = make_participant(arena, "investor", arrive_slot=2, leave_slot=6, meeting_cap=5)
    whole = make_participant(arena, "investor")
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)

    def cell(inv) -> str:
        row = re.search(rf'<tr[^>]*data-invitation-id="{inv.id}".*?</tr>', page, re.S).group(0)
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row))

    assert "09:30–09:45 at most 1 meeting " in cell(short)
    assert "09:30–10:30 at most 3 meetings " in cell(capped)
    assert "09:00–11:00" in cell(whole) and "at most" not in cell(whole)
