"""An amount of kroner is read as founders and investors write one. On a founder's walk (nb,
phone) "2,5 mill", "kr 2 500 000", "2 500 000 kr", "2 500 000,-" and "1.500.000" were each
refused with "write a whole number of kroner, without words"; none of them can be read two
ways. A bare decimal ("1,5": a million meant, or 1.5 kroner?) and a single dot ("1.000", one
in English) stay refused, so nothing is read tenfold."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile, Pitch
from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.app.test_pitches import _form as pitch_form
from tests.app.test_unreadable_input import KRONER, _error_of
from tests.factories import make_user


@pytest.mark.parametrize(("lang", "typed", "kroner"), [
    ("nb", "2,5 mill", 2_500_000), ("nb", "2,5 mill.", 2_500_000),
    ("nb", "2,5 millioner", 2_500_000), ("nb", "2,5 MNOK", 2_500_000),
    ("nb", "2,5m", 2_500_000), ("nb", "kr 2 500 000", 2_500_000),
    ("nb", "2 500 000 kr", 2_500_000), ("nb", "2 500 000,-", 2_500_000),
    ("nb", "kr. 2500000,-", 2_500_000), ("nb", "2.500.000", 2_500_000),
    ("nb", "500k", 500_000), ("nb", "500 tusen", 500_000), ("nb", "3 mill kr", 3_000_000),
    ("en", "2.5 million", 2_500_000), ("en", "NOK 2,500,000", 2_500_000),
    ("en", "2,500,000 NOK", 2_500_000), ("en", "2.500.000", 2_500_000),
])
def test_a_pitch_ask_written_as_people_write_it_is_saved(app, lang, typed, kroner):
    client = _client_in(app, lang, make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(ask_nok=typed))

    assert response.status_code == 302, _error_of(response, "ask_nok")
    assert db.session.scalars(select(Pitch)).one().ask_nok == kroner


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("typed", ["1,5", "1.000", "2,1234567 mill", "mill", "kr", "1e3 mill",
                                   "2,5 mange"])
def test_an_amount_that_reads_two_ways_or_none_is_refused(app, lang, typed):
    client = _client_in(app, lang, make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(ask_nok=typed))

    assert response.status_code == 422
    assert _error_of(response, "ask_nok") == KRONER[lang]
    assert db.session.scalars(select(Pitch)).first() is None


def test_a_negative_amount_in_millions_is_refused_by_the_range(app):
    client = _client_in(app, "nb", make_user("founder"))

    response = client.post("/pitches/new", data=pitch_form(ask_nok="-2 mill"))

    assert response.status_code == 422
    assert db.session.scalars(select(Pitch)).first() is None


def test_an_investor_ticket_in_millions_is_saved(app):
    client = _client_in(app, "nb", make_user("investor"))

    response = client.post("/profile", data=profile_form(ticket_min="500 tusen",
                                                         ticket_max="kr 5 mill"))

    assert response.status_code == 302
    profile = db.session.scalars(select(InvestorProfile)).one()
    assert (profile.ticket_min, profile.ticket_max) == (500_000, 5_000_000)


def test_the_browse_filter_reads_millions(app):
    client = _client_in(app, "nb", make_user("investor"))

    response = client.get("/pitches", query_string={"ask_min": "1,5 mill"})

    assert response.status_code == 200
    assert KRONER["nb"] not in response.get_data(as_text=True)


def test_english_reads_its_own_decimal_mark_only():
    from app.typed_numbers import read_kroner  # here: the page tests above run without it

    assert read_kroner("2.5 mill", "en") == 2_500_000
    assert read_kroner("2,5 mill", "en") is None  # a comma groups digits in English
