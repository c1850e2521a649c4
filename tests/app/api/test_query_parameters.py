"""One rule for query parameters: an operation refuses one it does not take (422, naming it),
as an unknown body field is refused. `page` was silently ignored by the lists that answer
whole (/interests, /matches, a pitch's recommendations), so a script paging through them read
the same items on every page."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Pitch
from tests.app.api.world import build


@pytest.fixture
def world(app):
    return build()


def _unknown(response, *names):
    assert response.status_code == 422, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert error["fields"] == {name: ["Unknown field."] for name in names}
    assert all(name in error["message"] for name in names)


def test_lists_that_answer_whole_refuse_page(client, world):
    founder, investor = world.tokens["founder_a"], world.tokens["investor_a"]
    _unknown(client.get(f"/api/v1/pitches/{world.a_pitch.id}/recommendations?page=2",
                        headers=founder), "page")
    _unknown(client.get("/api/v1/interests?page=2&per_page=5", headers=investor),
             "page", "per_page")
    _unknown(client.get("/api/v1/matches?per_page=5", headers=investor), "per_page")
    _unknown(client.get("/api/v1/me?colour=green", headers=investor), "colour")


def test_paginated_lists_refuse_unknown_parameters_the_same_way(client, world):
    investor = world.tokens["investor_a"]
    _unknown(client.get("/api/v1/pitches?colour=green", headers=investor), "colour")
    _unknown(client.get("/api/v1/recommendations?sort=title", headers=investor), "sort")
    assert client.get("/api/v1/pitches?page=1&per_page=5&sort=title",
                      headers=investor).status_code == 200
    assert client.get("/api/v1/recommendations?page=1&per_page=5",
                      headers=investor).status_code == 200


def test_a_write_with_an_unknown_parameter_changes_nothing(client, world):
    _unknown(client.post(f"/api/v1/pitches/{world.a_draft.id}/publish?force=true",
                         headers=world.tokens["founder_a"]), "force")
    db.session.expire_all()
    assert db.session.get(Pitch, world.a_draft.id).status == "draft"


def test_every_operation_documents_the_refusal(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    missing = [f"{method.upper()} {path}" for path, item in spec["paths"].items()
               for method, operation in item.items()
               if method in ("get", "post", "put", "delete")
               and path.startswith("/api/v1/") and "422" not in operation["responses"]]
    assert not missing
