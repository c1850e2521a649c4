"""After a yes, once the schedule is published, "No, I cannot come" on the arena's page says
what it does before it does it. On the walk (founder, nb, phone) one press of it called off
the founder's two meetings at once, the investors were told, and pressing "Yes, I will come"
again brought nothing back: the agenda then said the schedule had no meetings for her. Now
the button opens a short note (how many meetings are called off, that the other side is
told, that a yes later does not bring them back) with the button that answers no; the
answer posted is the same. Before a published schedule, and with no meeting in it, the
button answers at once, as before."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models.user import utcnow
from app.services.rsvp import make_token
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_meeting, make_participant

NOTE = {"en": "You have 2 meetings in the published schedule. If you answer no, they are "
              "called off and the people you were to meet are told. Answering yes again "
              "later does not bring them back.",
        "nb": "Du har 2 møter i den publiserte møteplanen. Svarer du nei, blir de avlyst, og "
              "de du skulle møte, får beskjed. Svarer du ja igjen senere, får du dem ikke "
              "tilbake."}
BUTTON = {"en": "Yes, call off my 2 meetings", "nb": "Ja, avlys de 2 møtene mine"}
NO = {"en": "No, I cannot come", "nb": "Nei, jeg kan ikke komme"}


def _text(html: str) -> str:
    return " ".join(html.split())


def _arena_with_meetings(published: bool = True):
    arena = make_arena(status="scheduled", schedule_sequence=1, scheduled_at=utcnow())
    founder = make_participant(arena, "founder")
    for slot in (0, 1):
        make_meeting(arena, founder, make_participant(arena, "investor"), slot=slot,
                     published=published)
    db.session.commit()
    return arena, founder


def _decline_button(html: str) -> str:
    """The markup from the answer form's start to the submit button that answers no."""
    form = html.split('action="/arenas/', 1)[1]
    return form.split('value="decline"', 1)[0]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_no_after_a_yes_says_what_it_calls_off_first(app, lang):
    arena, founder = _arena_with_meetings()
    html = _client_in(app, lang, founder.user).get(f"/arenas/{arena.id}").get_data(
        as_text=True)

    before = _decline_button(html)
    assert "<details" in before and "<summary" in before  # behind the note, not at once
    assert NO[lang] in _text(before)
    assert NOTE[lang] in _text(html)
    assert re.search(r'value="decline"[^>]*>\s*' + re.escape(BUTTON[lang]), html)


def test_the_note_is_on_the_answer_link_page_too(app):
    arena, founder = _arena_with_meetings()

    html = app.test_client().get(f"/arenas/rsvp/{make_token(founder)}").get_data(as_text=True)

    assert NOTE["nb"] in _text(html) or NOTE["en"] in _text(html)


@pytest.mark.parametrize("published", [False, True])
def test_without_meetings_at_stake_the_button_answers_at_once(app, published):
    if published:
        arena = make_arena(status="scheduled", schedule_sequence=1, scheduled_at=utcnow(),
                           schedule_published_at=utcnow())
        founder = make_participant(arena, "founder")  # said yes after it: no meeting
        db.session.commit()
    else:
        arena, founder = _arena_with_meetings(published=False)
    html = _client_in(app, "en", founder.user).get(f"/arenas/{arena.id}").get_data(
        as_text=True)

    assert "<details" not in _decline_button(html)
    assert NOTE["en"][:20] not in html


def test_the_posted_no_still_calls_off_the_meetings(app):
    arena, founder = _arena_with_meetings()
    client = _client_in(app, "en", founder.user)

    assert client.post(f"/arenas/{arena.id}/answer",
                       data={"answer": "decline"}).status_code == 302

    db.session.expire_all()
    assert founder.state == "declined"
