"""Unpublish asks first. The pitch page's "Unpublish" was a POST that made the pitch a draft
at once, with no word of what that does to the investors who answered it, the matches or
the arenas it takes part in. It now opens a question that says so (nb and en) and unpublishes
only from its "Yes, unpublish it" (a POST with CSRF and `confirm_unpublish`); a POST without
it, from a page drawn before, asks the question and changes nothing. No JavaScript needed."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Pitch
from tests.app.test_i18n import _client_in
from tests.factories import make_pitch, make_user

WORDS = {
    "en": ["Unpublish “Solkraft på låvetak”? It becomes a draft again, which only you can see.",
           "Investors no longer find it or get it recommended",
           "Investors who answered it see that you have withdrawn it.",
           "The answers already given are kept, and so are your matches: contact details "
           "already shared stay shared.",
           "a meeting schedule the organisers make while it is a draft gives you no meetings",
           "You can publish it again at any time; the answers come back with it.",
           "Yes, unpublish it", "No, keep it published"],
    "nb": ["Vil du avpublisere «Solkraft på låvetak»? Den blir et utkast igjen, som bare du "
           "kan se.",
           "Investorer finner den ikke lenger og får den ikke anbefalt",
           "Investorer som har svart på den, ser at du har trukket den tilbake.",
           "Svarene som alt er gitt, beholdes, og det gjør matchene dine også: "
           "kontaktopplysninger som alt er delt, forblir delt.",
           "en møteplan arrangørene lager mens den er et utkast, gir deg ingen møter",
           "Du kan publisere den igjen når som helst; svarene kommer tilbake med den.",
           "Ja, avpubliser den", "Nei, behold den publisert"],
}


def _status(pitch_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Pitch, pitch_id).status


def _text(response) -> str:
    page = response.get_data(as_text=True).replace("&#34;", '"').replace("&#39;", "'")
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


@pytest.fixture
def published():
    founder = make_user("founder")
    pitch = make_pitch(founder, title="Solkraft på låvetak")
    db.session.commit()
    return founder, pitch


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_pitch_page_asks_before_unpublishing(app, published, lang):
    founder, pitch = published
    client = _client_in(app, lang, founder)
    page = client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    url = f"/pitches/{pitch.id}/unpublish"
    # a link to the question, no form that unpublishes at once
    assert f'href="{url}"' in page and f'action="{url}"' not in page

    asked = client.get(url)
    assert asked.status_code == 200
    text = _text(asked)
    for said in WORDS[lang]:
        assert said in text, said
    form = re.search(rf'<form method="post" action="{url}">(.*?)</form>',
                     asked.get_data(as_text=True), re.S).group(1)
    assert 'name="csrf_token"' in form and 'name="confirm_unpublish" value="y"' in form
    assert _status(pitch.id) == "published"

    done = client.post(url, data={"confirm_unpublish": "y"})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/pitches/{pitch.id}")
    assert _status(pitch.id) == "draft"


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_post_without_the_answer_asks_and_changes_nothing(app, published, lang):
    """The button of a page drawn before the question (or any form without the answer)."""
    founder, pitch = published
    client = _client_in(app, lang, founder)
    response = client.post(f"/pitches/{pitch.id}/unpublish", data={})
    assert response.status_code == 200
    assert WORDS[lang][0] in _text(response)
    assert _status(pitch.id) == "published"


def test_a_draft_has_nothing_to_ask(app, client, auth):
    """A pitch made a draft in another tab goes back to its page."""
    founder = make_user("founder")
    draft = make_pitch(founder, status="draft")
    auth.login(founder.email)
    response = client.get(f"/pitches/{draft.id}/unpublish")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/pitches/{draft.id}")


def test_the_answer_needs_the_csrf_token(app, published):
    """Guard: the question's POST keeps CSRF on."""
    founder, pitch = published
    client = _client_in(app, "en", founder)
    app.config["WTF_CSRF_ENABLED"] = True
    response = client.post(f"/pitches/{pitch.id}/unpublish", data={"confirm_unpublish": "y"})
    assert response.status_code == 400
    assert _status(pitch.id) == "published"
