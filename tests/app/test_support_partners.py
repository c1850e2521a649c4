"""Support partners: an organisation type that offers support (mentoring, premises, a pilot…)
but no capital, so it has no ticket and never offers capital; matched on everything else."""

from __future__ import annotations

import re

import numpy as np
import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile
from app.services import engine_index, member_import_apply, member_import_plan, recommendations
from matching import ticket
from matching.facets import NEUTRAL
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

CAPITAL_REFUSED = "A support partner offers no capital"
CAPITAL_REFUSED_NB = "En støttepartner tilbyr ikke kapital"


def _form(**overrides) -> dict:
    data = {
        "organisation": "Inkubator Buskerud",
        "investor_type": "partner",
        "thesis": "Vi gir gründere mentorhjelp og kontorplass i Drammen.",
        "sectors": ["energy"],
        "stages": ["idea", "pre_seed", "seed"],
        "regions": ["drammen", "asker"],
        "green_mandate": "none",
        "support_offers": ["mentoring", "premises"],
    }
    data.update(overrides)
    return data


def _profile(user) -> InvestorProfile | None:
    db.session.expire_all()
    return db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))


def _partner(**fields) -> InvestorProfile:
    values = {"organisation": "Inkubator Buskerud", "investor_type": "partner",
              "thesis": "Mentorhjelp og lokaler for solenergi og batterilagring.",
              "ticket_min": None, "ticket_max": None,
              "support_offers": ["mentoring", "premises"], "funding_types": []}
    values.update(fields)
    return make_investor(**values)


@pytest.fixture
def investor(auth):
    user = make_user("investor")
    auth.login(user.email)
    return user


# -- the profile form ----------------------------------------------------------------------
def test_partner_saves_without_a_ticket(client, investor):
    assert client.post("/profile", data=_form()).status_code == 302
    profile = _profile(investor)
    assert profile.investor_type == "partner"
    assert profile.ticket_min is None and profile.ticket_max is None
    assert profile.support_offers == ["mentoring", "premises"]


def test_partner_ticket_sizes_are_not_saved(client, investor):
    # even a reversed range is no error: a partner's ticket fields mean nothing
    response = client.post("/profile", data=_form(ticket_min="900000", ticket_max="100000"))
    assert response.status_code == 302
    profile = _profile(investor)
    assert profile.ticket_min is None and profile.ticket_max is None


def test_partner_offering_capital_is_refused_and_nothing_saved(client, investor):
    response = client.post("/profile", data=_form(support_offers=["capital", "mentoring"]))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert CAPITAL_REFUSED in page
    assert "Vi gir gründere mentorhjelp og kontorplass i Drammen." in page  # typed text kept
    assert _profile(investor) is None


def test_angel_turning_partner_while_offering_capital_changes_nothing(client, investor):
    before = make_investor(investor, investor_type="angel", ticket_min=500_000,
                           ticket_max=2_000_000, support_offers=["capital", "network"])
    response = client.post("/profile", data=_form(support_offers=["capital", "network"],
                                                  version=str(before.version)))
    assert response.status_code == 422
    after = _profile(investor)
    assert after.investor_type == "angel" and after.ticket_max == 2_000_000
    assert after.version == before.version


def test_angel_turning_partner_drops_the_old_ticket(client, investor):
    before = make_investor(investor, investor_type="angel", ticket_min=500_000,
                           ticket_max=2_000_000, support_offers=["capital"])
    response = client.post("/profile", data=_form(ticket_min="500000", ticket_max="2000000",
                                                  version=str(before.version)))
    assert response.status_code == 302
    after = _profile(investor)
    assert after.investor_type == "partner" and after.ticket_min is None


@pytest.mark.parametrize("kind", ["angel", "venture_fund", "bank", "public_fund", "corporate",
                                  "family_office"])
def test_other_types_keep_capital_and_ticket_as_before(client, investor, kind):
    response = client.post("/profile", data=_form(
        investor_type=kind, support_offers=["capital", "mentoring"], ticket_min="100000",
        ticket_max="900000"))
    assert response.status_code == 302
    profile = _profile(investor)
    assert profile.support_offers == ["capital", "mentoring"] and profile.ticket_max == 900_000


def test_other_types_still_refuse_a_reversed_ticket(client, investor):
    response = client.post("/profile", data=_form(investor_type="angel", ticket_min="900000",
                                                  ticket_max="100000"))
    assert response.status_code == 422
    assert _profile(investor) is None


def test_partner_ticking_money_funding_types_is_refused_naming_them(client, investor):
    response = client.post("/profile", data=_form(
        funding_types=["equity", "partnership", "grant"]))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert ("A support partner offers no capital: untick Equity and Grant under “Funding "
            "types”" in page)
    assert _profile(investor) is None


