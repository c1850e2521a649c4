"""On the agenda, "I can no longer come: cancel my participation" says what it calls off
before it does it, as the arena page's "No, I cannot come" does after a yes
(test_decline_says_what_it_calls_off): one press called off every meeting on the agenda and
told the other side. For a person with meetings it now opens a note (how many are called
off, that the other side is told) and the button that cancels; what it posts is unchanged."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models.user import utcnow
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_meeting, make_participant

NOTE = {"en": "You have 2 meetings on this agenda. If you cancel, they are called off and "
              "the people you were to meet are told.",
        "nb": "Du har 2 møter på denne agendaen. Melder du deg av, blir de avlyst, og de du "
              "skulle møte, får beskjed."}
BUTTON = {"en": "Yes, cancel my participation", "nb": "Ja, meld meg av"}


def _withdraw_form(html: str) -> str:
    # Before the deadline it posts the arena page's No (test_cancel_before_the_deadline),
    # after it the cancel: found by its id, either way.
    return html.split('id="cancel-participation"', 1)[1].split("</form>", 1)[0]


def _arena(meetings: int):
    arena = make_arena(status="scheduled", schedule_sequence=1, scheduled_at=utcnow(),
                       schedule_published_at=utcnow())
    founder = make_participant(arena, "founder")
    for slot in range(meetings):
        make_meeting(arena, founder, make_participant(arena, "investor"), slot=slot)
    db.session.commit()
    return arena, founder


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_cancelling_says_what_it_calls_off_first(app, lang):
    arena, founder = _arena(2)
    html = _client_in(app, lang, founder.user).get(f"/arenas/{arena.id}/agenda").get_data(
        as_text=True)

    form = " ".join(_withdraw_form(html).split())
    assert "<details" in form and "<summary" in form
    assert NOTE[lang] in form and BUTTON[lang] in form


def test_without_meetings_the_button_cancels_at_once(app):
    arena, founder = _arena(0)
    html = _client_in(app, "en", founder.user).get(f"/arenas/{arena.id}/agenda").get_data(
        as_text=True)

    form = _withdraw_form(html)
    assert "<details" not in form and "I can no longer come: cancel my participation" in form


def test_the_posted_cancel_still_calls_off_the_meetings(app):
    arena, founder = _arena(2)
    client = _client_in(app, "en", founder.user)

    assert client.post(f"/arenas/{arena.id}/withdraw").status_code == 302

    db.session.expire_all()
    assert founder.state == "cancelled"
