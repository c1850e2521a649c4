"""On a phone each invitation is a card whose cells say what they are ("Rank: 1",
"State: Accepted"): the times cell had no label, so a card ended in a bare "10:00–12:30"
and a "Change" link without saying of what."""

from __future__ import annotations

import re

from tests.factories import make_arena, make_participant, make_user


def test_the_times_cell_of_an_invitation_card_is_labelled(client, auth):
    arena = make_arena()
    coming = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    for lang, label in (("en", "Times"), ("nb", "Tider")):
        client.post("/language", data={"lang": lang})
        page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
        cell = re.search(rf'<td [^>]*id="times-{coming.id}"', page).group(0)
        assert f'data-label="{label}"' in cell
