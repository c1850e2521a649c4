"""Typed input a field cannot read gets one clear message in the user's language, and the
form changes nothing: letters in a number field once got WTForms' "Not a valid integer value"
run together with "Number must be between…", and an impossible date (2027-02-30) was told
"This field is required"."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Pitch
from app.services import engine_settings
from tests.app.test_arenas_staff import arena_form
from tests.app.test_form_fields import _control, _Page
from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.app.test_pitches import _form as pitch_form
from tests.factories import make_investor, make_user

WHOLE = {"nb": "Skriv inn et helt tall.", "en": "Enter a whole number."}
YEAR = {"nb": "Skriv inn et årstall, f.eks. 2024.", "en": "Enter a year, e.g. 2024."}
# an amount and a head count say what they count (tests/app/test_whole_number_fields.py)
KRONER = {"nb": "Skriv inn et beløp i kroner, f.eks. 1 500 000 eller 1,5 mill.",
          "en": "Enter an amount in kroner, e.g. 1,500,000 or 1.5 million."}
PEOPLE = {"nb": "Skriv inn et helt antall personer, f.eks. 4.",
          "en": "Enter a whole number of people, e.g. 4."}
NUMBER = {"nb": "Skriv inn et tall.", "en": "Enter a number."}
DATE = {"nb": "Skriv inn en dato som finnes, f.eks. 2027-03-15.",
        "en": "Enter a date that exists, e.g. 2027-03-15."}
TIME = {"nb": "Skriv inn et klokkeslett med timer og minutter, f.eks. 09:30.",
        "en": "Enter a time as hours and minutes, e.g. 09:30."}
DATE_TIME = {"nb": "Skriv inn en dato og et klokkeslett som finnes, f.eks. 2027-03-15 12:00.",
             "en": "Enter a date and a time that exist, e.g. 2027-03-15 12:00."}
LANGS = ("nb", "en")


def _error_of(response, name: str) -> str:
    """The error text the field's control is described by (its first description)."""
    page = _Page(response.get_data(as_text=True))
    control = _control(page, name)
    assert control.get("aria-invalid") == "true", (name, control)
    return page.described_by(control)[0]


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "typed", "message"), [
    ("ask_nok", "abc", KRONER), ("ask_nok", "2,5 mange", KRONER), ("team_size", "1.5", PEOPLE),
    ("founded_year", "MMXX", YEAR),
])
def test_letters_in_a_pitch_number_get_one_message(app, lang, name, typed, message):
    client = _client_in(app, lang, make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(**{name: typed}))

    assert response.status_code == 422
    assert _error_of(response, name) == message[lang]
    assert _count(Pitch) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_letters_in_a_ticket_get_one_message(app, lang):
    user = make_user("investor")
    client = _client_in(app, lang, user)

    response = client.post("/profile", data=profile_form(ticket_min="lots", ticket_max="1e6"))

    assert response.status_code == 422
    assert _error_of(response, "ticket_min") == KRONER[lang]
    assert _error_of(response, "ticket_max") == KRONER[lang]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "typed", "message"), [
    ("date", "2027-02-30", DATE), ("date", "30.02.2027", DATE), ("date", "0000-00-00", DATE),
    ("start_time", "25:61", TIME), ("end_time", "noon", TIME),
    ("rsvp_deadline", "2027-02-30T12:00", DATE_TIME),
    ("meeting_cap", "three", WHOLE), ("slot_count", "twelve", WHOLE),
])
def test_an_unreadable_arena_value_gets_one_message(app, lang, name, typed, message):
    client = _client_in(app, lang, make_user("staff", association="asker"))

    response = client.post("/staff/arenas/new", data=arena_form(**{name: typed}))

    assert response.status_code == 422
    assert _error_of(response, name) == message[lang]
    assert _count(Arena) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_required_date_still_asks_for_it(app, lang):
    client = _client_in(app, lang, make_user("staff", association="asker"))

    response = client.post("/staff/arenas/new", data=arena_form(date="", start_time=""))

    required = {"nb": "Dette feltet er påkrevd.", "en": "This field is required."}[lang]
    assert _error_of(response, "date") == required
    assert _error_of(response, "start_time") == required


def test_an_empty_optional_number_is_still_accepted(app):
    client = _client_in(app, "en", make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(ask_nok="", team_size=" "))

    assert response.status_code == 302
    assert _count(Pitch) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_letters_in_an_engine_weight_get_one_message(app, lang):
    client = _client_in(app, lang, make_user("admin", association=None))
    before = engine_settings.current_weights().as_dict()
    data = {name: "1" for name in engine_settings.weight_names()}
    name = next(iter(data))
    data[name] = "much"

    response = client.post("/admin/engine", data=data)

    assert response.status_code == 422
    assert _error_of(response, name) == NUMBER[lang]
    assert engine_settings.current_weights().as_dict() == before


@pytest.mark.parametrize("lang", LANGS)
def test_letters_in_a_browse_filter_get_one_message(app, lang):
    make_investor(make_user("investor"))
    client = _client_in(app, lang, make_user("investor"))

    response = client.get("/pitches", query_string={"ask_min": "ten"})

    assert response.status_code == 422
    assert _error_of(response, "ask_min") == KRONER[lang]
