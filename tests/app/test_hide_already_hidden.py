"""The staff page for hiding a pitch, reached again for a pitch that is already hidden (by its
address or the back button), says so, shows the reason the founder reads and offers to
unhide or change it, instead of an empty reason and "Investors will no longer see this
pitch"."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from app.extensions import db
from app.models import Pitch
from tests.factories import make_pitch

REASON = "Kontaktinformasjon i sammendraget & lenker"


@pytest.fixture(params=["nb", "en"])
def staff_lang(request) -> str:
    return request.param


WORDS = {
    "nb": {"already": "Denne pitchen er allerede skjult",
           "new": "Investorer vil ikke lenger se denne pitchen",
           "unhide": "Vis igjen", "same": "Pitchen var allerede skjult, med denne begrunnelsen.",
           "changed": "Pitchen var allerede skjult; begrunnelsen er nå din."},
    "en": {"already": "This pitch is already hidden",
           "new": "Investors will no longer see this pitch",
           "unhide": "Unhide", "same": "The pitch was already hidden, with this reason.",
           "changed": "The pitch was already hidden; its reason is now yours."},
}


def _text(response) -> str:
    return html_lib.unescape(response.get_data(as_text=True))


def test_hide_page_of_a_hidden_pitch_says_so_with_its_reason(client, staff, staff_lang):
    words = WORDS[staff_lang]
    pitch_id = make_pitch(hidden=True, hidden_reason=REASON).id
    response = client.get(f"/staff/pitches/{pitch_id}/hide?next=/staff/pitches?hidden%3Dyes")
    assert response.status_code == 200
    page = _text(response)
    assert words["already"] in page
    assert words["new"] not in page
    assert page.split('id="hidden-reason"', 1)[1].split("</blockquote>", 1)[0].endswith(REASON)
    # the reason field holds the current reason, to change it
    assert re.search(rf'<textarea[^>]*name="reason"[^>]*>\s*{re.escape(REASON)}</textarea>', page)
    # unhide, back to the list it came from
    assert (f'action="/staff/pitches/{pitch_id}/unhide?next=/staff/pitches?hidden%3Dyes"'
            in page)
    assert f">{words['unhide']}</button>" in page


def test_hide_page_of_a_visible_pitch_is_unchanged(client, staff, staff_lang):
    words = WORDS[staff_lang]
    page = _text(client.get(f"/staff/pitches/{make_pitch().id}/hide"))
    assert words["new"] in page and words["already"] not in page
    assert re.search(r'<textarea[^>]*name="reason"[^>]*>\s*</textarea>', page)


def test_hiding_a_hidden_pitch_again_says_what_happened(app, client, staff, staff_lang):
    words = WORDS[staff_lang]
    pitch_id = make_pitch(hidden=True, hidden_reason=REASON).id
    for reason, message in ((REASON, words["same"]), ("Spam", words["changed"])):
        response = client.post(f"/staff/pitches/{pitch_id}/hide", data={"reason": reason})
        assert response.status_code == 302
        assert message in _text(client.get(response.headers["Location"]))
    db.session.expire_all()
    pitch = db.session.get(Pitch, pitch_id)
    assert pitch.hidden and pitch.hidden_reason == "Spam"
