"""Sessions (ASVS V7): renewal at login, ending sessions, timeouts, remember-me, reset links."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from itsdangerous.timed import TimestampSigner

import app.sessions
from app.extensions import db
from app.services import account_access
from app.services.tokens import RESET_MAX_AGE, make_reset_token, sign
from tests.app.security.principals import log_in_with_form
from tests.factories import make_user

PRIVATE = "/auth/password"
NEW_PASSWORD = "fjord sol batteri 2026"


def logged_in(client) -> bool:
    return client.get(PRIVATE).status_code == 200


class Clock:
    """Stands in for the `time` module inside app.sessions only."""

    def __init__(self):
        self.now = time.time()

    def time(self) -> float:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta).total_seconds()


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(app.sessions, "time", fake)
    return fake


# --- renewal and fixation ---------------------------------------------------------------------

def test_session_is_renewed_at_login_and_planted_values_are_dropped(app, client):
    user = make_user("founder")
    client.post("/language", data={"lang": "en", "next": "/"})
    with client.session_transaction() as session:
        session["planted"] = "attacker's value"
        session["_fresh"] = True
    before = client.get_cookie("session").value
    assert log_in_with_form(client, user).status_code == 302
    after = client.get_cookie("session").value
    assert after != before
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["lang"] == "en"  # the language choice survives
    # Whoever holds the pre-login cookie holds an anonymous session.
    attacker = app.test_client()
    attacker.set_cookie("session", before)
    assert not logged_in(attacker)


# --- ending sessions --------------------------------------------------------------------------

def test_logout_kills_captured_session_and_remember_cookies(app, client):
    user = make_user("founder")
    client.post("/auth/login", data={"email": user.email, "password": "grønne idéer møter kapital",
                                     "remember": "y"})
    session_cookie = client.get_cookie("session").value
    remember_cookie = client.get_cookie("remember_token").value
    client.post("/auth/logout")
    for name, value in (("session", session_cookie), ("remember_token", remember_cookie)):
        thief = app.test_client()
        thief.set_cookie(name, value)
        assert not logged_in(thief), name


def test_remember_me_cookie_is_refused_by_the_server_after_its_lifetime(app, client, clock):
    """The browser drops the cookie after 7 days; a copied cookie must not outlive that."""
    user = make_user("founder")
    client.post("/auth/login", data={"email": user.email, "password": "grønne idéer møter kapital",
                                     "remember": "y"})
    remember_cookie = client.get_cookie("remember_token").value

    def thief() -> bool:
        other = app.test_client()
        other.set_cookie("remember_token", remember_cookie)
        return logged_in(other)

    clock.advance(days=6)
    assert thief()  # within its lifetime the cookie logs in on a new browser session
    clock.advance(days=1, hours=1)
    assert not thief()


def test_a_session_without_a_login_time_is_refused(app, client):
    user = make_user("founder")
    with client.session_transaction() as session:
        session["_user_id"] = f"{user.id}:{user.session_token}"  # the id of an older release
        session["_fresh"] = True
    assert not logged_in(client)


def test_password_change_ends_other_sessions_but_keeps_this_one(app, client):
    user = make_user("founder")
    other = app.test_client()
    log_in_with_form(client, user)
    log_in_with_form(other, user)
    response = client.post(PRIVATE, data={"current_password": "grønne idéer møter kapital",
                                          "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert response.status_code == 303
    assert logged_in(client)
    assert not logged_in(other)


def test_deactivation_ends_every_session_for_good(app, client):
    user = make_user("founder")
    other = app.test_client()
    log_in_with_form(client, user)
    log_in_with_form(other, user)
    cookie = client.get_cookie("session").value
    account_access.set_active(db.session.get(type(user), user.id), False)
    assert not logged_in(client) and not logged_in(other)
    account_access.set_active(db.session.get(type(user), user.id), True)
    replay = app.test_client()
    replay.set_cookie("session", cookie)
    assert not logged_in(replay)  # reactivation does not revive old cookies


def test_inactive_flag_alone_refuses_a_valid_cookie(app, client):
    user = make_user("founder")
    log_in_with_form(client, user)
    user.active = False  # no token rotation: load_user must still refuse
    db.session.commit()
    assert not logged_in(client)


# --- timeouts ---------------------------------------------------------------------------------

def test_idle_timeout(app, client, clock):
    user = make_user("founder")
    log_in_with_form(client, user)
    idle = app.config["SESSION_IDLE_TIMEOUT"]
    assert idle <= timedelta(hours=2)
    clock.advance(seconds=idle.total_seconds() - 60)
    assert logged_in(client)  # activity resets the idle clock
    clock.advance(seconds=idle.total_seconds() - 60)
    assert logged_in(client)
    clock.advance(seconds=idle.total_seconds() + 1)
    assert not logged_in(client)
    clock.advance(seconds=1)
    assert not logged_in(client)  # the session is gone, not just paused


def test_the_session_cookie_is_rewritten_when_the_idle_clock_moves_not_on_every_page(
        app, client, clock):
    log_in_with_form(client, make_user("founder"))
    client.get(PRIVATE)
    assert "Set-Cookie" not in client.get(PRIVATE).headers  # nothing in the session changed
    clock.advance(seconds=30)
    assert "Set-Cookie" not in client.get(PRIVATE).headers
    clock.advance(seconds=31)  # a minute since the clock last moved: activity is recorded
    assert "Set-Cookie" in client.get(PRIVATE).headers
    assert "Set-Cookie" not in client.get(PRIVATE).headers


def test_absolute_timeout_even_when_active(app, client, clock):
    user = make_user("founder")
    log_in_with_form(client, user)
    lifetime = app.config["PERMANENT_SESSION_LIFETIME"]
    assert lifetime <= timedelta(hours=12)
    step = app.config["SESSION_IDLE_TIMEOUT"].total_seconds() / 2
    elapsed = 0.0
    while elapsed + step < lifetime.total_seconds():
        clock.advance(seconds=step)
        elapsed += step
        assert logged_in(client), f"logged out after {elapsed / 3600:.1f} h of activity"
    clock.advance(seconds=lifetime.total_seconds() - elapsed + 1)
    assert not logged_in(client)


def test_login_again_after_timeout_starts_a_new_clock(app, client, clock):
    user = make_user("founder")
    log_in_with_form(client, user)
    clock.advance(hours=13)
    assert not logged_in(client)
    log_in_with_form(client, user)
    assert logged_in(client)


def test_idle_timeout_also_drops_the_remember_me_cookie(app, client, clock):
    user = make_user("founder")
    client.post("/auth/login", data={"email": user.email, "password": "grønne idéer møter kapital",
                                     "remember": "y"})
    clock.advance(hours=3)
    assert not logged_in(client)
    assert client.get_cookie("remember_token") is None
    assert not logged_in(client)


# --- cookie attributes ------------------------------------------------------------------------

def test_session_and_remember_cookies_are_httponly_lax_and_remember_is_short(client):
    user = make_user("founder")
    response = client.post("/auth/login", data={
        "email": user.email, "password": "grønne idéer møter kapital", "remember": "y"})
    cookies = {c.split("=", 1)[0]: c.lower() for c in response.headers.getlist("Set-Cookie")}
    for name in ("session", "remember_token"):
        assert "httponly" in cookies[name], name
        assert "samesite=lax" in cookies[name], name
    remember = client.get_cookie("remember_token")
    assert remember.expires is not None
    assert remember.expires - datetime.now(UTC) <= timedelta(days=7, minutes=1)
    session = client.get_cookie("session")
    assert session.expires - datetime.now(UTC) <= timedelta(hours=12, minutes=1)


# --- password reset links ---------------------------------------------------------------------

def _token_aged(user, seconds: int) -> str:
    real = TimestampSigner.get_timestamp
    TimestampSigner.get_timestamp = lambda self: int(time.time()) - seconds
    try:
        return make_reset_token(user)
    finally:
        TimestampSigner.get_timestamp = real


def _opens_form(client, token) -> bool:
    return client.get(f"/auth/reset/{token}").status_code == 200


def test_reset_link_expires(client):
    user = make_user("founder")
    assert _opens_form(client, _token_aged(user, RESET_MAX_AGE - 60))
    expired = _token_aged(user, RESET_MAX_AGE + 1)
    assert not _opens_form(client, expired)
    response = client.post(f"/auth/reset/{expired}", data={"password": NEW_PASSWORD,
                                                           "confirm": NEW_PASSWORD})
    assert response.status_code == 302 and "/auth/reset" in response.headers["Location"]
    assert db.session.get(type(user), user.id).password_hash == user.password_hash


def test_reset_link_works_once_and_dies_when_the_password_changes(client):
    user = make_user("founder")
    first, second = make_reset_token(user), make_reset_token(user)
    assert client.post(f"/auth/reset/{first}", data={
        "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}).status_code == 302
    assert not _opens_form(client, first)
    assert not _opens_form(client, second)  # every older link dies with the old password


def test_reset_link_refused_for_deactivated_user_and_other_salts(client):
    user = make_user("founder")
    token = make_reset_token(user)
    forged = sign({"u": user.id, "f": token.split(".")[0]}, "rsvp")
    assert not _opens_form(client, forged)
    account_access.set_active(user, False)
    assert not _opens_form(client, token)
