"""An arena shown as 09:00–12:00 whose 10 slots of 15 minutes end at 11:30 told invitees "You
are there 09:00–11:30" with no word why. Where the arena's hours are shown (the invitee's
arena page, the agenda, the staff's arena page) the meeting hours now stand next to them when
the slots do not fill the arena's hours, and nothing is added when they do."""

from __future__ import annotations

from datetime import time

import pytest

from tests.factories import make_arena, make_participant, make_user

SAYS = {"en": "Meetings run 09:00–11:30.", "nb": "Møtene går 09:00–11:30."}


def _pages(client, auth, arena, lang: str) -> dict[str, str]:
    person = make_participant(arena, "founder")
    staff = make_user("staff", association="asker")
    pages = {}
    auth.login(person.user.email)
    client.post("/language", data={"lang": lang})
    for name, url in (("arena", f"/arenas/{arena.id}"), ("agenda", f"/arenas/{arena.id}/agenda")):
        response = client.get(url)
        assert response.status_code == 200, name
        pages[name] = response.get_data(as_text=True)
    auth.logout()
    auth.login(staff.email)
    client.post("/language", data={"lang": lang})
    pages["staff"] = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    return pages


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_meeting_hours_shorter_than_the_arena_are_said(client, auth, lang):
    arena = make_arena(start_time=time(9), end_time=time(12), slot_minutes=15, slot_count=10,
                       breaks=[])
    for name, page in _pages(client, auth, arena, lang).items():
        assert SAYS[lang] in page, name


def test_a_break_in_the_last_slot_ends_the_meetings_before_it(client, auth):
    arena = make_arena(start_time=time(9), end_time=time(12), slot_minutes=15, slot_count=12,
                       breaks=[10, 11])
    for name, page in _pages(client, auth, arena, "en").items():
        assert SAYS["en"] in page, name


def test_slots_that_fill_the_arena_add_nothing(client, auth):
    arena = make_arena(start_time=time(9), end_time=time(12), slot_minutes=15, slot_count=12,
                       breaks=[3])
    for name, page in _pages(client, auth, arena, "en").items():
        assert "Meetings run" not in page, name
