"""The refusals Werkzeug and flask-limiter make before any API view runs speak the caller's
language, with one code per status, in the API's error shape: a path the API does not have
(404), a method a path does not take (405, with the Allow header RFC 9110 asks for), the
rate limit (429), no token or a bad one (401). They answered English whatever the caller
read: "The requested URL was not found on the server. …", "The method is not allowed for
the requested URL.", "Too many requests: 2 per 1 minute", "Send a personal API token: …".

The language is the token user's saved one, as every other API answer; without a usable
token, the first of ours the Accept-Language names, else the site's default (bokmål)."""

from __future__ import annotations

import pytest

from tests.app.api.helpers import bearer
from tests.app.test_i18n import _client_in
from tests.factories import make_user

WORDS = {
    "en": {"no_path": "The API has no such path. Its paths are listed at /api/v1/docs.",
           "method": "/api/v1/pitches does not take DELETE, only: GET, POST.",
           "limit": "Too many requests: at most 2 requests in 1 minute. Try again in ",
           "no_token": "Send a personal API token: Authorization: Bearer <token>.",
           "bad_token": "The token is invalid, expired or revoked.",
           "page_405": "This page cannot be used that way. Go back and use its links and "
                       "buttons.",
           "heading_405": "Not allowed"},
    "nb": {"no_path": "API-et har ingen slik sti. Stiene står på /api/v1/docs.",
           "method": "/api/v1/pitches tar ikke imot DELETE, bare: GET, POST.",
           "limit": "For mange forespørsler: høyst 2 forespørsler på 1 minutt. Prøv igjen om ",
           "no_token": "Send en personlig API-nøkkel: Authorization: Bearer <token>.",
           "bad_token": "Nøkkelen er ugyldig, utløpt eller trukket tilbake.",
           "page_405": "Siden kan ikke brukes på den måten. Gå tilbake og bruk lenkene og "
                       "knappene på den.",
           "heading_405": "Ikke tillatt"},
}


@pytest.fixture
def app_overrides():
    return {"BABEL_DEFAULT_LOCALE": "nb"}  # as in production


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["code"] == code and error["fields"] == {} and error["request_id"]
    return error


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_path_the_api_does_not_have_is_refused_in_the_token_users_language(client, lang):
    headers = bearer(make_user("founder", locale=lang))
    for path in ("/api/v1/nope", "/api/nope", "/api/v1/pitches/abc"):
        error = _error(client.get(path, headers=headers), 404, "not_found")
        assert error["message"] == WORDS[lang]["no_path"], path


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_method_a_path_does_not_take_is_refused_saying_which_it_takes(client, lang):
    response = client.delete("/api/v1/pitches", headers=bearer(make_user("founder",
                                                                         locale=lang)))
    assert _error(response, 405, "method_not_allowed")["message"] == WORDS[lang]["method"]
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS, POST"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_without_a_token_the_accept_language_decides(client, lang):
    other = {"en": "nb", "nb": "en"}[lang]
    accept = {"Accept-Language": f"{lang}, {other};q=0.5"}
    assert _error(client.get("/api/v1/me", headers=accept), 401,
                  "unauthorized")["message"] == WORDS[lang]["no_token"]
    bad = {**accept, "Authorization": "Bearer kbl_nonsense"}
    assert _error(client.get("/api/v1/me", headers=bad), 401,
                  "unauthorized")["message"] == WORDS[lang]["bad_token"]
    assert _error(client.get("/api/v1/nope", headers=accept), 404,
                  "not_found")["message"] == WORDS[lang]["no_path"]
    assert _error(client.put("/api/v1/me", headers=accept), 405,
                  "method_not_allowed")["message"].startswith("/api/v1/me ")


def test_without_a_token_or_a_language_of_ours_the_site_default_speaks(client):
    response = client.get("/api/v1/me", headers={"Accept-Language": "de"})
    assert _error(response, 401, "unauthorized")["message"] == WORDS["nb"]["no_token"]


def test_a_session_cookie_chooses_no_language_for_the_api(app, client):
    """The API ignores cookies: a browser's language choice does not reach it."""
    client.post("/language", data={"lang": "en"})
    assert _error(client.get("/api/v1/nope"), 404,
                  "not_found")["message"] == WORDS["nb"]["no_path"]


class TestRateLimit:
    @pytest.fixture
    def app_overrides(self):
        return {"BABEL_DEFAULT_LOCALE": "nb", "RATELIMIT_ENABLED": True,
                "API_RATE_LIMIT": "2 per minute"}

    @pytest.mark.parametrize("lang", ["en", "nb"])
    def test_the_rate_limit_is_refused_in_the_token_users_language(self, client, lang):
        headers = bearer(make_user("investor", locale=lang))
        assert [client.get("/api/v1/me", headers=headers).status_code
                for _ in range(2)] == [200, 200]
        response = client.get("/api/v1/me", headers=headers)
        message = _error(response, 429, "too_many_requests")["message"]
        assert message.startswith(WORDS[lang]["limit"]), message
        assert response.headers["Retry-After"]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_page_a_method_cannot_reach_says_so_in_the_readers_language(app, lang):
    response = _client_in(app, lang).get("/language")
    assert response.status_code == 405
    page = " ".join(response.get_data(as_text=True).split())
    assert f"<title>{WORDS[lang]['heading_405']} · Koble</title>" in page
    assert WORDS[lang]["page_405"] in page
    assert response.headers["Allow"] == "OPTIONS, POST"
