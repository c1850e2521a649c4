"""Logging out keeps the person's language, and a form sent after logging out in another tab
(its token went with the old session) says so plainly, links to logging in again and shows
the reference to quote."""

from __future__ import annotations

import re

import pytest

from tests.app.form_tokens import form_token
from tests.factories import DEFAULT_PASSWORD, make_pitch, make_user


@pytest.fixture
def app_overrides():
    # bokmål by default, as the site is (the tests' own default is English)
    return {"WTF_CSRF_ENABLED": True, "BABEL_DEFAULT_LOCALE": "nb"}


def _english_founder_editing(app):
    founder = make_user("founder", locale="en")
    pitch = make_pitch(founder)
    client = app.test_client()
    token = form_token(client)
    client.post("/auth/login", data={"email": founder.email, "password": DEFAULT_PASSWORD,
                                     "csrf_token": token})
    path = f"/pitches/{pitch.id}/edit"
    return client, path, form_token(client, path)


def test_logging_out_keeps_the_language(app):
    client, _path, token = _english_founder_editing(app)
    client.post("/auth/logout", data={"csrf_token": token})
    page = client.get("/").get_data(as_text=True)
    assert "You are logged out." in page and "Du er logget ut." not in page


def test_a_form_sent_after_logging_out_in_another_tab_says_so(app):
    client, path, token = _english_founder_editing(app)
    client.post("/auth/logout", data={"csrf_token": token})  # the other tab
    response = client.post(path, data={"csrf_token": token, "title": "Ny tittel"},
                           headers={"Referer": f"http://localhost{path}"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "You are logged out" in page and "Bad request" not in page
    # back to the form, which takes back what was sent (tests/app/test_kept_forms.py)
    assert f'href="/auth/login?next={path}?kept%3D' in page
    request_id = response.headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{12}", request_id)
    assert f"Reference: {request_id}" in page


def test_every_error_page_shows_its_reference(app):
    """The CSRF check runs before the app's own hooks; its page still carries the id."""
    response = app.test_client().post("/language", data={"lang": "en"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    request_id = response.headers["X-Request-Id"]
    assert request_id and f"Referanse: {request_id}" in page


def test_a_stale_form_without_a_logout_keeps_the_plain_page(app):
    """Someone who never logged in is not told they logged out."""
    response = app.test_client().post("/auth/register", data={"csrf_token": "old"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "logget ut" not in page


def test_timing_out_keeps_the_language(app):
    client, _path, _token = _english_founder_editing(app)
    with client.session_transaction() as session:
        session["seen"] = 0  # idle for ages
    client.get("/")
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="en">' in page