def test_partner_offering_a_partnership_saves(client, investor):
    assert client.post("/profile", data=_form(funding_types=["partnership"])).status_code == 302
    assert _profile(investor).funding_types == ["partnership"]


def test_angel_turning_partner_with_a_loan_ticked_changes_nothing(client, investor):
    before = make_investor(investor, investor_type="angel", support_offers=["mentoring"],
                           funding_types=["loan", "convertible_loan"])
    response = client.post("/profile", data=_form(funding_types=["loan", "convertible_loan"],
                                                  version=str(before.version)))
    assert response.status_code == 422
    assert "untick Convertible loan and Loan" in response.get_data(as_text=True)
    after = _profile(investor)
    assert after.investor_type == "angel" and after.funding_types == ["loan", "convertible_loan"]


@pytest.mark.parametrize("kind", ["angel", "bank", "public_fund"])
def test_other_types_keep_money_funding_types(client, investor, kind):
    response = client.post("/profile", data=_form(
        investor_type=kind, funding_types=["equity", "loan", "grant"]))
    assert response.status_code == 302
    assert _profile(investor).funding_types == ["equity", "loan", "grant"]


def test_service_refuses_a_partner_with_equity(app):
    from app.services import investors
    from app.services.errors import DomainError

    user = make_user("investor")
    values = dict(_form(funding_types=["equity"]), ticket_min=None, ticket_max=None)
    with pytest.raises(DomainError) as refused:
        investors.save_profile(user, values, None)
    assert refused.value.field == "funding_types"
    assert _profile(user) is None


def test_partner_form_speaks_bokmal(app, investor, client):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    form = client.get("/profile").get_data(as_text=True)
    assert "Støttepartner (ikke kapital)" in form
    assert "la beløpene per investering stå tomme" in form
    response = client.post("/profile", data=_form(support_offers=["capital"]))
    assert response.status_code == 422
    assert CAPITAL_REFUSED_NB in response.get_data(as_text=True)
    assert CAPITAL_REFUSED not in response.get_data(as_text=True)
    response = client.post("/profile", data=_form(funding_types=["equity", "loan"]))
    assert response.status_code == 422
    assert ("fjern krysset for Egenkapital og Lån under «Finansieringsformer»"
            in response.get_data(as_text=True))


def test_partner_form_speaks_english(client, investor):
    form = client.get("/profile").get_data(as_text=True)
    assert "Support partner (no capital)" in form
    assert "leave the ticket sizes empty" in form
    assert "A support partner offers no capital: of these, only a partnership." in form


# -- the engine ----------------------------------------------------------------------------
def test_no_ticket_is_neutral_for_every_ask_and_never_far():
    fit = ticket.investor_fit(None, None, sigma=0.5)
    for ask in (None, 50_000, 3_000_000, 400_000_000):
        assert float(fit @ ticket.pitch_weights(ask)) == pytest.approx(NEUTRAL)
    assert not np.any(ticket.investor_far_bins(None, None, far=0.5))


