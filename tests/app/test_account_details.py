"""The account page: anyone logged in keeps their own name, phone and language there, and
what they change is what the other side sees once contact details are revealed."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Interest, User
from app.services import recommendations
from tests.app.security.principals import log_in, logged_in_client
from tests.app.test_i18n import _untranslated
from tests.factories import make_user


def _user(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def _form(**overrides) -> dict:
    data = {"name": "Kari Nordmann", "phone": "+47 912 34 567", "locale": "en"}
    data.update(overrides)
    return data


@pytest.fixture
def founder(client, app):
    user = make_user("founder", name="Kari Gammel", phone="+47 400 00 001", locale="en")
    log_in(client, user)
    return user


def test_account_page_shows_the_details_and_the_ways_onward(client, founder):
    response = client.get("/account/")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    html = response.get_data(as_text=True)
    assert 'value="Kari Gammel"' in html and 'value="+47 400 00 001"' in html
    assert re.search(r'<option selected value="en">|<option value="en" selected', html)
    assert founder.email in html
    for path in ("/auth/password", "/account/tokens", "/account/export", "/account/delete"):
        assert f'href="{path}"' in html, path


def test_the_name_in_the_menu_leads_to_the_account_page(client, founder):
    html = client.get("/").get_data(as_text=True)
    link = re.search(r'<a class="nav-link[^"]*" href="([^"]+)"[^>]*>Kari Gammel', html)
    assert link is not None and link.group(1) == "/account/"


def test_founder_changes_name_phone_and_language(client, founder):
    client.post("/language", data={"lang": "en"})  # chosen in the menu earlier
    response = client.post("/account/", data=_form(locale="nb"))
    assert response.status_code == 303 and response.location.endswith("/account/")
    user = _user(founder.id)
    assert (user.name, user.phone, user.locale) == ("Kari Nordmann", "+47 912 34 567", "nb")
    page = client.get("/account/").get_data(as_text=True)
    assert '<html lang="nb">' in page  # the chosen language at once, not at the next login
    assert "Opplysningene dine er lagret." in page


def test_only_name_phone_and_language_can_be_set_here(client, founder):
    extra = {"role": "admin", "email": "mallory@example.no", "active": "0",
             "association_id": "2", "page_version": "99", "session_token": "x"}
    assert client.post("/account/", data=_form(**extra)).status_code == 303
    user = _user(founder.id)
    assert (user.role, user.email, user.active) == ("founder", founder.email, True)
    assert user.association.slug == "asker" and user.name == "Kari Nordmann"


def test_a_blank_phone_removes_it(client, founder):
    assert client.post("/account/", data=_form(phone="  ")).status_code == 303
    assert _user(founder.id).phone is None


@pytest.mark.parametrize("field,value", [
    ("name", ""),
    ("name", "   "),
    ("name", "x" * 121),
    ("name", "Kari\x00Nordmann"),
    ("phone", "ring meg"),
    ("phone", "12 34"),
    ("phone", "+47 " + "1" * 40),
    ("locale", "de"),
])
def test_bad_details_are_refused_and_nothing_changes(client, founder, field, value):
    response = client.post("/account/", data=_form(**{field: value}))
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert re.search(rf'<(input|select)[^>]*is-invalid[^>]*name="{field}"'
                     rf'|<(input|select)[^>]*name="{field}"[^>]*is-invalid', html), field
    user = _user(founder.id)
    assert (user.name, user.phone, user.locale) == ("Kari Gammel", "+47 400 00 001", "en")


def test_the_account_page_needs_a_login(client, app):
    response = client.get("/account/")
    assert response.status_code == 302 and "/auth/login" in response.location
    assert client.post("/account/", data=_form()).status_code == 302


@pytest.mark.parametrize("role", ["founder", "investor", "staff", "admin"])
def test_every_role_keeps_its_own_details(client, app, role):
    user = make_user(role)
    log_in(client, user)
    assert client.post("/account/", data=_form(name=f"Ny {role}")).status_code == 303
    assert _user(user.id).name == f"Ny {role}"


def test_account_page_is_all_bokmal(app):
    user = make_user("investor", name="Ola Investor")
    assert _untranslated(app, "/account/", user, data={"Ola Investor"}) == []
    page = logged_in_client(app, user)
    page.post("/language", data={"lang": "nb"})
    html = page.get("/account/").get_data(as_text=True)
    for words in ("Din konto", "Telefon", "Språk", "Endre passord", "Slett kontoen din"):
        assert words in html, words


# -- where the details are revealed ------------------------------------------------------
@pytest.fixture
def mutual(app, market):
    """The solar founder and the solar investor are both interested in the solar pitch."""
    pitch, profile = market["solar"], market["solar_investor"]
    profile.contact_phone = None  # so the investor's own phone is the one shown
    for side, user_id in (("founder", pitch.owner_id), ("investor", profile.user_id)):
        db.session.add(Interest(user_id=user_id, pitch_id=pitch.id,
                                investor_profile_id=profile.id, side=side, kind="interested"))
    db.session.commit()
    return market


def test_the_founders_new_name_and_phone_reach_the_investor(app, mutual, monkeypatch):
    founder = mutual["solar_founder"]
    investor = logged_in_client(app, mutual["solar_investor"].user)
    before = investor.get("/matches").get_data(as_text=True)
    assert founder.name in before and founder.phone in before
    assert founder.name in investor.get("/matches/mutual").get_data(as_text=True)
    built = []
    real = recommendations.recommended_pitches
    monkeypatch.setattr(recommendations, "recommended_pitches",
                        lambda *a, **k: built.append(1) or real(*a, **k))
    investor.get("/matches")
    assert built == []  # the recommendations page is served kept...

    own = logged_in_client(app, founder)
    assert own.post("/account/", data=_form(name="Solveig Sol", phone="+47 977 77 777"))\
        .status_code == 303

    after = investor.get("/matches").get_data(as_text=True)  # ...until the details change
    assert built == [1]
    assert "Solveig Sol" in after and "+47 977 77 777" in after
    assert "+47 911 11 111" not in after
    listed = investor.get("/matches/mutual").get_data(as_text=True)
    assert "Solveig Sol" in listed and "+47 977 77 777" in listed


def test_the_investors_new_name_and_phone_reach_the_founder(app, mutual):
    profile = mutual["solar_investor"]
    own = logged_in_client(app, profile.user)
    assert own.post("/account/", data=_form(name="Ivar Investor", phone="+47 955 55 555"))\
        .status_code == 303
    founder = logged_in_client(app, mutual["solar_founder"])
    listed = founder.get("/matches/mutual").get_data(as_text=True)
    assert "Ivar Investor" in listed and "+47 955 55 555" in listed


def test_no_contact_details_without_mutual_interest(app, market):
    own = logged_in_client(app, market["solar_founder"])
    own.post("/account/", data=_form(name="Solveig Sol", phone="+47 977 77 777"))
    investor = logged_in_client(app, market["solar_investor"].user)
    page = investor.get("/matches").get_data(as_text=True)
    assert "+47 977 77 777" not in page
