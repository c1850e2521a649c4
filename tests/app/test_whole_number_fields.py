"""Whole-number fields (amounts, team size, seats) are text inputs read as the user writes
numbers: "1 500 000" is 1.5 million, and a typed decimal or word is refused with a message
that names what is counted. They were <input type="number">: Chromium drops a typed comma
from one, so "1,5" (1.5 million meant) was saved as a 15 kr ask and "3,5" as a team of 35,
without a word."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, InvestorProfile, Pitch
from tests.app.test_arenas_staff import arena_form
from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.app.test_pitches import _form as pitch_form
from tests.app.test_unreadable_input import KRONER, PEOPLE, _error_of
from tests.factories import make_user

SEATS = {"nb": "Skriv inn et helt antall plasser, f.eks. 10.",
         "en": "Enter a whole number of seats, e.g. 10."}
LANGS = ("nb", "en")


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _input(page: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', page)[0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "typed", "message"), [
    ("ask_nok", "1,5", KRONER), ("ask_nok", "1,5 kr", KRONER), ("ask_nok", "1.5", KRONER),
    ("ask_nok", "1.000", KRONER), ("team_size", "3,5", PEOPLE), ("team_size", "tre", PEOPLE),
])
def test_a_decimal_in_a_pitch_count_is_refused_and_nothing_saved(app, lang, name, typed,
                                                                 message):
    client = _client_in(app, lang, make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(**{name: typed}))

    assert response.status_code == 422
    assert _error_of(response, name) == message[lang]
    assert f'value="{typed}"' in _input(response.get_data(as_text=True), name)  # kept
    assert _count(Pitch) == 0


@pytest.mark.parametrize(("lang", "typed"), [
    ("nb", "1 500 000"), ("nb", "1\u00a0500\u00a0000"), ("nb", "1\u202f500\u202f000"),
    ("nb", "1500000"), ("en", "1,500,000"), ("en", "1 500 000"), ("en", "1500000"),
])
def test_an_amount_with_digit_groups_is_saved_whole(app, lang, typed):
    client = _client_in(app, lang, make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(ask_nok=typed, team_size=" 4 "))

    assert response.status_code == 302
    pitch = db.session.scalars(select(Pitch)).one()
    assert (pitch.ask_nok, pitch.team_size) == (1_500_000, 4)


@pytest.mark.parametrize("lang", LANGS)
def test_a_decimal_in_a_ticket_is_refused(app, lang):
    client = _client_in(app, lang, make_user("investor"))

    response = client.post("/profile", data=profile_form(ticket_min="1,5 kr",
                                                         ticket_max="2,5"))

    assert response.status_code == 422
    assert _error_of(response, "ticket_min") == KRONER[lang]
    assert _error_of(response, "ticket_max") == KRONER[lang]
    assert _count(InvestorProfile) == 0


def test_a_ticket_written_with_spaces_is_saved(app):
    user = make_user("investor")
    client = _client_in(app, "nb", user)

    response = client.post("/profile", data=profile_form(ticket_min="500 000",
                                                         ticket_max="5\u00a0000\u00a0000"))

    assert response.status_code == 302
    profile = db.session.scalars(select(InvestorProfile)).one()
    assert (profile.ticket_min, profile.ticket_max) == (500_000, 5_000_000)


@pytest.mark.parametrize("lang", LANGS)
def test_a_decimal_arena_capacity_is_refused(app, lang):
    client = _client_in(app, lang, make_user("staff", association="asker"))

    response = client.post("/staff/arenas/new",
                           data=arena_form(founder_capacity="3,5", investor_capacity="2.5"))

    assert response.status_code == 422
    assert _error_of(response, "founder_capacity") == SEATS[lang]
    assert _error_of(response, "investor_capacity") == SEATS[lang]
    assert _count(Arena) == 0


def test_a_decimal_in_the_search_filter_is_refused_not_read_tenfold(app):
    client = _client_in(app, "nb", make_user("investor"))

    response = client.get("/pitches", query_string={"ask_min": "1,5"})

    assert KRONER["nb"] in response.get_data(as_text=True)


@pytest.mark.parametrize(("role", "path", "names"), [
    ("founder", "/pitches/new", ("ask_nok", "team_size", "founded_year")),
    ("investor", "/profile", ("ticket_min", "ticket_max", "past_investments")),
    ("staff", "/staff/arenas/new", ("founder_capacity", "investor_capacity", "slot_minutes",
                                    "slot_count", "table_count", "meeting_cap")),
    ("founder", "/account/tokens", ("days",)),
    ("investor", "/pitches", ("ask_min", "ask_max")),
])
def test_whole_number_fields_are_text_with_a_numeric_keypad(app, role, path, names):
    client = _client_in(app, "nb", make_user(role, association="asker"
                                             if role == "staff" else None))
    page = client.get(path).get_data(as_text=True)
    for name in names:
        control = _input(page, name)
        assert 'type="text"' in control and 'inputmode="numeric"' in control, control


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "typed", "message"), [
    ("ask_nok", "\u0661\u0665\u0660\u0660\u0660\u0660\u0660", KRONER),  # Arabic-Indic 1500000
    ("ask_nok", "\uff11\uff15\uff10\uff10", KRONER),  # full-width 1500
    ("ask_nok", "1_500_000", KRONER), ("team_size", "\u0664", PEOPLE),
])
def test_digits_other_than_0_to_9_are_refused_as_the_meeting_cap_refuses_them(
        app, lang, name, typed, message):
    client = _client_in(app, lang, make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(**{name: typed}))

    assert response.status_code == 422
    assert _error_of(response, name) == message[lang]
    assert _count(Pitch) == 0


def test_odd_digits_in_seats_and_the_meeting_cap_store_no_arena(app):
    client = _client_in(app, "en", make_user("staff", association="asker"))

    response = client.post("/staff/arenas/new", data=arena_form(
        founder_capacity="\uff11\uff10", meeting_cap="\u0663"))

    assert response.status_code == 422
    assert _error_of(response, "founder_capacity") == SEATS["en"]
    assert _error_of(response, "meeting_cap")
    assert _count(Arena) == 0
