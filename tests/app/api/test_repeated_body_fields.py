"""A JSON body that gives a field twice in one object is refused (422, the field named), as
a repeated query parameter is: json.loads kept the last value and dropped the first unsaid,
so {"title": "a", "title": "b"} made a pitch titled "b". I-JSON (RFC 7493) refuses it."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Pitch
from tests.app.api.world import build


@pytest.fixture
def world(app):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    return build()


def _post(client, token, raw: str):
    return client.post("/api/v1/pitches", data=raw.encode(),
                       headers=dict(token, **{"Content-Type": "application/json"}))


def test_a_field_given_twice_is_refused_by_name_and_nothing_is_made(client, world):
    before = db.session.query(Pitch).count()
    response = _post(client, world.tokens["founder_a"],
                     '{"title": "a", "summary": "s", "stage": "seed", "title": "b"}')
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["fields"] == {"title": ["Send den én gang: den tar én verdi."]}
    assert error["message"] == "Ugyldige verdier."
    assert db.session.query(Pitch).count() == before


def test_each_field_once_still_reads_and_a_bom_is_still_ignored(client, world):
    token = world.tokens["founder_a"]
    ok = _post(client, token, '\ufeff{"title": "a", "summary": "s", "stage": "seed"}')
    assert ok.status_code == 201 and ok.get_json()["title"] == "a"
    broken = _post(client, token, '{"title": "a",')
    assert broken.status_code == 400


def test_the_description_says_so(client):
    intro = client.get("/api/v1/openapi.json").get_json()["info"]["description"]
    assert "or a body field given twice (each takes one value)" in intro
