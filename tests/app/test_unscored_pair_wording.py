"""On "Who comes", a participant the engine never scored against the reader is described in
the reader's words, not the database's ("No stored match score for this pair." read as an
error to a founder), and without saying why: the reason may be the other side's "not for
me", which is theirs to keep."""

from __future__ import annotations

import pytest

from tests.factories import make_arena, make_participant


@pytest.mark.parametrize(("lang", "sentence"), [
    ("nb", "Koble har ikke foreslått dere to for hverandre."),
    ("en", "Koble has not suggested the two of you to each other."),
])
def test_an_unscored_participant_reads_as_not_suggested(client, auth, lang, sentence):
    arena = make_arena()
    founder = make_participant(arena, "founder")
    make_participant(arena, "investor")
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert sentence in page
    assert "match score" not in page and "matchpoeng" not in page
