"""The "You are logged out" page after a session that expired comes in the language the person
was reading. A form sent from a tab left open overnight arrives with no session at all (its
cookie ended after 12 hours), so neither the session's language nor the account's was known,
and the page, the login page it links to and everything after came in bokmål to someone who
had read everything in English. The browser now keeps its language in a cookie of its own
(app/i18n.py)."""

from __future__ import annotations

import pytest

from tests.app.form_tokens import form_token, token_in
from tests.factories import DEFAULT_PASSWORD, make_pitch, make_user


@pytest.fixture
def app_overrides():
    # bokmål by default, as the site is (the tests' own default is English)
    return {"WTF_CSRF_ENABLED": True, "BABEL_DEFAULT_LOCALE": "nb"}


def _editing(app, saved, chosen=None):
    """A founder whose account's language is `saved`, who picked `chosen` in the menu before
    logging in (when given), with their pitch's edit form open."""
    founder = make_user("founder", locale=saved)
    pitch = make_pitch(founder)
    client = app.test_client()
    if chosen:
        client.post("/language", data={"lang": chosen, "csrf_token": form_token(client, "/")})
    client.post("/auth/login", data={"email": founder.email, "password": DEFAULT_PASSWORD,
                                     "csrf_token": form_token(client)})
    path = f"/pitches/{pitch.id}/edit"
    page = client.get(path).get_data(as_text=True)
    return client, path, {"csrf_token": token_in(page), "title": "Ny tittel"}


def _login_link(page: str) -> str:
    start = page.index('href="/auth/login?next=') + len('href="')
    return page[start:page.index('"', start)].replace("&amp;", "&")


@pytest.mark.parametrize(("saved", "chosen"), [("en", None), ("nb", "en"), (None, "en")])
def test_a_form_sent_overnight_is_answered_in_english(app, saved, chosen):
    client, path, sent = _editing(app, saved, chosen)
    client.delete_cookie("session")  # the night: the session cookie is gone

    response = client.post(path, data=sent, headers={"Origin": "http://localhost"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert '<html lang="en">' in page and "You are logged out" in page
    assert "logget ut" not in page
    login = client.get(_login_link(page)).get_data(as_text=True)
    assert '<html lang="en">' in login and "Log in" in login


def test_a_bokmal_reader_gets_it_in_bokmal(app):
    client, path, sent = _editing(app, "nb")
    client.delete_cookie("session")
    page = client.post(path, data=sent, headers={"Origin": "http://localhost"}).get_data(
        as_text=True)
    assert '<html lang="nb">' in page and "Du er logget ut" in page


def test_a_form_sent_after_the_idle_timeout_too(app):
    """Guard: a session that timed out on the server kept its language already."""
    client, path, sent = _editing(app, "en")
    with client.session_transaction() as session:
        session["seen"] = 0  # idle for hours
    page = client.post(path, data=sent, headers={"Referer": f"http://localhost{path}"}
                       ).get_data(as_text=True)
    assert '<html lang="en">' in page and "You are logged out" in page


def test_the_browsers_language_gives_way_to_the_account_logging_in(app):
    """Guard: an English browser, a bokmål account: the account's language, as before."""
    client, _path, _sent = _editing(app, "en")
    client.delete_cookie("session")
    other = make_user("founder", locale="nb")
    client.post("/auth/login", data={"email": other.email, "password": DEFAULT_PASSWORD,
                                     "csrf_token": form_token(client)})
    assert '<html lang="nb">' in client.get("/").get_data(as_text=True)
    client.delete_cookie("session")
    assert '<html lang="nb">' in client.get("/").get_data(as_text=True)


def test_the_language_cookie_is_httponly_and_lax(app):
    client, _path, _sent = _editing(app, "en")
    cookie = client.get_cookie("koble_lang")
    assert cookie is not None and cookie.value == "en"
    assert cookie.http_only and cookie.same_site == "Lax"
