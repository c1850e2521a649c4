"""Retry-After is on a refusal for too many requests only. flask-limiter wrote it on every
answer of a rate-limited route: a 200 or a 401 said "Retry-After: 60" too. The
X-RateLimit-* headers stay on every answer."""

from __future__ import annotations

import pytest

from tests.app.api.helpers import bearer
from tests.factories import make_user


@pytest.fixture
def app_overrides():
    return {"RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "2 per minute"}


def test_an_answer_within_the_limit_says_no_retry_after(client):
    response = client.get("/api/v1/me", headers=bearer(make_user("investor")))
    assert response.status_code == 200
    assert response.headers["X-RateLimit-Limit"] == "2"
    assert response.headers["X-RateLimit-Remaining"] == "1"
    assert "Retry-After" not in response.headers


def test_a_refused_token_gets_no_retry_after(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert "X-RateLimit-Limit" in response.headers
    assert "Retry-After" not in response.headers


def test_too_many_requests_still_says_when_to_retry(client):
    headers = bearer(make_user("investor"))
    assert [client.get("/api/v1/me", headers=headers).status_code
            for _ in range(3)] == [200, 200, 429]
    refused = client.get("/api/v1/me", headers=headers)
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["X-RateLimit-Remaining"] == "0"


class TestLoginPage:
    @pytest.fixture
    def app_overrides(self):
        return {"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"}

    def test_a_login_answer_that_is_no_refusal_says_no_retry_after(self, client):
        user = make_user("founder")
        response = client.post("/auth/login", data={"email": user.email,
                                                    "password": "wrong password"})
        assert response.status_code != 429
        assert "Retry-After" not in response.headers
