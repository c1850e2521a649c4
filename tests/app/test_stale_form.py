"""A form sent with a stale CSRF token (a tab left open past the token's life, or a new
login in another tab) comes back with what was written in it, saves nothing, and saves
when sent again; nobody without the session gets a filled-in form."""

from __future__ import annotations

import time

import pytest
from itsdangerous import URLSafeTimedSerializer
from itsdangerous.timed import TimestampSigner

from app.extensions import db
from app.models import Pitch
from tests.app.form_tokens import form_token, token_in
from tests.app.security.principals import log_in
from tests.factories import make_pitch, make_user

STORY = "Vi lager batterilagring for solenergi på gårdsbruk i Modum – skrevet i en time."


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


def _old_token(client, path: str, app) -> str:
    """The token of the form's page as it was issued longer ago than tokens live (signed
    as Flask-WTF signs it, with an old timestamp)."""
    form_token(client, path)
    with client.session_transaction() as session:
        raw = session["csrf_token"]
    signer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wtf-csrf-token")
    real = TimestampSigner.get_timestamp
    age = app.config["WTF_CSRF_TIME_LIMIT"] + 60
    TimestampSigner.get_timestamp = lambda self: int(time.time()) - age
    try:
        return signer.dumps(raw)
    finally:
        TimestampSigner.get_timestamp = real


def _form(pitch: Pitch, token: str) -> dict:
    return {"csrf_token": token, "version": pitch.version, "title": "Solgård",
            "summary": "Batterier for gårdsbruk", "description": STORY, "stage": "seed",
            "sectors": ["energy"], "municipality": "modum"}


def test_a_stale_token_keeps_what_was_written_and_saves_nothing(app):
    founder = make_user("founder")
    pitch = make_pitch(founder, title="Gammel tittel", description="Gammel tekst")
    client = app.test_client()
    log_in(client, founder)
    client.post("/language", data={"lang": "nb", "csrf_token": token_in(
        client.get("/").get_data(as_text=True))})
    path = f"/pitches/{pitch.id}/edit"
    response = client.post(path, data=_form(pitch, _old_token(client, path, app)))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Ingenting ble lagret" in page
    assert STORY in page and 'value="Solgård"' in page  # back in the form's fields
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).description == "Gammel tekst"
    # sent again with the page's fresh token, it is saved
    again = client.post(path, data=_form(pitch, token_in(page)))
    assert again.status_code == 302
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).description == STORY


def test_a_new_login_in_another_tab_keeps_what_was_written(app):
    founder = make_user("founder")
    pitch = make_pitch(founder, description="Gammel tekst")
    client = app.test_client()
    log_in(client, founder)
    path = f"/pitches/{pitch.id}/edit"
    token = form_token(client, path)
    with client.session_transaction() as session:
        session.pop("csrf_token")  # what logging in again does to the session's token
    response = client.post(path, data=_form(pitch, token))
    assert response.status_code == 400 and STORY in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Pitch, pitch.id).description == "Gammel tekst"


def test_without_the_session_the_form_is_not_filled_in(app):
    """A post from another site comes without the SameSite=Lax cookie: the plain error
    page, nothing of what was sent shown."""
    pitch = make_pitch(make_user("founder"), description="Gammel tekst")
    response = app.test_client().post(f"/pitches/{pitch.id}/edit",
                                      data=_form(pitch, "forged"))
    assert response.status_code == 400
    assert STORY not in response.get_data(as_text=True)


def test_an_action_without_a_form_page_gets_the_error_page_and_no_stray_message(app):
    founder = make_user("founder")
    pitch = make_pitch(founder, status="draft")
    client = app.test_client()
    log_in(client, founder)
    response = client.post(f"/pitches/{pitch.id}/publish", data={"csrf_token": "stale"})
    assert response.status_code == 400
    later = client.get("/pitches/mine").get_data(as_text=True)
    assert "Nothing was saved" not in later and "Ingenting ble lagret" not in later
