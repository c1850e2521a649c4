"""Registration and the password-reset request sent with a stale or missing CSRF token (the
page left open past the token's life, or a login and logout in another tab) are drawn again
with what was typed, passwords excepted, and a message that the page had expired and nothing
was saved, instead of the "Bad request" page; sent again, they work. Only for a post from
this site's own page: another site's post gets the plain 400, with nothing it sent."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import User
from tests.app.form_tokens import form_token, token_in
from tests.factories import make_user, outbox_of

PASSWORD = "Fjorden-er-blank-om-morgenen-7"
THIS_SITE = {"Origin": "http://localhost"}


@pytest.fixture
def app_overrides():
    # bokmål by default, as the site is (the tests' own default is English)
    return {"WTF_CSRF_ENABLED": True, "BABEL_DEFAULT_LOCALE": "nb"}


def _registration(token: str | None) -> dict:
    data = {"role": "investor", "name": "Kari Nordmann", "email": "kari@fjordkapital.no",
            "municipality": "drammen", "association": "drammen", "password": PASSWORD,
            "confirm": PASSWORD}
    if token is not None:
        data["csrf_token"] = token
    return data


def _accounts() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(User.id)))


def _stale(client) -> str:
    """A token of a session that has since changed (what a login and logout in another tab
    do to it)."""
    token = form_token(client, "/auth/register")
    with client.session_transaction() as session:
        session.pop("csrf_token")
    return token


@pytest.mark.parametrize("token", ["stale", "missing"])
def test_a_stale_registration_comes_back_filled_in_without_passwords(app, token):
    client = app.test_client()
    sent = _registration(_stale(client) if token == "stale" else None)
    before = _accounts()
    response = client.post("/auth/register", data=sent, headers=THIS_SITE)
    page = response.get_data(as_text=True)
    assert response.status_code == 400  # refused, as every bad token is: the form, no error page
    assert "Siden var utløpt, så ingenting ble lagret" in page
    assert "Ugyldig forespørsel" not in page and "Bad request" not in page
    assert 'value="Kari Nordmann"' in page and 'value="kari@fjordkapital.no"' in page
    assert page.count('<option selected value="drammen">') == 2  # municipality, association
    assert _checked(page, "investor") and not _checked(page, "founder")
    assert PASSWORD not in page
    assert _accounts() == before  # nothing made
    # sent again from the drawn form, it works
    done = client.post("/auth/register", data=_registration(token_in(page)), headers=THIS_SITE)
    assert done.status_code == 302 and _accounts() == before + 1


def _checked(page: str, value: str) -> bool:
    tag = page.split(f'value="{value}"')[0].rsplit("<input", 1)[1] + page.split(
        f'value="{value}"')[1].split(">", 1)[0]
    return "checked" in tag


def test_a_stale_reset_request_comes_back_with_the_address_and_sends_nothing(app):
    person = make_user("founder", "ola@havvind.no")
    client = app.test_client()
    stale = form_token(client, "/auth/reset")
    with client.session_transaction() as session:
        session.pop("csrf_token")
    response = client.post("/auth/reset", data={"email": person.email, "csrf_token": stale},
                           headers=THIS_SITE)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Siden var utløpt, så ingenting ble sendt." in page
    assert f'value="{person.email}"' in page and "Ugyldig forespørsel" not in page
    assert outbox_of(app) == []
    done = client.post("/auth/reset", data={"email": person.email,
                                            "csrf_token": token_in(page)}, headers=THIS_SITE)
    assert done.status_code == 302 and len(outbox_of(app)) == 1


def test_a_post_from_the_site_s_own_page_is_known_by_its_referer_too(app):
    client = app.test_client()
    response = client.post("/auth/register", data=_registration(_stale(client)),
                           headers={"Referer": "http://localhost/auth/register?role=investor"})
    assert response.status_code == 400 and 'value="Kari Nordmann"' in response.get_data(
        as_text=True)


@pytest.mark.parametrize("headers", [{"Origin": "https://annen-side.example"},
                                     {"Origin": "null"},
                                     {"Referer": "https://annen-side.example/skjema"}, {}])
def test_another_site_s_post_gets_the_plain_page_with_nothing_it_sent(app, headers):
    """A form filled in by another site and sent on by a person would make an account with
    an address that site chose: not drawn again, nothing made."""
    client = app.test_client()
    before = _accounts()
    for path, data in (("/auth/register", _registration("forged")),
                       ("/auth/reset", {"email": "kari@fjordkapital.no",
                                        "csrf_token": "forged"})):
        response = client.post(path, data=data, headers=headers)
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and "Ugyldig forespørsel" in page, path
        assert "kari@fjordkapital.no" not in page and "Kari Nordmann" not in page
    assert _accounts() == before and outbox_of(app) == []


def test_the_messages_speak_english_to_an_english_reader(app):
    client = app.test_client()
    with client.session_transaction() as session:
        session["lang"] = "en"  # chosen with the language buttons
    response = client.post("/auth/register", data=_registration(_stale(client)),
                           headers=THIS_SITE)
    page = response.get_data(as_text=True)
    assert "The page had expired, so nothing was saved and no account was made." in page
