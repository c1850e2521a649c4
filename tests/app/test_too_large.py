"""A body over MAX_CONTENT_LENGTH (5 MB) is refused with 413 in the reader's language, saying
the limit: the error page read "Error" / "The request could not be completed." (nb "Feil"),
and the API answered Werkzeug's English "The data value transmitted exceeds the capacity
limit." whatever the token user's language. Nothing is saved."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Pitch
from tests.app.api.helpers import bearer
from tests.app.test_i18n import _client_in
from tests.factories import make_user

WORDS = {
    "en": {"heading": "Too large",
           "page": "What you sent is too large: Koble takes at most 5 MB at a time. Make the "
                   "file or text smaller and try again.",
           "api": "The body is too large: at most 5 MB."},
    "nb": {"heading": "For stort",
           "page": "Det du sendte, er for stort: Koble tar imot høyst 5 MB om gangen. Gjør "
                   "filen eller teksten mindre og prøv igjen.",
           "api": "Innholdet er for stort: høyst 5 MB."},
}


def _too_big(app) -> str:
    assert app.config["MAX_CONTENT_LENGTH"] == 5 * 1024 * 1024
    return "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_form_too_large_gets_the_page_in_the_readers_language(app, lang):
    client = _client_in(app, lang, make_user("founder"))
    response = client.post("/pitches/new", data={"title": "Sol", "summary": _too_big(app)})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    words = WORDS[lang]
    assert re.search(r"<h1[^>]*>\s*" + words["heading"] + r"\s*</h1>", page)
    assert f"<title>{words['heading']} · Koble</title>" in " ".join(page.split())
    assert words["page"] in page and "capacity limit" not in page
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_api_body_too_large_is_refused_in_the_token_users_language(app, client, lang):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"  # as in production
    response = client.post(
        "/api/v1/pitches", headers=bearer(make_user("founder", locale=lang)),
        content_type="application/json",
        data='{"title": "Sol", "summary": "' + _too_big(app) + '", "stage": "idea"}')
    assert response.status_code == 413
    error = response.get_json()["error"]
    assert error["code"] == "payload_too_large" and error["message"] == WORDS[lang]["api"]
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0
