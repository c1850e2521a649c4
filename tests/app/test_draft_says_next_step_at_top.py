"""A draft's page offers the next step where it says it is a draft, at the top. On a phone
(390 px) the founder walk saved a pitch with a long description and read "Pitchen er
lagret som utkast. Publiser den når du er klar." with the Publish button some 1,500 px
below, under the whole text. A draft that lacks what publishing needs offers Edit there."""

from __future__ import annotations

import pytest

from tests.app.test_i18n import _client_in
from tests.app.test_pitches import _form as pitch_form
from tests.factories import make_user


def _top(page: str) -> str:
    """The page above the pitch's own text."""
    return page[:page.index("<article")]


@pytest.mark.parametrize(("lang", "publish"), [("nb", "Publiser"), ("en", "Publish")])
def test_a_draft_ready_to_publish_has_the_button_at_the_top(app, lang, publish):
    client = _client_in(app, lang, make_user("founder"))
    location = client.post("/pitches/new", data=pitch_form(
        description="Lang tekst om fjorden. " * 400)).headers["Location"]
    pitch_id = int(location.rstrip("/").rsplit("/", 1)[1])

    top = _top(client.get(location).get_data(as_text=True))

    assert f'action="/pitches/{pitch_id}/publish"' in top
    assert f">{publish}</button>" in top


def test_a_draft_missing_what_publishing_needs_offers_edit_at_the_top(app):
    client = _client_in(app, "nb", make_user("founder"))
    location = client.post("/pitches/new", data=pitch_form(stage="")).headers["Location"]
    pitch_id = int(location.rstrip("/").rsplit("/", 1)[1])

    top = _top(client.get(location).get_data(as_text=True))

    assert "For å publisere pitchen, legg til fasen." in top
    assert f'href="/pitches/{pitch_id}/edit">Rediger</a>' in top
    assert "/publish" not in top


def test_a_published_pitch_has_no_draft_note(app):
    client = _client_in(app, "nb", make_user("founder"))
    location = client.post("/pitches/new", data=pitch_form()).headers["Location"]
    client.post(location + "/publish")

    assert 'id="draft-note"' not in client.get(location).get_data(as_text=True)
