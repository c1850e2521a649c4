"""A founder whose published pitch the organisers hid, saying they are interested in an
investor, is told why it is refused: the pitch is hidden. They were told "Publish the pitch
before you answer investors." about a pitch that was published."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Interest
from app.services import moderation
from tests.app.api.world import build


@pytest.fixture
def world(app):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    return build()


def test_interest_on_a_hidden_pitch_says_it_is_hidden_and_saves_nothing(client, world):
    moderation.hide(world.a_pitch, "Mangler opplysninger", world.staff)
    before = db.session.query(Interest).count()
    response = client.put("/api/v1/interests", headers=world.tokens["founder_a"], json={
        "pitch_id": world.a_pitch.id, "investor_id": world.investor_b.id,
        "kind": "interested"})
    assert response.status_code == 422
    message = response.get_json()["error"]["message"]
    assert message == ("Arrangørene har skjult pitchen, så investorene ser den ikke: du kan "
                       "si at du er interessert når den vises igjen.")
    # the refusal is about the pitch sent, so `fields` names it (it was empty)
    assert response.get_json()["error"]["fields"] == {"pitch_id": [message]}
    assert db.session.query(Interest).count() == before


def test_interest_on_a_draft_still_asks_to_publish_it(client, world):
    response = client.put("/api/v1/interests", headers=world.tokens["founder_a"], json={
        "pitch_id": world.a_draft.id, "investor_id": world.investor_b.id,
        "kind": "interested"})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["message"] == "Publiser pitchen før du svarer investorer."
    assert error["fields"] == {"pitch_id": [error["message"]]}
