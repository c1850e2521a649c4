"""A small arena gets a proposal. With fewer free investor seats than the "good investors per
founder" k (3 unless set), no founder could qualify: an arena of 1 or 2 investor seats got
nobody, and the message said "no more founders or investors fit this arena". k is now capped
at the investor seats there are to fill (at least 1), and the page says the k it uses."""

from __future__ import annotations

import pytest

from app.services import invitation_proposal
from tests.app.test_arenas_invitations import _flash, _green_pitch, _investor, _rows, follow
from tests.factories import make_arena, make_invitation


@pytest.mark.parametrize(("k", "free", "used"), [
    (3, 1, 1), (3, 2, 2), (3, 3, 3), (3, 8, 3), (None, 2, 2), (None, 9, 3), (5, 0, 1)])
def test_k_is_capped_at_the_free_investor_seats(k, free, used):
    assert invitation_proposal.capped_k(k, free) == used


@pytest.mark.parametrize(("founders", "investors"), [(1, 1), (1, 2), (2, 2), (5, 2)])
def test_a_small_arena_gets_the_best_people_for_its_seats(client, staff, founders, investors):
    for n in range(6):
        _green_pitch(association=("asker", "baerum")[n % 2])
    for n in range(5):
        _investor(association=("asker", "drammen")[n % 2])
    arena = make_arena(founder_capacity=founders, investor_capacity=investors, status="draft")
    said = _flash(follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/propose")))
    assert said.startswith("success:"), said
    assert "fit this arena" not in said
    proposed_f = _rows(arena, "founder", "proposed")
    proposed_i = _rows(arena, "investor", "proposed")
    assert 1 <= len(proposed_f) <= founders and 1 <= len(proposed_i) <= investors
    for row in proposed_f:  # each with the capped k of good investors in the room
        assert row.reasons["good"] >= min(3, investors)


@pytest.mark.parametrize(("investors", "k", "text"), [
    (1, 3, "at least 1 good investor in the room."),
    (2, 3, "at least 2 good investors in the room."),
    (8, 3, "at least 3 good investors in the room."),
])
def test_the_page_says_the_k_a_proposal_uses(client, staff, investors, k, text):
    arena = make_arena(investor_capacity=investors, good_investors_k=k, status="draft")
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert "Every proposed founder should have " + text in page


def test_the_page_counts_only_the_seats_still_free(client, staff):
    arena = make_arena(investor_capacity=4, status="inviting")
    for _ in range(2):
        make_invitation(arena, _investor().user)
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert "at least 2 good investors in the room." in page
