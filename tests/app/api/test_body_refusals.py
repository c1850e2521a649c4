"""A body that is not JSON is refused as such, in the token user's language: 415 when it was
not sent as JSON (a form-encoded body got "Missing data" for every field), 400 when it is
broken JSON (Werkzeug's "The browser (or proxy) sent a request…"). Nothing is saved."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Pitch
from tests.app.api.helpers import bearer
from tests.factories import make_user

WORDS = {
    "nb": {415: "Send innholdet som JSON, med headeren Content-Type: application/json.",
           400: "Innholdet er ikke gyldig JSON."},
    "en": {415: "Send the body as JSON, with the header Content-Type: application/json.",
           400: "The body is not valid JSON."},
}


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_a_body_not_sent_as_json_is_refused_in_the_users_language(app, client, locale):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    headers = bearer(make_user("founder", locale=locale))
    form = client.post("/api/v1/pitches", headers=headers,
                       data={"title": "Skjema", "summary": "Sendt som skjema", "stage": "idea"})
    text = client.post("/api/v1/pitches", headers=headers, data='{"title": "x"}',
                       content_type="text/plain")
    bare = client.post("/api/v1/pitches", headers=headers)
    for response in (form, text, bare):
        assert response.status_code == 415, response.get_data(as_text=True)
        error = response.get_json()["error"]
        assert error["code"] == "unsupported_media_type"
        assert error["message"] == WORDS[locale][415] and error["fields"] == {}
    broken = client.put("/api/v1/interests", headers=headers, data="{not json",
                        content_type="application/json")
    assert broken.status_code == 400
    assert broken.get_json()["error"]["message"] == WORDS[locale][400]
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_half_a_surrogate_pair_is_not_valid_json(client, locale):
    """'\\ud800' alone passes JSON's grammar but is no text: it could not be saved or
    answered (UTF-8 cannot hold it), and was a 500."""
    headers = bearer(make_user("founder", locale=locale))
    for escape in ("\\ud800", "\\udfff", "x\\ud83dy"):
        response = client.post("/api/v1/pitches", headers=headers,
                               content_type="application/json",
                               data='{"title": "Sol' + escape + '", "summary": "Solceller", '
                                    '"stage": "idea"}')
        assert response.status_code == 400, (escape, response.get_data(as_text=True))
        assert response.get_json()["error"]["message"] == WORDS[locale][400]
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0
    whole = client.post("/api/v1/pitches", headers=headers, content_type="application/json",
                        data='{"title": "Sol \\ud83c\\udf1e", "summary": "Solceller", '
                             '"stage": "idea"}')
    assert whole.status_code == 201 and whole.get_json()["title"] == "Sol \U0001f31e"


def test_the_description_names_the_body_refusals(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, method in (("/api/v1/pitches", "post"), ("/api/v1/interests", "put"),
                         ("/api/v1/profile", "put")):
        assert {"400", "415"} <= set(spec["paths"][path][method]["responses"]), path
    assert "415" not in spec["paths"]["/api/v1/pitches"]["get"]["responses"]


CHUNKED = {"HTTP_TRANSFER_ENCODING": "chunked", "wsgi.input_terminated": True}


@pytest.mark.parametrize("locale, words", [("nb", "Innholdet er for stort: høyst 1 MB."),
                                           ("en", "The body is too large: at most 1 MB.")])
def test_a_chunked_body_over_the_limit_is_too_large_not_broken(app, client, locale, words):
    """A body sent without Content-Length (Transfer-Encoding: chunked, as a streaming client
    sends it) is read by Werkzeug only up to MAX_CONTENT_LENGTH: the JSON came cut off and
    was refused as "not valid JSON" (400). It is 413, as with a declared length."""
    app.config["MAX_CONTENT_LENGTH"] = 1024 * 1024
    headers = bearer(make_user("founder", locale=locale))
    body = ('{"title": "Sol", "summary": "Solceller", "stage": "idea", "description": "'
            + "sol " * 300_000 + '"}').encode()
    for sent in (body, body[:1024 * 1024]):  # over the limit, and exactly at it
        response = client.post("/api/v1/pitches", headers=headers, input_stream=io.BytesIO(sent),
                               content_type="application/json",
                               environ_overrides=CHUNKED)
        assert response.status_code == 413, response.get_data(as_text=True)
        assert response.get_json()["error"] == {
            "code": "payload_too_large", "message": words, "fields": {},
            "request_id": response.get_json()["error"]["request_id"]}
    small = client.post("/api/v1/pitches", headers=headers, content_type="application/json",
                        input_stream=io.BytesIO(b'{"title": "Sol", "summary": "Solceller", '
                                                b'"stage": "idea"}'),
                        environ_overrides=CHUNKED)
    assert small.status_code == 201, small.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 1


def test_a_byte_order_mark_before_the_json_is_ignored(client):
    """A file saved as "UTF-8" by Notepad or PowerShell 5 begins with a byte order mark;
    sent with curl -d @file.json it was refused as "not valid JSON" (RFC 8259 lets a parser
    ignore it, and json.loads does)."""
    headers = bearer(make_user("founder", locale="en"))
    body = '{"title": "Sol på låven", "summary": "Solceller", "stage": "idea"}'.encode()
    response = client.post("/api/v1/pitches", headers=headers, content_type="application/json",
                           data=b"\xef\xbb\xbf" + body)
    assert response.status_code == 201, response.get_data(as_text=True)
    assert response.get_json()["title"] == "Sol på låven"
    twice = client.post("/api/v1/pitches", headers=headers, content_type="application/json",
                        data=b"\xef\xbb\xbf\xef\xbb\xbf" + body)
    assert twice.status_code == 400
