"""The recommendation cards drawn in Python (app/matches/cards.py) give the markup the
templates drew: the card's top, the score badge and the interest buttons, in both
languages and for every answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import render_template_string
from flask_babel import force_locale
from flask_login import login_user

from app.matches import cards
from app.services import engine_index, recommendations, set_fit
from app.services.match_bars import not_applicable
from app.services.match_sides import FOUNDER, INVESTOR
from tests.app.matching_data import tiny_market

# What templates/matches/*.html drew before the cards moved to Python (commit 5ae2238).
_OLD = (Path(__file__).parent / "old_match_cards.jinja").read_text(encoding="utf-8")
OLD_MACROS = _OLD.split("{# == macros == #}")[1].split("{# == pitch top == #}")[0]
OLD_PITCH_TOP = _OLD.split("{# == pitch top == #}")[1].split("{# == investor top == #}")[0]
OLD_INVESTOR_TOP = _OLD.split("{# == investor top == #}")[1]


def _same(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", str(html))).strip()


@pytest.fixture
def market(app):
    data = tiny_market()
    data["solar"].title = 'Sol & "batterier" <for> gården'
    data["solar"].summary = "Tak, lager & nett: <b>alt</b>."
    from app.extensions import db

    db.session.commit()
    engine_index.rebuild()
    return data


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize("mine", [None, "interested", "saved", "not_for_me"])
@pytest.mark.parametrize("next_url", ["/matches", "/matches?sector=energy&q=a%26b&page=2"])
def test_interest_buttons_are_the_macros_markup(app, market, locale, mine, next_url):
    with app.test_request_context(next_url), force_locale(locale):
        # the cards' viewer, whose confirmed address lets them answer (9ba07de)
        login_user(market["solar_investor"].user)
        old = render_template_string(
            OLD_MACROS + "{{ interest_buttons(12, 34, mine, next_url) }}",
            mine=mine, next_url=next_url)
        new = cards.interest_buttons(12, 34, mine, next_url)
    assert _same(new) == _same(old)
    assert ('name="csrf_token"' in new) and ("/matches/12/34/" in new)


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_card_tops_and_badge_are_the_templates_markup(app, market, locale):
    profile = market["solar_investor"]
    with app.test_request_context("/matches"), force_locale(locale):
        scores = recommendations.recommended_pitches(profile, {}, 1,
                                              columns=cards.PITCH_CARD_COLUMNS).items
        assert scores
        for m in scores:
            # the investor's own activity bar is left out of their cards (the same on each)
            old = render_template_string(OLD_MACROS + OLD_PITCH_TOP, m=m, p=m.pitch,
                                         skip=not_applicable(m) | {"activity"},
                                         words=set_fit.set_fit_words(m, INVESTOR))
            assert _same(cards.pitch_card_top(m)) == _same(old)
            old_badge = render_template_string(OLD_MACROS + "{{ score_badge(m) }}", m=m)
            assert _same(cards.score_badge(m.score)) == _same(old_badge)
        investors = recommendations.recommended_investors(market["solar"], 20,
                                                   columns=cards.INVESTOR_CARD_COLUMNS)
        assert investors
        for position, m in enumerate(investors, start=1):
            old = render_template_string(OLD_MACROS + OLD_INVESTOR_TOP, m=m, q=m.investor,
                                         position=position, skip=not_applicable(m),
                                         words=set_fit.set_fit_words(m, FOUNDER))
            assert _same(cards.investor_card_top(m, position)) == _same(old)


def test_card_escapes_what_users_typed(app, market):
    with app.test_request_context("/matches"):
        scores = recommendations.recommended_pitches(market["solar_investor"], {}, 1,
                                              columns=cards.PITCH_CARD_COLUMNS).items
        html = str(cards.pitch_card_top(next(m for m in scores
                                             if m.pitch_id == market["solar"].id)))
    assert "&lt;for&gt;" in html and "&amp;" in html and "&#34;batterier&#34;" in html
    assert "<b>" not in html


def test_links_follow_the_routes(app):
    from flask import url_for

    with app.test_request_context("/"):
        make = cards.link_maker("pitches.view", "pitch_id")
        assert [make(n) for n in (1, 42, 987654321)] == [
            url_for("pitches.view", pitch_id=n) for n in (1, 42, 987654321)]


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_kept_amounts_and_labels_are_babels(app, locale):
    from flask_babel import format_decimal

    from app import templating, vocabulary

    with app.test_request_context("/"), force_locale(locale):
        for amount in (0, 999, 1000, 2_500_000, 1_000_000_000, 1234.5):
            number = format_decimal(amount, format="#,##0")
            expected = f"NOK\u00a0{number}" if locale == "en" else f"{number}\u00a0kr"
            assert templating.format_nok(amount) == expected
        for mapping in (vocabulary.STAGES, vocabulary.MUNICIPALITIES):
            for key in list(mapping)[:5] + ["not-a-key"]:
                assert templating.label(key, mapping) == vocabulary.label(mapping, key)
        assert templating.format_nok(None) == "" and templating.label(None, {}) == ""
        with force_locale("en" if locale == "nb" else "nb"):  # follows a locale switch
            other = vocabulary.label(vocabulary.STAGES, "seed")
            assert templating.label("seed", vocabulary.STAGES) == other
