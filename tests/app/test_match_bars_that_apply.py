"""A match card draws a bar only for a component the engine could compare for the pair: no
"Amount 50 %" for a support partner (it has no ticket) or a pitch without an ask, no
"Funding type 50 %" where a side names no funding type. The neutral 0.5 the engine scores
there is no half fit."""

from __future__ import annotations

import re

import pytest

from app.services import engine_index, recommendations
from tests.factories import make_investor, make_pitch

LABELS = {"en": {"ticket": "Amount", "funding": "Funding type", "support": "Support"},
          "nb": {"ticket": "Beløp", "funding": "Finansieringsform", "support": "Støtte"}}


def _chart(html: str, score_id: int) -> dict[str, str]:
    """{component: "label|percent"} of the card of score `score_id`: the percent the bar is
    drawn at (its aria-valuenow; a set facet's bar says its fit in words beside it)."""
    found = re.findall(rf'<dt id="m{score_id}-(\w+)">([^<]*)</dt><dd><div class="progress"'
                       rf'[^>]*aria-valuenow="(\d+)"', html)
    return {name: f"{label}|{percent}" for name, label, percent in found}


@pytest.fixture
def pairs(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    pitch = make_pitch(ask_nok=3_000_000, funding_type="equity",
                       support_needs=["capital", "mentoring", "premises"])
    no_ask = make_pitch(title="Solceller uten beløp", ask_nok=None, funding_type=None,
                        support_needs=["mentoring"])
    partner = make_investor(organisation="Inkubator Buskerud", investor_type="partner",
                            thesis="Mentorhjelp og lokaler for solenergi og batterilagring.",
                            ticket_min=None, ticket_max=None,
                            support_offers=["mentoring", "premises"], funding_types=[])
    fund = make_investor(organisation="Solfond", funding_types=["equity", "loan"])
    engine_index.rebuild()
    return {"pitch": pitch, "no_ask": no_ask, "partner": partner, "fund": fund}


def _score(pairs, pitch: str, investor: str):
    score = recommendations.score_for(pairs[pitch].id, pairs[investor].id)
    assert score is not None
    return score


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_partner_card_on_the_founders_page_has_no_amount_or_funding_bar(
        client, auth, app, pairs, locale):
    app.config["BABEL_DEFAULT_LOCALE"] = locale
    words = LABELS[locale]
    partner, fund = _score(pairs, "pitch", "partner"), _score(pairs, "pitch", "fund")
    # the engine scores both at its neutral 0.5 ...
    assert partner.components["ticket"] == pytest.approx(0.5)
    assert partner.components["funding"] == pytest.approx(0.5)
    auth.login(pairs["pitch"].owner.email)
    html = client.get(f"/pitches/{pairs['pitch'].id}/matches").get_data(as_text=True)
    chart = _chart(html, partner.id)
    # ... which the partner's card does not draw as a half fit, in either language
    assert "ticket" not in chart and "funding" not in chart
    assert chart["support"].startswith(words["support"] + "|")
    assert f'id="m{partner.id}-ticket"' not in html and f'id="m{partner.id}-funding"' not in html
    # the fund beside it states both, so its card keeps both bars
    chart = _chart(html, fund.id)
    assert chart["ticket"] == f"{words['ticket']}|100"
    assert chart["funding"].startswith(words["funding"] + "|")


def test_partner_reading_its_recommendations_sees_no_amount_or_funding_bar(
        client, auth, pairs):
    auth.login(pairs["partner"].user.email)
    html = client.get("/matches").get_data(as_text=True)
    for key in ("pitch", "no_ask"):
        score = _score(pairs, key, "partner")
        chart = _chart(html, score.id)
        assert chart, key
        assert "ticket" not in chart and "funding" not in chart


def test_pitch_without_an_ask_or_funding_type_has_no_such_bars(client, auth, pairs):
    score = _score(pairs, "no_ask", "fund")
    assert score.components["ticket"] == pytest.approx(0.5)
    auth.login(pairs["no_ask"].owner.email)
    html = client.get(f"/pitches/{pairs['no_ask'].id}/matches").get_data(as_text=True)
    chart = _chart(html, score.id)
    assert chart and "ticket" not in chart and "funding" not in chart
    # the fund sees the same card for it on its own recommendations
    auth.logout()
    auth.login(pairs["fund"].user.email)
    html = client.get("/matches").get_data(as_text=True)
    chart = _chart(html, score.id)
    assert chart and "ticket" not in chart and "funding" not in chart
    # a pitch with an ask and a type keeps both bars there
    chart = _chart(html, _score(pairs, "pitch", "fund").id)
    assert "ticket" in chart and "funding" in chart


def test_saved_pitch_card_follows_the_same_rule(client, auth, pairs):
    profile = pairs["partner"]
    auth.login(profile.user.email)
    pitch = pairs["pitch"]
    assert client.post(f"/matches/{pitch.id}/{profile.id}/mark/saved?next=/matches"
                       ).status_code == 303
    html = client.get("/matches/saved").get_data(as_text=True)
    chart = _chart(html, _score(pairs, "pitch", "partner").id)
    assert chart and "ticket" not in chart and "funding" not in chart


FACETS = ("sectors", "stage", "location", "support")


@pytest.fixture
def unstated(app):
    """An investor that names no sector, stage, region or support, and a pitch that names
    no sector, municipality or support need, beside a fund and a pitch that state them all."""
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    pitch = make_pitch(support_needs=["capital", "mentoring", "premises"])
    bare = make_pitch(title="Solceller på låven", sectors=[], municipality=None,
                      support_needs=[])
    open_fund = make_investor(organisation="Åpent fond", sectors=[], stages=[], regions=[],
                              support_offers=[])
    fund = make_investor(organisation="Solfond")
    engine_index.rebuild()
    return {"pitch": pitch, "bare": bare, "open": open_fund, "fund": fund}


def test_investor_naming_no_stage_sector_region_or_support_has_no_such_bars(
        client, auth, unstated):
    """It showed 'Stage 50 %', 'Sectors 50 %', 'Location 50 %' and 'Support 50 %'."""
    open_score = _score(unstated, "pitch", "open")
    for name in FACETS:
        assert open_score.components[name] == pytest.approx(0.5), name
    auth.login(unstated["pitch"].owner.email)
    html = client.get(f"/pitches/{unstated['pitch'].id}/matches").get_data(as_text=True)
    chart = _chart(html, open_score.id)
    assert chart and not set(FACETS) & set(chart)
    assert "text" in chart and "ticket" in chart
    # the fund beside it states them all: its card keeps every bar
    chart = _chart(html, _score(unstated, "pitch", "fund").id)
    assert set(FACETS) <= set(chart)


def test_pitch_naming_no_sector_municipality_or_support_has_no_such_bars(
        client, auth, unstated):
    """Where the pitch names nothing the engine scores the investor's expected fit, here a
    full bar ('Sectors 100 %' for a pitch without a sector), and gives no reason for it."""
    score = _score(unstated, "bare", "fund")
    assert score.components["sectors"] == pytest.approx(1.0)
    assert "sector_overlap" not in score.reasons
    auth.login(unstated["fund"].user.email)
    html = client.get("/matches").get_data(as_text=True)
    chart = _chart(html, score.id)
    assert chart and not {"sectors", "location", "support"} & set(chart)
    assert "stage" in chart  # the pitch states its stage
    assert set(FACETS) <= set(_chart(html, _score(unstated, "pitch", "fund").id))
    # and the founder of the bare pitch sees the same card
    auth.logout()
    auth.login(unstated["bare"].owner.email)
    html = client.get(f"/pitches/{unstated['bare'].id}/matches").get_data(as_text=True)
    chart = _chart(html, score.id)
    assert chart and not {"sectors", "location", "support"} & set(chart)


def test_no_focus_bar_repeating_the_activity_bar(client, auth, pairs):
    """Koble keeps no investor's past deals, only their count, so the engine's focus is its
    activity again: 'Investor focus' stood under 'Investor activity' with the same value."""
    score = _score(pairs, "pitch", "fund")
    assert score.components["focus"] == pytest.approx(score.components["activity"])
    auth.login(pairs["pitch"].owner.email)
    html = client.get(f"/pitches/{pairs['pitch'].id}/matches").get_data(as_text=True)
    chart = _chart(html, score.id)
    assert "activity" in chart and "focus" not in chart
    auth.logout()
    auth.login(pairs["fund"].user.email)
    chart = _chart(client.get("/matches").get_data(as_text=True), score.id)
    assert chart and "focus" not in chart


def test_investor_reading_their_own_cards_sees_no_bar_of_their_own_activity(
        client, auth, pairs):
    """'Investor activity' on an investor's own pitch cards is their own record, the same on
    every card: it says nothing about the pitch. The founder's cards keep it (it differs
    from one investor to the next there)."""
    fund, partner = _score(pairs, "pitch", "fund"), _score(pairs, "pitch", "partner")
    auth.login(pairs["pitch"].owner.email)
    html = client.get(f"/pitches/{pairs['pitch'].id}/matches").get_data(as_text=True)
    assert "activity" in _chart(html, fund.id) and "activity" in _chart(html, partner.id)
    auth.logout()
    auth.login(pairs["fund"].user.email)
    html = client.get("/matches").get_data(as_text=True)
    chart = _chart(html, fund.id)
    assert chart and "activity" not in chart and "Investor activity" not in html
    client.post(f"/matches/{pairs['pitch'].id}/{pairs['fund'].id}/mark/saved")
    html = client.get("/matches/saved").get_data(as_text=True)
    chart = _chart(html, fund.id)
    assert chart and "activity" not in chart
