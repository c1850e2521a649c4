"""A participant's list of arenas (/arenas/meetings) names each arena by what it means to
them: 'You are coming', or the arena's public state (held, cancelled). Before, it showed the
staff's workflow word: 'Inviterer' next to an arena the person had already said yes to."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_arena, make_done_arena, make_participant


def _badge(page: str, arena) -> str:
    found = re.search(rf'id="arena-{arena.id}">.*?<span class="badge[^"]*">(.*?)</span>', page,
                      re.S)
    assert found, arena
    return found.group(1).strip()


@pytest.mark.parametrize(("status", "nb", "en"), [
    ("inviting", "Du kommer", "You are coming"),
    ("scheduled", "Du kommer", "You are coming"),
    ("done", "Avholdt", "Held"),
    ("cancelled", "Avlyst", "Cancelled"),
])
def test_my_meetings_shows_my_state_not_the_staff_status(client, auth, status, nb, en):
    # staff mark an arena done only once it has taken place
    arena = make_done_arena() if status == "done" else make_arena(status=status)
    founder = make_participant(arena, "founder")
    auth.login(founder.user.email)
    for lang, expected in (("nb", nb), ("en", en)):
        client.post("/language", data={"lang": lang})
        page = client.get("/arenas/meetings")
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        assert _badge(text, arena) == expected
        assert "Inviterer" not in text and "Inviting" not in text
        assert "Planlagt" not in text and "Scheduled" not in text
