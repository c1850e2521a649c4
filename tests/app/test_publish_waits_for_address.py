"""Until a self-registered founder's address is confirmed, publishing is refused (40d1344).
The pages that offered Publish on a draft (its note at the top and the buttons below it,
the founder's matches overview, the draft's investor page) no longer offer a button that
only says no: in its place a line says publishing opens once the address is confirmed and
links to the notice at the top of the page. A confirmed founder still sees Publish."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from tests.factories import make_pitch, make_user

WAITS = {"en": ("You can publish once your e-mail address is confirmed:",
                "see the notice at the top of the page"),
         "nb": ("Du kan publisere når e-postadressen din er bekreftet:",
                "se meldingen øverst på siden")}
PAGES = ("/pitches/{id}", "/matches/pitches", "/pitches/{id}/matches")


def _publish_forms(page: str, pitch_id: int) -> int:
    return len(re.findall(rf'action="/pitches/{pitch_id}/publish"', page))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_unconfirmed_founders_draft_says_when_publishing_opens(client, auth, lang):
    founder = make_user("founder", locale=lang)
    founder.email_confirmed_at = None
    draft = make_pitch(founder, status="draft")
    db.session.commit()
    auth.login(founder.email)
    with client.session_transaction() as session:
        session["lang"] = lang
    for path in PAGES:
        page = client.get(path.format(id=draft.id)).get_data(as_text=True)
        assert _publish_forms(page, draft.id) == 0, path
        line, link = WAITS[lang]
        assert line in page, path
        assert f'<a href="#confirm-email">{link}</a>' in page, path
        assert 'id="confirm-email"' in page, path  # the notice the line points at


def test_a_confirmed_founder_still_sees_publish(client, auth):
    founder = make_user("founder")
    draft = make_pitch(founder, status="draft")
    db.session.commit()
    auth.login(founder.email)
    counts = [_publish_forms(client.get(path.format(id=draft.id)).get_data(as_text=True),
                             draft.id) for path in PAGES]
    assert counts == [2, 1, 1]
    assert "publish-after-confirm" not in client.get(f"/pitches/{draft.id}").get_data(
        as_text=True)
