"""A language picked in the menu before logging in is the account's from then on, as the
menu does once logged in; a language only left in the browser by someone else's logout gives
way to the account's own. Seen on the demo: founder@ (bokmål saved) picked English on the
login page and read Koble in English, but the account page offered "Norsk bokmål", and
saving a new phone number there turned every page, and the "saved" message, into bokmål; the
e-mails stayed in bokmål all along. And on a shared browser the next person to log in read
Koble in the language of the one who logged out before them."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from tests.factories import DEFAULT_PASSWORD, make_user

SAVED = {"nb": "Opplysningene dine er lagret.", "en": "Your details are saved."}
OTHER = {"nb": "en", "en": "nb"}


def _log_in(client, user):
    response = client.post("/auth/login", data={"email": user.email,
                                                "password": DEFAULT_PASSWORD})
    assert response.status_code in (302, 303)


def _lang(page: str) -> str:
    return re.search(r'<html lang="(\w+)"', page).group(1)


def _selected_locale(page: str) -> str:
    select = re.search(r'<select[^>]*id="locale".*?</select>', page, re.S).group(0)
    return re.search(r'<option selected value="(\w+)"|<option value="(\w+)" selected',
                     select).group(0).split('"')[1]


@pytest.mark.parametrize("saved", ["nb", "en"])
def test_a_language_picked_before_logging_in_becomes_the_accounts(app, saved):
    chosen = OTHER[saved]
    user = make_user("founder", locale=saved)
    client = app.test_client()
    client.post("/language", data={"lang": chosen, "next": "/auth/login"})
    _log_in(client, user)
    db.session.refresh(user)
    assert user.locale == chosen  # the e-mails follow
    page = client.get("/account/").get_data(as_text=True)
    assert _lang(page) == chosen and _selected_locale(page) == chosen
    # saving other details there keeps the pages in the language read
    response = client.post("/account/", data={"name": user.name, "phone": "+47 452 74 533",
                                              "locale": _selected_locale(page)})
    assert response.status_code == 303
    after = client.get("/account/").get_data(as_text=True)
    assert _lang(after) == chosen and SAVED[chosen] in after


@pytest.mark.parametrize("first", ["nb", "en"])
def test_the_next_person_on_a_shared_browser_reads_their_own_language(app, first):
    one, other = make_user("founder", locale=first), make_user("investor",
                                                                 locale=OTHER[first])
    client = app.test_client()
    _log_in(client, one)
    logged_out = client.post("/auth/logout")
    # a guard: the logout's own page still reads in the language of who logged out
    assert _lang(client.get(logged_out.headers["Location"]).get_data(as_text=True)) == first
    _log_in(client, other)
    assert _lang(client.get("/account/").get_data(as_text=True)) == OTHER[first]
    db.session.refresh(other)
    assert other.locale == OTHER[first]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_account_without_a_saved_language_keeps_the_one_read(app, lang):
    """A guard: nothing saved to give way to, the session's language stays."""
    user = make_user("founder", locale=None)
    client = app.test_client()
    client.post("/language", data={"lang": lang})
    _log_in(client, user)
    assert _lang(client.get("/account/").get_data(as_text=True)) == lang
