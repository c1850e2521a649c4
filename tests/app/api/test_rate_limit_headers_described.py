"""The OpenAPI description declares the rate limit's headers: X-RateLimit-Limit, -Remaining
and -Reset on every response of every operation, Retry-After on a 429. Every answer carried
them, but the description named only Retry-After, in the 429's prose; a client generated
from it could not read them. And what it declares is what an answer carries."""

from __future__ import annotations

import time

import pytest

from tests.app.api.helpers import bearer
from tests.factories import make_user

RATE_LIMIT = {"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"}
METHODS = ("get", "post", "put", "patch", "delete")


def _responses(spec: dict):
    """(path, method, status, response) for every response, a reference resolved."""
    for path, item in spec["paths"].items():
        for method in METHODS:
            for status, response in item.get(method, {}).get("responses", {}).items():
                if "$ref" in response:
                    response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
                yield path, method, status, response


def _declared(spec: dict, response: dict) -> dict[str, dict]:
    headers = {}
    for name, header in response.get("headers", {}).items():
        if "$ref" in header:
            header = spec["components"]["headers"][header["$ref"].split("/")[-1]]
        headers[name] = header
    return headers


def test_every_response_declares_the_rate_limit_headers(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    responses = list(_responses(spec))
    assert len(responses) > 100
    for path, method, status, response in responses:
        declared = _declared(spec, response)
        assert set(declared) >= RATE_LIMIT, (path, method, status)
        for name in RATE_LIMIT:
            assert declared[name]["schema"]["type"] == "integer"
            assert declared[name]["description"]
        assert ("Retry-After" in declared) == (status == "429"), (path, method, status)


def test_the_lists_keep_their_etag_header(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    ok = spec["paths"]["/api/v1/pitches"]["get"]["responses"]["200"]
    assert {"ETag", *RATE_LIMIT} <= set(ok["headers"])


@pytest.fixture
def app_overrides():
    return {"RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "5 per minute"}


def test_an_answer_carries_what_the_description_declares(client):
    """One count per token over every operation, as X-RateLimit-Limit's description says:
    a 404 on one operation counts against the next request to another."""
    headers = bearer(make_user("investor"))
    before = time.time()
    answers = [(client.get(path, headers=headers), status) for path, status in
               [("/api/v1/me", 200), ("/api/v1/pitches/999999", 404), ("/api/v1/me", 200)]]
    for response, status in answers:
        assert response.status_code == status
        assert set(response.headers.keys()) >= RATE_LIMIT
        assert response.headers["X-RateLimit-Limit"] == "5"
        assert before <= int(response.headers["X-RateLimit-Reset"]) <= before + 62
    assert [r.headers["X-RateLimit-Remaining"] for r, _ in answers] == ["4", "3", "2"]
