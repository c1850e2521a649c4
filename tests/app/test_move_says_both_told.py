"""Moving a meeting of a published schedule tells both people, and the staff member's
message says so, as cancelling and restoring one do; a draft's move still says nobody is
told. Before, the published move said only "The meeting is moved and locked there.",
leaving staff to wonder whether the two knew."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_meeting, make_participant


@pytest.fixture
def staff_lang():
    return "nb"


def _move(client, published: bool) -> str:
    arena = make_arena(status="scheduled" if published else "inviting")
    meeting = make_meeting(arena, make_participant(arena, "founder"),
                           make_participant(arena, "investor"), slot=0, table=0,
                           published=published)
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/move",
                           data={"slot": "3", "table": "2"})
    assert response.status_code == 302
    return client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)


def test_published_move_says_both_are_told(app, client, staff):
    page = _move(client, published=True)
    assert "Møtet er flyttet og låst der, og begge er varslet." in page


def test_published_move_says_both_are_told_in_english(app, client, staff):
    client.post("/language", data={"lang": "en"})
    page = _move(client, published=True)
    assert "The meeting is moved and locked there, and both people are told." in page


def test_draft_move_still_says_nobody_is_told(app, client, staff):
    page = _move(client, published=False)
    assert "Ingen får beskjed: møteplanen er et utkast." in page

