"""A saved amount of kroner comes back in its field grouped as the pages show amounts: bokmål
"40 000 000", English "40,000,000". Before, the investor profile's ticket sizes and a pitch's
funding ask came back as bare digits: "40 mill" typed, "40000000" shown, zeros to count (seen
on the demo's /profile). What is shown is read back as the same amount when the form is
saved again. A year stays ungrouped (guard)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile
from tests.app.test_i18n import _client_in
from tests.app.test_investor_profile import _form as profile_form
from tests.factories import make_investor, make_pitch, make_user

GROUPED = {"nb": "40\N{NO-BREAK SPACE}000\N{NO-BREAK SPACE}000", "en": "40,000,000"}
SMALL = {"nb": "350\N{NO-BREAK SPACE}000", "en": "350,000"}


def _value(html: str, name: str) -> str:
    tag = re.search(rf'<input[^>]*\bname="{name}"[^>]*>', html).group(0)
    return re.search(r'\bvalue="([^"]*)"', tag).group(1)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_ticket_sizes_come_back_grouped_and_save_again_unchanged(app, lang):
    user = make_user("investor")
    make_investor(user, ticket_min=350_000, ticket_max=40_000_000)
    client = _client_in(app, lang, user)
    html = client.get("/profile").get_data(as_text=True)
    assert (_value(html, "ticket_min"), _value(html, "ticket_max")) == (SMALL[lang], GROUPED[lang])

    sent = client.post("/profile", data=profile_form(
        ticket_min=_value(html, "ticket_min"), ticket_max=_value(html, "ticket_max"),
        version=_value(html, "version")))
    assert sent.status_code == 302
    profile = db.session.scalars(select(InvestorProfile).filter_by(user_id=user.id)).one()
    db.session.refresh(profile)
    assert (profile.ticket_min, profile.ticket_max) == (350_000, 40_000_000)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_pitch_ask_comes_back_grouped_and_a_year_does_not(app, lang):
    founder = make_user("founder")
    pitch = make_pitch(founder, ask_nok=40_000_000, founded_year=2021)
    html = _client_in(app, lang, founder).get(f"/pitches/{pitch.id}/edit").get_data(as_text=True)
    assert _value(html, "ask_nok") == GROUPED[lang]
    assert _value(html, "founded_year") == "2021"
