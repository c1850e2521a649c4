"""What each personal field is for, told to browsers and password managers (WCAG 1.3.5), and
the reset request's button says what it does."""

from __future__ import annotations

import re

import pytest

from app.services.tokens import make_reset_token
from tests.factories import make_user


@pytest.fixture
def app_overrides():
    return {"BABEL_DEFAULT_LOCALE": "nb"}


def _autocomplete(page: str) -> dict[str, str | None]:
    """name → autocomplete of every visible text, e-mail, phone and password input."""
    found = {}
    for tag in re.findall(r"<input[^>]*>", page):
        kind = re.search(r'type="([^"]+)"', tag)
        if kind and kind.group(1) in ("hidden", "checkbox", "radio", "submit"):
            continue
        name = re.search(r'name="([^"]+)"', tag).group(1)
        value = re.search(r'autocomplete="([^"]+)"', tag)
        found[name] = value.group(1) if value else None
    return found


def test_login_and_register(client):
    assert _autocomplete(client.get("/auth/login").get_data(as_text=True)) == {
        "email": "username", "password": "current-password"}
    assert _autocomplete(client.get("/auth/register").get_data(as_text=True)) == {
        "name": "name", "email": "email", "password": "new-password",
        "confirm": "new-password"}


def test_password_pages(client, auth):
    user = make_user("founder")
    token = make_reset_token(user)
    page = client.get(f"/auth/reset/{token}").get_data(as_text=True)
    assert _autocomplete(page) == {"password": "new-password", "confirm": "new-password"}
    auth.login(user.email)
    assert _autocomplete(client.get("/auth/password").get_data(as_text=True)) == {
        "current_password": "current-password", "new_password": "new-password",
        "confirm": "new-password"}
    # the account page's details, then its change of e-mail address
    assert _autocomplete(client.get("/account/").get_data(as_text=True)) == {
        "name": "name", "phone": "tel", "email": "email", "password": "current-password"}
    assert _autocomplete(client.get("/account/delete").get_data(as_text=True)) == {
        "password": "current-password"}


def test_the_reset_request_button_says_send_link(client):
    page = client.get("/auth/reset").get_data(as_text=True)
    assert _autocomplete(page) == {"email": "email"}
    assert re.search(r'<button type="submit"[^>]*>Send lenke</button>', page)
    assert ">Lagre</button>" not in page


def _control(page: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)


def test_an_investor_profile_says_whose_contact_it_asks_for(client, auth):
    """The organisation, e-mail and phone are the investor's own (a browser fills them in),
    and the phone gets a phone's keypad, as the account page's does."""
    auth.login(make_user("investor").email)
    page = client.get("/profile").get_data(as_text=True)
    fields = _autocomplete(page)
    assert (fields["organisation"], fields["contact_email"], fields["contact_phone"]) == (
        "organization", "email", "tel")
    assert 'inputmode="tel"' in _control(page, "contact_phone")


def test_a_pitch_website_gets_a_web_address_keyboard(client, auth):
    auth.login(make_user("founder").email)
    page = client.get("/pitches/new").get_data(as_text=True)
    website = _control(page, "website")
    # still type=text: a bare "firma.no" is taken (https:// is added), which type=url refuses
    assert 'type="text"' in website and 'inputmode="url"' in website
    assert 'autocomplete="url"' in website
