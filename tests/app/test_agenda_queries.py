"""A participant's agenda page and calendar file read their meetings' partners, pitches
and contact rights in a fixed number of statements, however many meetings they have. Each
meeting's contact check asked ~3 queries (mutual interest, shared meeting, and each shared
meeting's invitations), and an investor's agenda read each meeting's pitch on its own."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_meeting, make_participant, make_score


@pytest.mark.parametrize("side", ["founder", "investor"])
@pytest.mark.parametrize("page", ["/arenas/{id}/agenda", "/arenas/{id}/agenda.ics"])
def test_more_meetings_cost_no_more_statements(client, auth, statements, side, page):
    arena = make_arena(status="scheduled", slot_count=8, table_count=4)
    me = make_participant(arena, side)
    other = "investor" if side == "founder" else "founder"

    def meet(slot: int) -> None:
        partner = make_participant(arena, other)
        founder, investor = (me, partner) if side == "founder" else (partner, me)
        make_score(founder, investor, 0.7)
        make_meeting(arena, founder, investor, slot=slot)

    meet(0)
    auth.login(me.user.email)
    url = page.format(id=arena.id)
    statements(client, url)  # a first visit fills the caches
    one = statements(client, url)
    for slot in (1, 2, 3, 5, 6):  # 4 is a break
        meet(slot)
    statements(client, url)
    assert statements(client, url) == one
