"""The arena pages that list every founder read the founders' pitches in one query, not one
per founder: on a demo arena of 114 founders and 60 investors the investor's participants
page asked for its pitches 114 times (139 ms, 33 ms after), the staff schedule page and the
meetings download once per meeting's pitch, the invitation list once per invitation."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_meeting, make_participant, make_score, make_user


def _add_founder(arena, investor, slot: int):
    founder = make_participant(arena, "founder")
    make_score(founder, investor, 0.6)
    make_meeting(arena, founder, investor, slot=slot, published=False)


PAGES = ("/arenas/{id}/participants", "/staff/arenas/{id}/schedule",
         "/staff/arenas/{id}/invitations", "/staff/arenas/{id}/export/meetings.csv",
         "/staff/arenas/{id}/export/invitations.csv")


@pytest.mark.parametrize("page", PAGES)
def test_more_founders_cost_no_more_queries(client, auth, statements, page):
    arena = make_arena(status="inviting")
    investor = make_participant(arena, "investor")
    staff = make_user("staff", association="asker")
    _add_founder(arena, investor, 0)
    who = investor.user if page.startswith("/arenas") else staff
    auth.login(who.email)
    url = page.format(id=arena.id)
    statements(client, url)  # a first visit fills the caches (the associations' names)
    few = statements(client, url)
    for slot in (1, 2, 3, 5):  # 4 is a break
        _add_founder(arena, investor, slot)
    statements(client, url)  # new accounts empty them
    assert statements(client, url) == few
