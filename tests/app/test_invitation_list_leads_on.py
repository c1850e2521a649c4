"""The invitation list has the row of links staff's other arena pages have (Invitations,
Schedule, Attendance, the CSV files), and those pages lead to it. It had only a link back
to the arena: a staff member who changed someone's times there read "2 meetings no longer
fit and were called off. Re-run the schedule to fill the slots." with no way to the schedule
but through the arena page, and from the schedule the list was two steps away. Saving a
person's times also comes back to their row, not the top of a list of 80."""

from __future__ import annotations

import re

import pytest

from tests.app.test_arena_links_current_page import _current
from tests.factories import make_arena, make_meeting, make_participant


@pytest.mark.parametrize("lang, words", [("nb", ("Invitasjoner", "Møteplan")),
                                         ("en", ("Invitations", "Schedule"))])
def test_the_invitation_list_has_the_arena_links(client, staff, lang, words):
    arena = make_arena()
    make_participant(arena, "founder")
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert _current(page) == [words[0]]
    assert f'href="/staff/arenas/{arena.id}/schedule">{words[1]}</a>' in page
    for other in ("schedule", "attendance"):
        page = client.get(f"/staff/arenas/{arena.id}/{other}").get_data(as_text=True)
        pills = re.findall(r'<ul class="nav nav-pills.*?</ul>', page, re.S)[0]
        assert f'href="/staff/arenas/{arena.id}/invitations">{words[0]}</a>' in pills


def test_saving_times_comes_back_to_the_persons_row(client, staff):
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    make_meeting(arena, founder, make_participant(arena, "investor"), slot=0)
    response = client.post(f"/staff/arenas/{arena.id}/invitations/{founder.id}/times",
                           data={"arrive_slot": "2", "leave_slot": "6", "meeting_cap": ""})
    assert response.status_code == 302
    assert response.location.endswith(f"/staff/arenas/{arena.id}/invitations#inv-{founder.id}")
    page = client.get(response.location).get_data(as_text=True)
    assert "1 meeting no longer fits and was called off." in page


def test_the_arena_page_keeps_one_invitations_link(client, staff):
    arena = make_arena()
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert page.count(f'href="/staff/arenas/{arena.id}/invitations"') == 1
