"""A login form sent after the session changed in another tab: logging in in one tab and then
in a second sends the person on to their start page; a stale login form is drawn again with
the e-mail typed, never a "Bad request" page."""

from __future__ import annotations

import pytest

from tests.app.form_tokens import form_token, token_in
from tests.factories import DEFAULT_PASSWORD, make_user


@pytest.fixture
def app_overrides():
    # bokmål by default, as the site is (the tests' own default is English)
    return {"WTF_CSRF_ENABLED": True, "BABEL_DEFAULT_LOCALE": "nb"}


def test_logging_in_from_a_second_tab_sends_the_person_on(app):
    founder = make_user("founder")
    client = app.test_client()
    first_tab = form_token(client)
    second_tab = form_token(client)
    data = {"email": founder.email, "password": DEFAULT_PASSWORD}
    assert client.post("/auth/login", data={**data, "csrf_token": first_tab}).status_code == 302
    again = client.post("/auth/login", data={**data, "csrf_token": second_tab})
    assert again.status_code == 302
    assert again.headers["Location"] == "/matches/pitches"  # a founder's start page


def test_a_second_tab_asked_for_a_page_goes_there(app):
    investor = make_user("investor")
    client = app.test_client()
    path = "/auth/login?next=/account/"
    first_tab, second_tab = form_token(client, path), form_token(client, path)
    data = {"email": investor.email, "password": DEFAULT_PASSWORD}
    client.post(path, data={**data, "csrf_token": first_tab})
    again = client.post(path, data={**data, "csrf_token": second_tab})
    assert again.status_code == 302 and again.headers["Location"] == "/account/"


def test_a_stale_login_form_comes_back_with_the_email(app):
    """Logged in and out again in another tab: the session's token changed. The form is
    drawn again with the address typed (never the password), not a 400, and works."""
    founder = make_user("founder")
    client = app.test_client()
    stale = form_token(client)
    with client.session_transaction() as session:
        session.pop("csrf_token")  # what a login and logout in another tab do to it
    sent = {"email": founder.email, "password": DEFAULT_PASSWORD, "csrf_token": stale}
    response = client.post("/auth/login", data=sent)
    page = response.get_data(as_text=True)
    assert response.status_code == 400  # refused, as every stale token is: the form, no error page
    assert "Innloggingsskjemaet var utløpt" in page  # the site's default language
    assert f'value="{founder.email}"' in page
    assert DEFAULT_PASSWORD not in page
    assert "Bad request" not in page and "Ugyldig forespørsel" not in page
    logged_in = client.post("/auth/login", data={**sent, "csrf_token": token_in(page)})
    assert logged_in.status_code == 302


def test_a_login_post_from_another_site_shows_only_the_email(app):
    """Without the session cookie (another site's post): the login form with the address
    typed and nothing else sent; nobody is logged in."""
    founder = make_user("founder")
    client = app.test_client()
    response = client.post("/auth/login", data={
        "email": founder.email, "password": DEFAULT_PASSWORD, "remember": "y",
        "csrf_token": "forged", "extra": "<b>injected</b>"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'value="{founder.email}"' in page
    assert DEFAULT_PASSWORD not in page and "injected" not in page
    assert 'checked' not in page.split('name="remember"')[1].split(">")[0]
    assert client.get("/account/").status_code == 302  # not logged in
