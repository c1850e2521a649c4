"""Errors: a friendly page in the user's language with a request id, logged; JSON under /api/."""

from __future__ import annotations

import logging

import pytest
from flask import abort, request
from flask_babel import force_locale, gettext

SECRET = "database password is hunter2"


@pytest.fixture
def app(app):
    """The test app plus routes that fail on purpose (registered before any request)."""

    @app.route("/_test/boom")
    def _boom():
        raise RuntimeError(SECRET)

    @app.route("/api/_test/boom")
    def _api_boom():
        raise RuntimeError(SECRET)

    @app.route("/api/_test/echo", methods=["POST"])
    def _api_echo():
        return {"got": request.get_json()}

    @app.route("/_test/abort/<int:code>")
    def _abort(code):
        abort(code)

    return app


def _heading(locale: str, text: str) -> str:
    with force_locale(locale):
        return gettext(text)


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_unexpected_error_is_friendly_translated_and_logged_with_its_id(
        app, client, caplog, locale):
    caplog.set_level(logging.ERROR)
    response = client.get(f"/_test/boom?lang={locale}")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    request_id = response.headers["X-Request-Id"]
    assert len(request_id) >= 8 and request_id in page
    assert f'<html lang="{locale}">' in page
    with app.test_request_context():
        assert _heading(locale, "Something went wrong") in page
    assert "Traceback" not in page and SECRET not in page and "RuntimeError" not in page
    logged = [r for r in caplog.records if request_id in r.getMessage()]
    assert logged and logged[0].exc_info and SECRET in str(logged[0].exc_info[1])


def test_api_errors_answer_json(client):
    boom = client.get("/api/_test/boom")
    assert boom.status_code == 500
    assert boom.json["error"]["code"] == "internal_error"
    assert SECRET not in boom.get_data(as_text=True)
    assert boom.json["error"]["request_id"] == boom.headers["X-Request-Id"]
    missing = client.get("/api/no-such-thing")
    assert missing.status_code == 404 and missing.is_json
    assert set(missing.json["error"]) >= {"code", "message", "fields", "request_id"}
    assert missing.json["error"]["code"] == "not_found"
    wrong_method = client.get("/api/_test/echo")
    assert wrong_method.status_code == 405 and wrong_method.json["error"]["code"]
    bad_json = client.post("/api/_test/echo", data="{not json", content_type="application/json")
    assert bad_json.status_code == 400 and bad_json.json["error"]["code"] == "bad_request"


@pytest.mark.parametrize("code", [400, 403, 404, 405, 413, 429])
def test_http_error_pages_are_friendly(client, code):
    response = client.get(f"/_test/abort/{code}")
    assert response.status_code == code
    page = response.get_data(as_text=True)
    assert "<html" in page and response.headers["X-Request-Id"] in page
    assert "Traceback" not in page


def test_unknown_page_and_wrong_method(client):
    assert client.get("/no/such/page").status_code == 404
    response = client.post("/")
    assert response.status_code == 405 and "<html" in response.get_data(as_text=True)


def test_bodies_over_the_limit_get_413(app, client):
    limit = app.config["MAX_CONTENT_LENGTH"]
    assert limit and limit <= 10 * 1024 * 1024
    big = "x" * (limit + 1)
    form = client.post("/auth/login", data={"email": "a@b.no", "password": big})
    assert form.status_code == 413 and "<html" in form.get_data(as_text=True)
    api = client.post("/api/_test/echo", data='{"a": "' + big + '"}',
                      content_type="application/json")
    assert api.status_code == 413 and api.json["error"]["code"]


@pytest.mark.parametrize(("accept", "says"), [
    ("en", "Something went wrong on our side. Try again later; if it goes on, tell us the "
           "request_id."),
    ("nb", "Noe gikk galt hos oss. Prøv igjen senere; om det fortsetter, oppgi request_id "
           "til oss."),
])
def test_an_api_server_error_says_so_in_the_callers_language(client, accept, says):
    """Without a token the caller's Accept-Language chooses, as for the API's other
    refusals; the request id it names is in the body."""
    boom = client.get("/api/_test/boom", headers={"Accept-Language": accept})
    assert boom.status_code == 500
    assert boom.json["error"]["message"] == says
    assert boom.json["error"]["request_id"]


def test_an_api_server_error_caused_by_the_database_still_answers(app, client, monkeypatch):
    """Choosing the language can itself need the database; the 500 goes out in English."""
    from app.api import language

    def broken():
        raise RuntimeError("the database is gone")

    monkeypatch.setattr(language, "caller_locale", broken)
    boom = client.get("/api/_test/boom", headers={"Accept-Language": "nb"})
    assert boom.status_code == 500 and boom.is_json
    assert boom.json["error"]["message"].startswith("Something went wrong on our side.")
