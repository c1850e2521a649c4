"""An arena edit that would call off meetings of a published schedule asks first: both
people in each are told by e-mail at once, which cannot be taken back, and elsewhere
(publishing, sending invitations, cancelling a meeting or the arena) Koble asks before such
a step. Before, one Save on the edit page (fewer slots or tables) called them off and mailed
everyone concerned, and only then said so. Now the page comes back with what was typed,
the question and "Save and call off N meetings"; nothing is saved or sent until that is
pressed, and a form changed after the question to call off more or fewer is asked again. A
draft's meetings (nobody told) are called off on Save, as before."""

from __future__ import annotations

import html
import re

import pytest

from app.extensions import db
from app.models import Arena, Meeting
from tests.app.test_arena_edit_after_schedule import _form
from tests.factories import make_arena, make_meeting, make_participant, outbox_of


@pytest.fixture
def staff_lang():
    return "nb"


def _arena(published: bool = True):
    arena = make_arena(status="scheduled" if published else "inviting", schedule_sequence=1)
    people = [(make_participant(arena, "founder"), make_participant(arena, "investor"))
              for _ in range(3)]
    kept = make_meeting(arena, *people[0], slot=0, table=0, published=published)
    at_table_4 = make_meeting(arena, *people[1], slot=0, table=3, published=published)
    at_table_3 = make_meeting(arena, *people[2], slot=1, table=2, published=published)
    return arena, kept, at_table_4, at_table_3


def _states(*meetings: Meeting) -> list[str]:
    db.session.expire_all()
    return [db.session.get(Meeting, m.id).state for m in meetings]


def test_published_meetings_are_not_called_off_without_asking(app, client, staff):
    arena, kept, at_table_4, at_table_3 = _arena()
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, table_count="2", venue="Nytt sted"))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert ("Lagrer du dette, avlyses 2 møter i den publiserte møteplanen: de får ikke "
            "lenger plass i arenaens oppsett. Begge i hvert møte får beskjed i appen og på "
            "e-post.") in page
    assert 'name="call_off" value="2"' in page and "Lagre og avlys 2 møter" in page
    assert 'value="Nytt sted"' in page  # what was typed is kept
    assert _states(kept, at_table_4, at_table_3) == ["scheduled"] * 3
    saved = db.session.get(Arena, arena.id)
    assert saved.table_count == 4 and saved.venue != "Nytt sted"
    assert outbox_of(app) == []


def test_saving_again_calls_them_off_and_tells_them(app, client, staff):
    arena, kept, at_table_4, at_table_3 = _arena()
    data = _form(arena, table_count="2")
    assert client.post(f"/staff/arenas/{arena.id}/edit", data=data).status_code == 200
    response = client.post(f"/staff/arenas/{arena.id}/edit", data={**data, "call_off": "2"})
    assert response.status_code == 302
    assert _states(kept, at_table_4, at_table_3) == ["scheduled", "cancelled", "cancelled"]
    assert db.session.get(Arena, arena.id).table_count == 2
    assert len(outbox_of(app)) == 4  # both people of each of the two meetings


def test_a_form_changed_after_the_question_is_asked_again(app, client, staff):
    """Asked about 1 meeting (table 4 gone), staff cut another table before pressing the
    question's button: the 2 are asked about, not called off."""
    arena, kept, at_table_4, at_table_3 = _arena()
    asked = client.post(f"/staff/arenas/{arena.id}/edit",
                        data=_form(arena, table_count="3")).get_data(as_text=True)
    agreed = re.search(r'name="call_off" value="([^"]*)"', asked).group(1)
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data={**_form(arena, table_count="2"), "call_off": agreed})
    assert response.status_code == 200
    assert "Lagre og avlys 2 møter" in response.get_data(as_text=True)
    assert _states(kept, at_table_4, at_table_3) == ["scheduled"] * 3
    assert outbox_of(app) == []


def test_the_question_in_english(app, client, staff):
    client.post("/language", data={"lang": "en"})
    arena, *_meetings = _arena()
    page = html.unescape(client.post(f"/staff/arenas/{arena.id}/edit",
                                     data=_form(arena, table_count="3")).get_data(as_text=True))
    assert ("Saving this calls off 1 meeting of the published schedule: it no longer fits "
            "the arena's plan. Both people in it are told in the app and by e-mail.") in page
    assert "Save and call off 1 meeting" in page


def test_a_drafts_meetings_are_called_off_on_save(app, client, staff):
    arena, kept, at_table_4, at_table_3 = _arena(published=False)
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, table_count="2"))
    assert response.status_code == 302
    assert _states(kept, at_table_4, at_table_3) == ["scheduled", "cancelled", "cancelled"]


def test_an_edit_that_calls_nothing_off_is_saved_at_once(app, client, staff):
    arena, kept, *_rest = _arena()
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, venue="Her"))
    assert response.status_code == 302
    assert db.session.get(Arena, arena.id).venue == "Her"
