"""An investor can say "only pitches near my ticket sizes", as they can say "only these
stages": the engine had the hard filter (InvestorRecord.ticket_only) from the start, but the
profile, the form and the API never offered it, so a lender with a fixed range was shown
pitches asking for a tenth of its smallest loan, only ranked lower."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile
from app.services import recommendations
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_user


def _form(profile: InvestorProfile, **overrides) -> dict:
    data = {
        "organisation": profile.organisation, "investor_type": profile.investor_type,
        "thesis": profile.thesis, "sectors": list(profile.sectors),
        "stages": list(profile.stages),
        "ticket_min": "" if profile.ticket_min is None else str(profile.ticket_min),
        "ticket_max": "" if profile.ticket_max is None else str(profile.ticket_max),
        "regions": list(profile.regions), "green_mandate": profile.green_mandate,
        "green_objectives": list(profile.green_objectives),
        "support_offers": list(profile.support_offers),
        "funding_types": list(profile.funding_types), "version": str(profile.version),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _pitch_ids(profile) -> set[int]:
    return {m.pitch_id for m in recommendations.recommended_pitches(profile, {}, 1).items}


def _investor_ids(pitch) -> set[int]:
    return {m.investor_profile_id for m in recommendations.recommended_investors(pitch, 10)}


def test_ticking_it_drops_pitches_asking_far_outside_on_both_sides(client, auth, market):
    sea = market["sea_investor"]  # tickets 20-100 MNOK
    solar, health, fish = market["solar"], market["health"], market["fish"]  # 3, 0.8, 40 MNOK
    assert {solar.id, health.id, fish.id} <= _pitch_ids(sea)
    assert sea.id in _investor_ids(solar)
    auth.login(sea.user.email)

    response = client.post("/profile", data=_form(sea, ticket_only="y"))
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert sea.ticket_only is True
    shown = _pitch_ids(sea)
    assert fish.id in shown and solar.id not in shown and health.id not in shown
    assert sea.id not in _investor_ids(solar)
    page = html.unescape(client.get("/matches").get_data(as_text=True))
    assert "Lukket oppdrett av laks" in page and "Digital helsejournal" not in page

    # unticked again, they come back (ranked lower, as before)
    db.session.expire_all()
    assert client.post("/profile", data=_form(sea)).status_code == 302
    assert {solar.id, health.id, fish.id} <= _pitch_ids(sea)


@pytest.mark.parametrize("lang, message", [
    ("en", "Give a smallest or largest ticket for “Only pitches near my ticket sizes”, or "
           "untick it."),
    ("nb", "Oppgi et minste eller største beløp for «Bare pitcher nær beløpene mine», eller "
           "fjern krysset."),
])
def test_without_ticket_sizes_it_is_refused_and_nothing_saved(client, auth, lang, message):
    profile = make_investor(ticket_min=None, ticket_max=None, organisation="Fjordlån")
    version = profile.version
    auth.login(profile.user.email)
    client.post("/language", data={"lang": lang})
    response = client.post("/profile", data=_form(profile, ticket_only="y",
                                                  organisation="Nytt navn"))
    assert response.status_code == 422
    assert message in html.unescape(response.get_data(as_text=True))
    db.session.expire_all()
    assert profile.ticket_only is False and profile.version == version
    assert profile.organisation == "Fjordlån"


def test_the_profile_page_says_so(client, auth):
    profile = make_investor(ticket_min=1_000_000, ticket_max=5_000_000, ticket_only=True)
    auth.login(make_user("founder").email)
    page = html.unescape(client.get(f"/investors/{profile.id}").get_data(as_text=True))
    assert "(only pitches near these sizes)" in page


def test_a_support_partner_has_no_tickets_and_so_no_ticket_only(client, auth):
    profile = make_investor(ticket_min=1_000_000, ticket_max=5_000_000)
    auth.login(profile.user.email)
    response = client.post("/profile", data=_form(
        profile, investor_type="partner", ticket_only="y", support_offers=["mentoring"],
        funding_types=["partnership"]))
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    assert profile.ticket_min is None and profile.ticket_only is False


API_PROFILE = {"organisation": "Fjordlån", "investor_type": "bank", "ticket_min": 2_000_000,
               "ticket_max": 20_000_000}


def test_the_api_takes_and_gives_it(client):
    user = make_user("investor")
    response = client.put("/api/v1/profile", headers=bearer(user),
                          json={**API_PROFILE, "ticket_only": True})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["ticket_only"] is True
    assert client.get("/api/v1/profile", headers=bearer(user)).get_json()["ticket_only"] is True


def test_the_api_refuses_it_without_ticket_sizes(client):
    user = make_user("investor")
    response = client.put("/api/v1/profile", headers=bearer(user),
                          json={**API_PROFILE, "ticket_min": None, "ticket_max": None,
                                "ticket_only": True})
    assert response.status_code == 422
    assert "ticket_only" in response.get_json()["error"]["fields"]
    assert db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == user.id)) is None
