"""A founder's overview said of a draft "Not published: no matches yet." and offered nothing
to do about it: the Publish button was only on the pitch's own page. The draft's card now has
a Publish button (POST with CSRF to the pitch's publish route, so its checks apply); a
published pitch's card has none."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Pitch
from tests.factories import make_pitch, make_user

LABEL = {"nb": ("Publiser", "Publiser «Utkast»"), "en": ("Publish", "Publish “Utkast”")}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_draft_on_the_overview_can_be_published_from_there(client, auth, lang):
    founder = make_user("founder", locale=lang)
    draft = make_pitch(founder, title="Utkast", status="draft")
    make_pitch(founder, title="Ute", status="published")
    auth.login(founder.email)
    html = client.get("/matches/pitches").get_data(as_text=True)
    forms = re.findall(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S)
    publish = [(action, body) for action, body in forms if action.endswith("/publish")]
    assert [action for action, _ in publish] == [f"/pitches/{draft.id}/publish"]
    body = publish[0][1]
    word, name = LABEL[lang]
    assert 'name="csrf_token"' in body
    assert f'aria-label="{name}">{word}</button>' in body

    response = client.post(f"/pitches/{draft.id}/publish")
    assert response.status_code == 302
    assert db.session.get(Pitch, draft.id).status == "published"
