"""A pitch the organisers hid has no recommended investors, as a draft has none, and the
operation's description says so: it said "A draft has none", so a founder whose published
pitch came back with an empty list read no reason for it."""

from __future__ import annotations

import pytest

from app.services import moderation
from tests.app.api.world import build


@pytest.fixture
def world(app):
    return build()


def test_a_hidden_pitch_has_no_recommendations_as_described(client, world):
    path = f"/api/v1/pitches/{world.a_pitch.id}/recommendations"
    token = world.tokens["founder_a"]
    assert client.get(path, headers=token).get_json()["items"]
    moderation.hide(world.a_pitch, "Mangler omsetningstall", world.staff)
    assert client.get(path, headers=token).get_json()["items"] == []
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/pitches/{pitch_id}/recommendations"]["get"]
    said = " ".join(" ".join((operation.get("summary", ""),
                              operation.get("description", ""))).split())
    assert "one the organisers hid: see `hidden_reason`" in said
