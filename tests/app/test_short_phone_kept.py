"""A phone number saved under the older rule (5 to 7 digits, 9a0ba8b asks for 8 to 15) no
longer blocks its owner's next save of something else: the account page changing the name
or the language, the investor profile changing its organisation, and the API's PUT
/profile sending back what it read keep the untouched number and save the rest. A new or
changed short number is still refused, in bokmål and English, and nothing is saved."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import InvestorProfile, User
from app.services import account_details
from tests.app.api.helpers import bearer
from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form
from tests.app.test_unreadable_input import _error_of
from tests.factories import make_investor, make_user

PHONE = {"nb": "Skriv inn et telefonnummer med 8 til 15 sifre, f.eks. +47 912 34 567.",
         "en": "Enter a phone number of 8 to 15 digits, e.g. +47 912 34 567."}
OLD = "22 33 44"  # six digits: taken before 9a0ba8b


def _user(user_id: int) -> User:
    db.session.expire_all()
    return db.session.get(User, user_id)


def _profile(profile_id: int) -> InvestorProfile:
    db.session.expire_all()
    return db.session.get(InvestorProfile, profile_id)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_account_page_saves_a_new_name_beside_the_old_number(app, lang):
    user = make_user("founder", name="Kari Nordmann", phone=OLD, locale=lang)
    client = _client_in(app, lang, user)
    response = client.post("/account/", data={"name": "Kari Nordmann Berg", "phone": OLD,
                                               "locale": lang})
    assert response.status_code == 303, response.get_data(as_text=True)
    assert (_user(user.id).name, _user(user.id).phone) == ("Kari Nordmann Berg", OLD)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("typed", ["22 33 45", "12345"])
def test_a_changed_short_number_is_still_refused(app, lang, typed):
    """Guard: only the number saved is kept; another short one is refused as before."""
    user = make_user("founder", name="Kari Nordmann", phone=OLD, locale=lang)
    client = _client_in(app, lang, user)
    response = client.post("/account/", data={"name": "Kari Nordmann Berg", "phone": typed,
                                               "locale": lang})
    assert response.status_code == 422
    assert _error_of(response, "phone") == PHONE[lang]
    assert (_user(user.id).name, _user(user.id).phone) == ("Kari Nordmann", OLD)


def test_the_service_keeps_the_saved_number(app):
    user = make_user("founder", name="Kari", phone=OLD)
    account_details.update_details(user, "Kari Berg", f" {OLD} ", "en")
    assert (_user(user.id).name, _user(user.id).phone, _user(user.id).locale) == (
        "Kari Berg", OLD, "en")


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_investor_profile_saves_beside_its_old_contact_phone(app, lang):
    user = make_user("investor", locale=lang)
    profile = make_investor(user, contact_phone=OLD)
    client = _client_in(app, lang, user)
    response = client.post("/profile", data=_form(organisation="Fjordkapital II",
                                                  contact_phone=OLD,
                                                  version=str(profile.version)))
    assert response.status_code == 302, response.get_data(as_text=True)
    saved = _profile(profile.id)
    assert (saved.organisation, saved.contact_phone) == ("Fjordkapital II", OLD)
    refused = client.post("/profile", data=_form(organisation="Fjordkapital III",
                                                 contact_phone="1234567",
                                                 version=str(saved.version)))
    assert refused.status_code == 422
    assert _error_of(refused, "contact_phone") == PHONE[lang]
    assert _profile(profile.id).organisation == "Fjordkapital II"


def test_the_api_takes_back_what_it_read(client):
    user = make_user("investor", locale="en")
    profile = make_investor(user, contact_phone=OLD)
    db.session.commit()
    read = client.get("/api/v1/profile", headers=bearer(user)).get_json()
    sent = {key: read[key] for key in (
        "organisation", "investor_type", "thesis", "sectors", "stages", "stages_only",
        "ticket_min", "ticket_max", "ticket_only", "regions", "green_mandate",
        "green_objectives", "support_offers", "funding_types", "contact_email",
        "contact_phone", "past_investments", "version")}
    sent["organisation"] = "Fjordkapital II"
    response = client.put("/api/v1/profile", headers=bearer(user), json=sent)
    assert response.status_code == 200, response.get_json()
    assert _profile(profile.id).contact_phone == OLD
    sent.update(version=response.get_json()["version"], contact_phone="1234567",
                organisation="Fjordkapital III")
    refused = client.put("/api/v1/profile", headers=bearer(user), json=sent)
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"] == {"contact_phone": [PHONE["en"]]}
    assert _profile(profile.id).organisation == "Fjordkapital II"
