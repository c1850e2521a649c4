"""Everything under /api answers in the API's JSON error shape: /api itself got the site's
HTML 404 page, and a doubled slash (/api/v1//me) Werkzeug's HTML 308 redirect."""

from __future__ import annotations

import pytest

from tests.app.api.helpers import bearer
from tests.factories import make_user

NO_PATH = "The API has no such path. Its paths are listed at /api/v1/docs."


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/v1", "/api/v1//me", "/api//v1/me",
                                  "/api/v1/pitches//1", "/api/v1//openapi.json"])
def test_a_path_the_api_does_not_have_is_a_json_404(client, path):
    response = client.get(path, headers=bearer(make_user("investor")))
    assert response.status_code == 404, response.headers.get("Location")
    assert response.mimetype == "application/json"
    error = response.get_json()["error"]
    assert (error["code"], error["message"], error["fields"]) == ("not_found", NO_PATH, {})
    assert "Location" not in response.headers


def test_the_single_slash_paths_still_answer(client):
    headers = bearer(make_user("investor"))
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_a_doubled_slash_outside_the_api_still_leads_to_the_page(client):
    response = client.get("/auth//login")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/auth/login")
