"""PUT /profile and PUT /pitches/{id} replace the whole record, and their descriptions say
so: a field left out is saved as its default, not kept. The descriptions said "replace its
fields" only, and a script that sent just the thesis with its version emptied the
profile's sectors, offers and contact details without a word (tried on the demo)."""

from __future__ import annotations

import pytest

from tests.app.api.world import build


@pytest.fixture
def world(app):
    return build()


def _described(client, path: str, method: str) -> str:
    operation = client.get("/api/v1/openapi.json").get_json()["paths"][path][method]
    return " ".join(" ".join((operation.get("summary", ""),
                              operation.get("description", ""))).split())


def test_the_descriptions_say_a_field_left_out_is_not_kept(client, world):
    assert ("Send the whole profile, as GET /profile answers it: a field left out is saved "
            "as its default" in _described(client, "/api/v1/profile", "put"))
    assert ("Send the whole pitch, as GET /pitches/{pitch_id} answers it: a field left out "
            "is saved as its default" in _described(client, "/api/v1/pitches/{pitch_id}",
                                                      "put"))


def test_a_profile_put_without_a_field_saves_its_default(client, world):
    """A guard of the behaviour the description states."""
    token = world.tokens["investor_a"]
    profile = client.get("/api/v1/profile", headers=token).get_json()
    assert profile["sectors"]
    response = client.put("/api/v1/profile", headers=token, json={
        "organisation": profile["organisation"], "investor_type": profile["investor_type"],
        "thesis": "Bare tesen", "version": profile["version"]})
    assert response.status_code == 200
    assert response.get_json()["sectors"] == [] and response.get_json()["thesis"] == "Bare tesen"
