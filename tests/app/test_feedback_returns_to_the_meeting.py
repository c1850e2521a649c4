"""The follow-up after an arena answers at the meeting answered. On a founder's phone walk
(nb, 390 px) each "Lagre svaret" landed at the top of the agenda, a column of cards, so the
next meeting to answer was screens away and the answer just given was shown nowhere near;
the radios were bare 13 px inputs beside their words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.app.test_meetings_after import past_arena
from tests.factories import make_meeting, make_participant

SAVED = {"nb": "Svaret ditt er lagret; du kan endre det.",
         "en": "Your answer is saved; you can change it."}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_answer_lands_at_its_meeting_which_says_it_is_saved(client, auth, lang):
    arena = past_arena(schedule_published_at=datetime.now(UTC))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor)
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    assert SAVED[lang] not in client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)

    response = client.post(f"/arenas/{arena.id}/meetings/{meeting.id}/feedback",
                           data={"worth_it": "yes", "will_follow_up": "no"})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/arenas/{arena.id}/agenda#meeting-{meeting.id}")
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    row = page[page.index(f'id="meeting-{meeting.id}"'):]
    assert SAVED[lang] in row[:row.index("</tr>")]
    # each radio is a form-check with a label of its own, the word a target too
    assert f'<label class="form-check-label" for="worth-{meeting.id}-yes">' in page


def test_a_refused_answer_still_opens_at_the_top_where_the_reason_is(client, auth):
    arena = past_arena(schedule_published_at=datetime.now(UTC))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor)
    auth.login(founder.user.email)

    response = client.post(f"/arenas/{arena.id}/meetings/{meeting.id}/feedback", data={})

    assert response.headers["Location"].endswith(f"/arenas/{arena.id}/agenda")
