"""A founder whose pitch the organisers hid reads why through the API, as the pitch's page
and the notice say it: `hidden_reason`. The API answered `hidden: true` only, so a script
(or its user) could not tell what to change; once the pitch is shown again it is null."""

from __future__ import annotations

import pytest

from app.services import moderation
from tests.app.api.world import build


@pytest.fixture
def world(app):
    return build()


def test_the_founder_reads_why_the_pitch_is_hidden_and_investors_still_see_nothing(client,
                                                                                    world):
    path = f"/api/v1/pitches/{world.a_pitch.id}"
    assert client.get(path, headers=world.tokens["founder_a"]).get_json()[
        "hidden_reason"] is None
    moderation.hide(world.a_pitch, "Mangler omsetningstall", world.staff)
    own = client.get(path, headers=world.tokens["founder_a"]).get_json()
    assert own["hidden"] is True and own["hidden_reason"] == "Mangler omsetningstall"
    assert client.get(path, headers=world.tokens["investor_b"]).status_code == 404
    matches = client.get("/api/v1/matches", headers=world.tokens["investor_a"]).get_json()
    assert [m["pitch"] for m in matches["items"] if m["pitch_id"] == world.a_pitch.id] == [None]
    moderation.unhide(world.a_pitch, world.staff)
    shown = client.get(path, headers=world.tokens["investor_b"]).get_json()
    assert shown["hidden"] is False and shown["hidden_reason"] is None
