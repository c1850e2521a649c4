"""The reasons beside each proposed person on the staff's invitation list read as numbers
and counts in the page's language: bokmål writes a decimal comma (\"Matchverdi 2.379\" reads
as two thousand three hundred and seventy-nine) and says \"1 plass\", not \"1 plasser\"."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_invitation, make_user

REASONS = {"value": 2.379, "good": 1, "good_threshold": 0.4, "top": ["Fjordkraft"],
           "theme_fit": 0.75, "association": "asker", "quota": 1, "quota_seat": False,
           "in_room": True}


@pytest.fixture
def invitation_list(client, auth):
    staff = make_user("staff", association="asker", locale="nb")
    arena = make_arena(status="draft")
    make_invitation(arena, make_user("founder", name="Kari"), state="proposed", rank=1,
                    reasons=REASONS)
    make_invitation(arena, make_user("investor", name="Lars"), state="proposed", rank=1,
                    reasons={**REASONS, "quota_seat": True})
    auth.login(staff.email)

    def page(lang: str) -> str:
        client.post("/language", data={"lang": lang})
        return client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)

    return page


def test_bokmal_numbers_and_counts(invitation_list):
    page = invitation_list("nb")
    assert "Matchverdi 2,379." in page and "2.379" not in page
    assert "Passer til temaet: 0,75." in page
    assert "1 god investor i rommet." in page
    assert "God match for 1 gründer i rommet." in page
    assert "(rettferdig andel: 1 plass)." in page
    assert "Har den ene plassen" in page


def test_english_numbers_and_counts(invitation_list):
    page = invitation_list("en")
    assert "Match value 2.379." in page
    assert "1 good investor in the room." in page
    assert "Good match for 1 founder in the room." in page
    assert "(fair share 1 seat)." in page
    assert "only fair-share seat." in page
