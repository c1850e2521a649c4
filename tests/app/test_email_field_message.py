"""A refused e-mail address says what to type. On the walk (register, investor profile, an
admin's new association) "kari@gmail" and "post@" got WTForms' own "Invalid email address." /
"Ugyldig e-postadresse.", which says the address is wrong but not what one looks like; every
other refused field there says what to type ("Enter a web address, such as solkraft.no")."""

from __future__ import annotations

import pytest

from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.app.test_unreadable_input import _error_of
from tests.factories import make_user

EMAIL = {"nb": "Skriv inn en e-postadresse, for eksempel kari@solkraft.no.",
         "en": "Enter an e-mail address, such as kari@solkraft.no."}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_registration_says_what_an_address_looks_like(app, lang):
    client = _client_in(app, lang)

    response = client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": "kari@gmail",
        "municipality": "asker", "password": "en lang setning her",
        "confirm": "en lang setning her"})

    assert response.status_code == 422
    assert _error_of(response, "email") == EMAIL[lang]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_investor_contact_address_says_what_an_address_looks_like(app, lang):
    client = _client_in(app, lang, make_user("investor"))

    response = client.post("/profile", data=profile_form(contact_email="ola@"))

    assert response.status_code == 422
    assert _error_of(response, "contact_email") == EMAIL[lang]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_new_association_contact_says_what_an_address_looks_like(app, lang):
    client = _client_in(app, lang, make_user("admin"))

    response = client.post("/admin/associations/new", data={"name": "Ny",
                                                            "contact_email": "post@"})

    assert response.status_code == 422
    assert _error_of(response, "contact_email") == EMAIL[lang]
