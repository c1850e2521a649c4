"""A query parameter sent more than once is refused (422, named), as an unknown one is:
none takes a list, and the repeated one was read as its first value with the rest dropped
unsaid, so `?sector=energy&sector=maritime` (what `requests` sends for a list) listed
energy pitches only, and `?page=1&page=abc` passed."""

from __future__ import annotations

import pytest

from tests.app.api.world import build


@pytest.fixture
def world(app):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    return build()


@pytest.mark.parametrize("query", ["sector=energy&sector=maritime", "page=1&page=abc",
                                   "per_page=5&per_page=50"])
def test_a_repeated_query_parameter_is_refused_by_name(client, world, query):
    response = client.get(f"/api/v1/recommendations?{query}",
                          headers=world.tokens["investor_a"])
    assert response.status_code == 422
    error = response.get_json()["error"]
    name = query.split("=")[0]
    assert error["fields"] == {name: ["Send den én gang: den tar én verdi."]}
    assert error["message"] == (f"En spørreparameter ble sendt mer enn én gang: {name}. "
                                "Hver tar én verdi.")


def test_other_operations_refuse_it_too_and_one_value_still_reads(client, world):
    founder = world.tokens["founder_a"]
    pair = f"pitch_id={world.a_pitch.id}&investor_id={world.investor_b.id}"
    assert client.delete(f"/api/v1/interests?{pair}&{pair}",
                         headers=founder).status_code == 422
    assert client.get("/api/v1/pitches?q=sol&q=vind",
                      headers=world.tokens["staff"]).status_code == 422
    assert client.get("/api/v1/recommendations?sector=energy&per_page=5",
                      headers=world.tokens["investor_a"]).status_code == 200
    assert client.delete(f"/api/v1/interests?{pair}", headers=founder).status_code == 204