@pytest.fixture
def partner_market(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    pitch = make_pitch(ask_nok=3_000_000, support_needs=["mentoring", "premises"])
    big_ask = make_pitch(title="Havvind", ask_nok=400_000_000, support_needs=["mentoring"])
    partner = _partner()
    fund = make_investor(organisation="Stor Fond", ticket_min=50_000_000,
                         ticket_max=200_000_000)
    engine_index.rebuild()
    return {"pitch": pitch, "big_ask": big_ask, "partner": partner, "fund": fund}


def test_partner_is_recommended_for_a_pitch_with_an_ask(partner_market):
    for key in ("pitch", "big_ask"):
        found = recommendations.recommended_investors(partner_market[key], 10)
        assert partner_market["partner"].id in {m.investor_profile_id for m in found}
        score = recommendations.score_for(partner_market[key].id, partner_market["partner"].id)
        assert score.components["ticket"] == pytest.approx(NEUTRAL)
        assert not {"ticket_in_range", "ticket_near"} & set(score.reasons)


def test_partner_match_is_explained_by_the_support_it_offers(client, auth, partner_market):
    score = recommendations.score_for(partner_market["pitch"].id, partner_market["partner"].id)
    assert "support_match" in score.reasons
    auth.login(partner_market["pitch"].owner.email)
    html = client.get(f"/pitches/{partner_market['pitch'].id}/matches").get_data(as_text=True)
    assert "Inkubator Buskerud" in html and "Support partner (no capital)" in html
    # the founder's card charts a full support bar and no amount bar for the partner
    assert f'm{score.id}-support" aria-valuenow="100"' in html
    assert f"m{score.id}-ticket" not in html  # no ticket: no amount bar (not a neutral 50 %)


# neutral (the API); the founder of the pitch reads "which you ask for", the partner itself
# "You offer ..." (services/explain.py, viewpoint)
PARTNER_SENTENCE = "The partner offers mentoring and premises, which the founder asks for"
PARTNER_SENTENCE_NB = "Partneren tilbyr mentorhjelp og lokaler, som gründeren ber om"
FOUNDER_SENTENCE = "The partner offers mentoring and premises, which you ask for"
FOUNDER_SENTENCE_NB = "Partneren tilbyr mentorhjelp og lokaler, som du ber om"
OWN_SENTENCE = "You offer mentoring and premises, which the founder asks for"


def _sentence(html: str, marker: str) -> str:
    found = re.search(r'<p class="mb-2">([^<]*' + re.escape(marker) + r"[^<]*)</p>", html)
    assert found, marker
    return found.group(1)


def test_partner_sentence_names_the_support_it_brings_in_both_languages(
        client, auth, app, partner_market):
    # the engine finds five stronger reasons than support; the sentence used to stop at four
    score = recommendations.score_for(partner_market["pitch"].id, partner_market["partner"].id)
    assert len(score.reasons) > 4 and score.reasons.index("support_match") >= 4
    pitch = partner_market["pitch"]
    auth.login(pitch.owner.email)
    html = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    assert _sentence(html, "partner offers").startswith(FOUNDER_SENTENCE + ";")
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    html = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    assert _sentence(html, "Partneren").startswith(FOUNDER_SENTENCE_NB + ";")
    # the pitch page's top three and the overview say it too
    assert FOUNDER_SENTENCE_NB in client.get(f"/pitches/{pitch.id}").get_data(as_text=True)
    assert FOUNDER_SENTENCE_NB in client.get("/matches/pitches").get_data(as_text=True)


def test_the_partner_reads_the_same_sentence_on_its_recommendations(client, auth,
                                                                   partner_market):
    """... as the one it is about: it reads "You offer mentoring and premises, ..."."""
    auth.login(partner_market["partner"].user.email)
    html = client.get("/matches").get_data(as_text=True)
    assert _sentence(html, "You offer").startswith(OWN_SENTENCE)


def test_an_investors_sentence_is_as_before(client, auth, partner_market):
    auth.login(partner_market["pitch"].owner.email)
    html = client.get(f"/pitches/{partner_market['pitch'].id}/matches").get_data(as_text=True)
    fund = recommendations.score_for(partner_market["pitch"].id, partner_market["fund"].id)
    from app.services import explain

    with client.application.test_request_context():
        expected = explain.sentence(list(fund.reasons), list(fund.shared_terms),
                                    viewpoint=explain.FOUNDER)
    assert expected in html and "partner" not in expected


def test_partner_sentence_never_speaks_of_an_amount(app, client, auth):
    """Even a ticket range left from before the type (the engine then finds the ask in it)."""
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    pitch = make_pitch(ask_nok=3_000_000, support_needs=["capital", "network"])
    stale = _partner(ticket_min=1_000_000, ticket_max=5_000_000,
                     support_offers=["network", "competence"])
    engine_index.rebuild()
    assert "ticket_in_range" in recommendations.score_for(pitch.id, stale.id).reasons
    auth.login(pitch.owner.email)
    html = client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True)
    said = _sentence(html, "partner offers")
    assert said.startswith("The partner offers network, which you ask for")
    assert "amount" not in said


def test_api_explains_a_partner_pair_by_its_support(client, partner_market):
    pitch, partner = partner_market["pitch"], partner_market["partner"]
    items = client.get(f"/api/v1/pitches/{pitch.id}/recommendations",
                       headers=bearer(pitch.owner)).get_json()["items"]
    said = next(i["explanation"] for i in items if i["investor"]["id"] == partner.id)
    assert said.startswith(PARTNER_SENTENCE)
    items = client.get("/api/v1/recommendations", headers=bearer(partner.user)).get_json()["items"]
    said = next(i["explanation"] for i in items if i["pitch"]["id"] == pitch.id)
    assert said.startswith(PARTNER_SENTENCE)


# -- browse and profile pages --------------------------------------------------------------
def _ids(response) -> set[int]:
    return {int(x) for x in re.findall(r'data-profile-id="(\d+)"',
                                       response.get_data(as_text=True))}


def test_browse_filters_by_type_and_includes_partners(client, auth):
    partner = _partner()
    fund = make_investor(organisation="Fond AS")
    auth.login(make_user("founder").email)
    assert _ids(client.get("/investors")) == {partner.id, fund.id}
    assert _ids(client.get("/investors?investor_type=partner")) == {partner.id}
    assert _ids(client.get("/investors?investor_type=venture_fund")) == {fund.id}
    assert client.get("/investors?investor_type=pirate").status_code == 422


