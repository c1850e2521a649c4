"""An arena without its own meeting limit lets a person ask for 6 meetings
(meeting_requests.DEFAULT_REQUEST_CAP, pinned by test_default_cap_is_six) while the schedule
gives them up to one per meeting slot (7 in the demo). Both numbers are by design; the list of
who comes said only 'Du har bedt om 0 av høyst 6 møter' beside a page saying 7, so it now says
why in plain words."""

from __future__ import annotations

from tests.factories import make_arena, make_participant


def test_the_request_limit_below_the_meeting_limit_is_explained(client, auth):
    arena = make_arena(status="inviting", slot_count=8, breaks=[4], meeting_cap=None)
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert "You have asked for 0 of at most 6 meetings." in page
    assert ("You can have up to 7 meetings here; you ask for at most 6 yourself, and the "
            "organisers fill the rest with good matches.") in page


def test_no_explanation_when_the_two_limits_agree(client, auth):
    arena = make_arena(status="inviting", meeting_cap=4)
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert "You have asked for 0 of at most 4 meetings." in page
    assert "you ask for at most" not in page
