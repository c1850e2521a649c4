"""A name has a letter and a phone number 8 to 15 digits. On the investor walk the account
page saved the name "1" and a 30-digit phone number, both shown to the other side once
contact details are revealed. The same rules hold at signup, for `flask users create`
(accounts.check_new_account), for an investor profile's contact phone and in the API; a
refusal says what to type, in bokmål and English, and saves nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from app.demo.people import phone as demo_phone
from app.extensions import db
from app.models import InvestorProfile, User
from app.services import account_details, accounts
from app.services.errors import DomainError
from tests.app.api.helpers import bearer
from tests.app.test_i18n import _client_in
from tests.app.test_unreadable_input import _error_of
from tests.factories import make_user

NAME = {"nb": "Et navn må ha minst én bokstav.", "en": "A name needs at least one letter."}
PHONE = {"nb": "Skriv inn et telefonnummer med 8 til 15 sifre, f.eks. +47 912 34 567.",
         "en": "Enter a phone number of 8 to 15 digits, e.g. +47 912 34 567."}
PASSWORD = "fjord sol batteri 2026"


def _saved(user_id: int) -> tuple:
    db.session.expire_all()
    user = db.session.get(User, user_id)
    return user.name, user.phone


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("field,typed", [
    ("name", "1"), ("name", "- 42 -"),
    ("phone", "1" * 30), ("phone", "1234567"), ("phone", "+47 912 34 567 890 123 4"),
    ("phone", "47 + 91234567"),
])
def test_the_account_page_refuses_and_saves_nothing(app, lang, field, typed):
    user = make_user("investor", name="Kari Nordmann", phone="+47 400 00 001", locale=lang)
    client = _client_in(app, lang, user)
    data = {"name": "Kari Nordmann", "phone": "+47 400 00 001", "locale": lang, field: typed}

    response = client.post("/account/", data=data)

    assert response.status_code == 422
    assert _error_of(response, field) == (NAME if field == "name" else PHONE)[lang]
    assert _saved(user.id) == ("Kari Nordmann", "+47 400 00 001")


@pytest.mark.parametrize("name,phone", [
    ("Åse Bøe", "+47 912 34 567"), ("李 小龙", "91234567"), ("O'Neil-Brown 2", "(+47) 91-23-45-67"),
    ("Jo", "+1 (415) 555-0132"), ("Kari", "+86 138 0013 8000 1"),
])
def test_names_and_numbers_people_write_are_kept(client, app, name, phone):
    user = make_user("founder", locale="en")
    client = _client_in(app, "en", user)
    response = client.post("/account/", data={"name": name, "phone": phone, "locale": "en"})
    assert response.status_code == 303, response.get_data(as_text=True)
    assert _saved(user.id) == (name, phone)


def test_the_service_refuses_what_the_form_would(app):
    user = make_user("founder", name="Kari", phone=None)
    with pytest.raises(DomainError) as refused:
        account_details.update_details(user, "123", None, "nb")
    assert refused.value.field == "name"
    with pytest.raises(DomainError) as refused:
        account_details.update_details(user, "Kari", "1" * 30, "nb")
    assert refused.value.field == "phone"
    assert _saved(user.id) == ("Kari", None)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_signup_refuses_a_name_without_a_letter(app, lang):
    client = _client_in(app, lang)
    response = client.post("/auth/register", data={
        "role": "founder", "name": "1", "email": "ny@example.no", "municipality": "asker",
        "association": "", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 422
    assert _error_of(response, "name") == NAME[lang]
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_every_way_of_making_an_account_refuses_it(app):
    with pytest.raises(DomainError) as refused:
        accounts.check_new_account("ny@example.no", "42")
    assert refused.value.field == "name"


def test_the_api_refuses_a_contact_phone_of_thirty_digits(client):
    user = make_user("investor", locale="en")
    response = client.put("/api/v1/profile", headers=bearer(user), json={
        "organisation": "Fjordkapital", "investor_type": "angel", "stages": ["seed"],
        "ticket_min": 500_000, "ticket_max": 5_000_000, "contact_phone": "1" * 30})
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"] == {"contact_phone": [PHONE["en"]]}
    assert db.session.scalar(select(func.count()).select_from(InvestorProfile)) == 0


def test_the_demo_and_the_factories_pass(app):
    """Guard: what the demo seeds and the factories make passes the new rules."""
    from app.demo.run import Run  # noqa: PLC0415

    run = Run(seed=1, today=date(2026, 12, 7))
    assert all(account_details.looks_like_phone(demo_phone(run)) for _ in range(200))
    for role in ("founder", "investor", "staff", "admin"):
        assert accounts.looks_like_name(make_user(role).name)
    assert account_details.looks_like_phone("+47 400 00 000")
