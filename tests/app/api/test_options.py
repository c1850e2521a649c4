"""OPTIONS on an API path: 200 with `Allow` and no content, and no "text/html" type for the
content it does not have (Flask's automatic answer said text/html). No CORS headers: the
API does not offer CORS."""

from __future__ import annotations

import pytest

from tests.app.api.helpers import bearer
from tests.factories import make_user


@pytest.mark.parametrize("path, allow", [
    ("/api/v1/me", "GET, HEAD, OPTIONS"),
    ("/api/v1/pitches", "GET, HEAD, OPTIONS, POST"),
    ("/api/v1/interests", "DELETE, GET, HEAD, OPTIONS, PUT"),
    ("/api/v1/openapi.json", "GET, HEAD, OPTIONS"),
])
def test_options_says_the_methods_and_claims_no_type(client, path, allow):
    response = client.options(path, headers=bearer(make_user("founder")))
    assert response.status_code == 200
    assert ", ".join(sorted(response.headers["Allow"].split(", "))) == allow
    assert response.get_data() == b""
    assert response.headers["Content-Length"] == "0"
    assert "Content-Type" not in response.headers
    assert not any(name.startswith("Access-Control-") for name, _value in response.headers)


def test_options_without_a_token_is_refused_in_json(client):
    response = client.options("/api/v1/me")
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"


def test_options_on_a_page_keeps_flasks_answer(client):
    response = client.options("/auth/login")
    assert response.status_code == 200
    assert "GET" in response.headers["Allow"]
