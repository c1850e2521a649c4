"""A refused phone number or year says what to type. On the founder walk (nb, phone) "9123"
as a phone number got "Skriv inn et telefonnummer med sifre, mellomrom og +.", though it was
digits (it was too short: five are needed), and "i fjor" as the founding year got "Skriv inn
et helt tall.", which does not say a year is asked for."""

from __future__ import annotations

import pytest

from tests.app.test_i18n import _client_in
from tests.app.test_pitches import _form as pitch_form
from tests.app.test_unreadable_input import _error_of
from tests.factories import make_user

PHONE = {"nb": "Skriv inn et telefonnummer med 8 til 15 sifre, f.eks. +47 912 34 567.",
         "en": "Enter a phone number of 8 to 15 digits, e.g. +47 912 34 567."}
YEAR = {"nb": "Skriv inn et årstall, f.eks. 2024.", "en": "Enter a year, e.g. 2024."}


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("typed", ["9123", "ring meg"])
def test_a_phone_number_refused_says_how_many_digits(app, lang, typed):
    user = make_user("founder", locale=lang)
    client = _client_in(app, lang, user)

    response = client.post("/account/", data={"name": "Åse Bøe", "phone": typed,
                                               "locale": lang})

    assert response.status_code == 422
    assert _error_of(response, "phone") == PHONE[lang]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_founding_year_in_words_asks_for_a_year(app, lang):
    client = _client_in(app, lang, make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(founded_year="i fjor"))

    assert response.status_code == 422
    assert _error_of(response, "founded_year") == YEAR[lang]
