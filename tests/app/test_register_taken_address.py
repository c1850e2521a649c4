"""Registering with an address that already has an account: the page said only "An account
with this e-mail already exists." under the field, and someone who had registered before
(or forgot they had) was left to find the login and the reset themselves. Now the page
says what to do and links both. Nothing is created, and a refusal for another reason (a
short password) does not offer them."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import User
from tests.app.test_i18n import _client_in
from tests.factories import make_user

GOOD = "fjord sol batteri 2026"
SAYS = {
    "nb": ("Koble har allerede en konto med denne e-postadressen.", "Logg inn", "Glemt passordet?"),
    "en": ("Koble already has an account with this e-mail address.", "Log in",
           "Forgot your password?"),
}


def _post(client, email: str, password: str = GOOD):
    return client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": email, "municipality": "lier",
        "association": "", "password": password, "confirm": password})


def _box(html: str) -> str | None:
    found = re.search(r'<div class="alert alert-info" id="account-exists">(.*?)</div>', html,
                      re.S)
    return " ".join(found.group(1).split()) if found else None


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_taken_address_offers_the_login_and_the_reset(app, lang):
    make_user("founder", "kari@example.no")
    users = db.session.scalar(select(func.count(User.id)))
    response = _post(_client_in(app, lang), "Kari@Example.no")
    assert response.status_code == 422
    box = _box(response.get_data(as_text=True))
    sentence, login, reset = SAYS[lang]
    assert box is not None and sentence in box
    assert f'<a href="/auth/login">{login}</a>' in box
    assert f'<a href="/auth/reset">{reset}</a>' in box
    assert db.session.scalar(select(func.count(User.id))) == users


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_other_refusals_do_not_offer_them(app, lang):
    make_user("founder", "kari@example.no")
    response = _post(_client_in(app, lang), "kari@example.no", password="short")
    assert response.status_code == 422
    assert _box(response.get_data(as_text=True)) is None
    response = _post(_client_in(app, lang), "ola@example.no", password="short")
    assert _box(response.get_data(as_text=True)) is None


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_error_summary_comes_before_the_box(app, lang):
    """The red summary of what to fix is the first thing on the refused page (the eye and a
    screen reader land there); the box with the way out follows it, before the fields."""
    make_user("founder", "kari@example.no")
    html = _post(_client_in(app, lang), "kari@example.no").get_data(as_text=True)
    summary, box = html.find("data-error-summary"), html.find('id="account-exists"')
    field = html.find('name="email"')
    assert -1 < summary < box < field
