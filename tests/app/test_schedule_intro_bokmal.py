"""Before a schedule is built, the staff schedule page says in bokmål what the button does:
it read "Da lages et utkast …" ("Then a draft is made …"), a sentence that points back to
nothing, above the button it describes."""

from __future__ import annotations

import re

from tests.factories import make_arena


def _state_sentence(client, arena, lang: str) -> str:
    client.post("/language", data={"lang": lang})
    html = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    return " ".join(re.search(r'id="schedule-state"[^>]*>(.*?)</p>', html, re.S)
                    .group(1).split())


def test_the_unbuilt_schedule_page_says_building_makes_a_draft(client, staff):
    arena = make_arena()
    nb = _state_sentence(client, arena, "nb")
    assert nb.startswith("Du lager først et utkast som bare ansatte ser")
    assert not nb.startswith("Da ")
    assert _state_sentence(client, arena, "en").startswith("Building makes a draft")
