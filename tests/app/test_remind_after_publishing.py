"""Once the schedule is published the invitation list is closed, but those invited may still
answer until the deadline (the publish page says so) and reminders still go out; the
invitations page offers "Remind those who have not answered" then too. Before, publishing
took the button away with the list's, and nothing said why, so staff could not nudge the
two invitees who had not answered a week before the deadline."""

from __future__ import annotations

import pytest

from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)


@pytest.fixture
def staff_lang():
    return "nb"


def _published():
    arena = make_arena(status="scheduled")
    make_meeting(arena, make_participant(arena, "founder"), make_participant(arena, "investor"))
    return arena


def test_a_published_arena_offers_the_reminder(app, client, staff):
    arena = _published()
    waiting = make_invitation(arena, make_user("founder", locale="nb"), state="invited")
    url = f"/staff/arenas/{arena.id}/invitations"
    page = client.get(url).get_data(as_text=True)
    assert f'href="/staff/arenas/{arena.id}/invitations/remind"' in page  # asks first
    assert "Send påminnelse til dem som ikke har svart" in page
    assert "Send invitasjon til alle foreslåtte" not in page  # the list stays closed
    assert client.post(f"{url}/remind").status_code in (302, 303)
    assert [m.to for m in outbox_of(app)] == [[waiting.user.email]]


def test_with_everyone_answered_it_says_why_there_is_none(app, client, staff):
    arena = _published()
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert 'id="no-reminders"' in page
    assert "/invitations/remind" not in page
