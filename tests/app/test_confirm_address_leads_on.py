"""Confirming the address mailed at registration leads on to the new person's next step,
where registering led them (auth.routes.home_of): a founder to the pitches page, which asks
for the first pitch, an investor to the recommendations, which ask for the profile. It led
to the account page, a detour from both. A link opened again (already confirmed) offers the
same way on; a browser not logged in as the link's owner still goes to the login."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import User
from tests.app.form_tokens import token_in
from tests.factories import DEFAULT_PASSWORD, outbox_of

NEXT_STEP = {
    ("founder", "en"): ("/matches/pitches", "Write a pitch"),
    ("founder", "nb"): ("/matches/pitches", "Skriv en pitch"),
    ("investor", "en"): ("/matches", "Fill in your investor profile to get recommendations."),
    ("investor", "nb"): ("/matches", "Fyll ut investorprofilen din for å få anbefalinger."),
}
CONFIRMED = {"en": "Your e-mail address kari@example.no is confirmed.",
             "nb": "E-postadressen din kari@example.no er bekreftet."}
CONTINUE = {"en": "Continue", "nb": "Fortsett"}
LOG_IN = {"en": "Log in", "nb": "Logg inn"}


@pytest.fixture
def app_overrides() -> dict:
    """CSRF on, as in production: the confirmation page's button carries it."""
    return {"WTF_CSRF_ENABLED": True}


def _register(client, role: str, lang: str):
    with client.session_transaction() as session:
        session["lang"] = lang
    page = client.get("/auth/register").get_data(as_text=True)
    response = client.post("/auth/register", data={
        "role": role, "name": "Kari Nordmann", "email": "kari@example.no",
        "municipality": "drammen", "association": "", "password": DEFAULT_PASSWORD,
        "confirm": DEFAULT_PASSWORD, "csrf_token": token_in(page)})
    assert response.status_code == 302
    return response


def _link_path(app) -> str:
    (mail,) = outbox_of(app)
    link = next(w for w in mail.body.split() if "/account/address/confirm/" in w)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def _main(page: str) -> str:
    return page.split("<main", 1)[1]


@pytest.mark.parametrize("role", ["founder", "investor"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_confirm_button_leads_to_the_next_step_where_registering_led(
        app, client, role, lang):
    registered = _register(client, role, lang)
    path = _link_path(app)
    shown = client.get(path)
    done = client.post(path, data={"csrf_token": token_in(shown.get_data(as_text=True))})
    assert done.status_code == 303
    where, step = NEXT_STEP[role, lang]
    assert done.location == where == registered.location
    landing = client.get(done.location).get_data(as_text=True)
    assert CONFIRMED[lang] in landing and step in landing
    db.session.expire_all()
    kari = db.session.scalar(select(User).where(User.email == "kari@example.no"))
    assert kari.email_confirmed_at is not None


@pytest.mark.parametrize("role", ["founder", "investor"])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_link_opened_again_leads_on_to_the_next_step(app, client, role, lang):
    _register(client, role, lang)
    path = _link_path(app)
    client.post(path, data={"csrf_token": token_in(client.get(path).get_data(as_text=True))})
    again = _main(client.get(path).get_data(as_text=True))
    where, _step = NEXT_STEP[role, lang]
    assert f'<a href="{where}">{CONTINUE[lang]}</a>' in again
    assert 'href="/account/"' not in again


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_confirmed_without_being_logged_in_goes_to_the_login(app, client, lang):
    """The button's way to the login is as before (a guard); the used link's page offered
    "Your account" (the login, then the account page) and now offers the login."""
    _register(client, "founder", lang)
    path = _link_path(app)
    token = token_in(client.get(path).get_data(as_text=True))
    client.post("/auth/logout", data={"csrf_token": token})
    with client.session_transaction() as session:
        session["lang"] = lang
    page = client.get(path).get_data(as_text=True)
    done = client.post(path, data={"csrf_token": token_in(page)})
    assert done.status_code == 303 and done.location == f"/auth/login?lang={lang}"
    again = _main(client.get(path).get_data(as_text=True))
    assert f'<a href="/auth/login?lang={lang}">{LOG_IN[lang]}</a>' in again