def test_partner_card_shows_offers_instead_of_a_ticket(client, auth):
    _partner(ticket_min=1_000_000, ticket_max=2_000_000)  # stale values from before the type
    auth.login(make_user("founder").email)
    html = client.get("/investors?investor_type=partner").get_data(as_text=True)
    assert "Support partner (no capital)" in html
    assert "Offers Mentoring, Premises" in html
    assert "Ticket" not in html


def test_partner_page_shows_offers_and_no_ticket(client, auth, app):
    partner = _partner(ticket_min=1_000_000, ticket_max=2_000_000)
    auth.login(make_user("founder").email)
    html = client.get(f"/investors/{partner.id}").get_data(as_text=True)
    assert "Support partner (no capital)" in html and "About the partner" in html
    assert "Ticket size" not in html and "Investment thesis" not in html
    assert "Mentoring" in html and "Premises" in html
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    html = client.get(f"/investors/{partner.id}").get_data(as_text=True)
    assert "Støttepartner (ikke kapital)" in html and "Om partneren" in html
    listing = client.get("/investors").get_data(as_text=True)
    assert "Tilbyr Mentorhjelp, Lokaler" in listing


# -- the API -------------------------------------------------------------------------------
def test_api_round_trip_of_a_partner(client, app):
    user = make_user("investor")
    headers = bearer(user)
    body = {"organisation": "Pilotpartner AS", "investor_type": "partner",
            "support_offers": ["pilot_customer", "network"], "ticket_min": 5_000_000,
            "ticket_max": 1_000_000}
    created = client.put("/api/v1/profile", json=body, headers=headers)
    assert created.status_code == 200, created.get_json()
    read = client.get("/api/v1/profile", headers=headers).get_json()
    assert read["investor_type"] == "partner"
    assert read["support_offers"] == ["pilot_customer", "network"]
    assert read["ticket_min"] is None and read["ticket_max"] is None
    refused = client.put("/api/v1/profile", headers=headers, json=dict(
        body, support_offers=["capital"], version=read["version"]))
    assert refused.status_code == 422
    assert list(refused.get_json()["error"]["fields"]) == ["support_offers"]
    assert _profile(user).support_offers == ["pilot_customer", "network"]


def test_api_refuses_a_partner_with_money_funding_types(client, app):
    user = make_user("investor")
    headers = bearer(user)
    body = {"organisation": "Pilotpartner AS", "investor_type": "partner",
            "support_offers": ["pilot_customer"], "funding_types": ["partnership", "equity"]}
    refused = client.put("/api/v1/profile", json=body, headers=headers)
    assert refused.status_code == 422
    error = refused.get_json()["error"]
    assert list(error["fields"]) == ["funding_types"]
    assert '"equity"' in str(error["fields"]["funding_types"])
    assert _profile(user) is None
    saved = client.put("/api/v1/profile", headers=headers,
                       json=dict(body, funding_types=["partnership"]))
    assert saved.status_code == 200, saved.get_json()
    assert _profile(user).funding_types == ["partnership"]


def test_api_recommendations_show_a_partners_offers(client, partner_market):
    owner = partner_market["pitch"].owner
    response = client.get(f"/api/v1/pitches/{partner_market['pitch'].id}/recommendations",
                          headers=bearer(owner))
    assert response.status_code == 200, response.get_json()
    by_id = {item["investor"]["id"]: item["investor"] for item in response.get_json()["items"]}
    partner = by_id[partner_market["partner"].id]
    assert partner["investor_type"] == "partner"
    assert partner["support_offers"] == ["mentoring", "premises"]


# -- the member import ---------------------------------------------------------------------
def test_import_takes_the_partner_type_and_clears_capital(app):
    staff = make_user("staff")
    old = make_user("investor", email="gammel@fond.no")
    make_investor(old, investor_type="angel", support_offers=["capital", "mentoring"],
                  funding_types=["equity", "partnership", "grant"])
    rows = [{"email": "ny@inkubator.no", "name": "Kari", "role": "investor",
             "organisation": "Inkubator", "investor_type": "partner"},
            {"email": "gammel@fond.no", "name": "Ola", "role": "investor",
             "organisation": "Gammelt Fond", "investor_type": "partner"}]
    assert member_import_plan.counts(member_import_plan.plan(rows)) == {
        "create": 1, "update": 1, "reject": 0}
    member_import_apply.apply(staff, rows)
    db.session.expire_all()
    profiles = {p.organisation: p for p in db.session.scalars(select(InvestorProfile))}
    assert profiles["Inkubator"].investor_type == "partner"
    updated = profiles["Gammelt Fond"]
    assert updated.investor_type == "partner" and updated.support_offers == ["mentoring"]
    assert updated.ticket_min is None and updated.ticket_max is None
    assert updated.funding_types == ["partnership"]
