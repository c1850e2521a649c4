"""The match sentence speaks to its reader where the reader is one of the two: an investor
on their own recommendations reads "the amount asked lies within your range" and "both the
pitch and your profile mention ..." (and is not told they are active), a founder on their
own pitch's investors "the investor offers the support you need" and "both your pitch and
the investor mention ...". The API and anyone else keep the neutral third person, and no
cache hands one side's wording to the other."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from markupsafe import escape

from app.matches import cards
from app.services import engine_index, explain, recommendations
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_investor, make_participant, make_pitch, make_score

REASONS = ["text_overlap", "ticket_in_range", "support_match", "active_investor"]
TERMS = ["solenergi"]
NEUTRAL = {
    "en": "Both the pitch and the investor mention solenergi; the amount asked lies within "
          "the investor's range; the investor offers the support the founder needs; the "
          "investor is active.",
    "nb": "Både pitchen og investoren nevner solenergi; beløpet det søkes om, ligger innenfor "
          "investorens spenn; investoren tilbyr støtten gründeren trenger; investoren er "
          "aktiv.",
}
FOUNDER = {
    "en": "Both your pitch and the investor mention solenergi; the amount asked lies within "
          "the investor's range; the investor offers the support you need; the investor is "
          "active.",
    "nb": "Både pitchen din og investoren nevner solenergi; beløpet det søkes om, ligger "
          "innenfor investorens spenn; investoren tilbyr støtten du trenger; investoren er "
          "aktiv.",
}
INVESTOR = {
    "en": "Both the pitch and your profile mention solenergi; the amount asked lies within "
          "your range; you offer the support the founder needs.",
    "nb": "Både pitchen og profilen din nevner solenergi; beløpet det søkes om, ligger "
          "innenfor spennet ditt; du tilbyr støtten gründeren trenger.",
}


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_each_side_reads_its_own_wording_and_the_neutral_one_is_as_before(app, locale):
    with app.test_request_context(), force_locale(locale):
        assert explain.sentence(REASONS, TERMS) == NEUTRAL[locale]
        assert explain.sentence(REASONS, TERMS, viewpoint=explain.FOUNDER) == FOUNDER[locale]
        assert explain.sentence(REASONS, TERMS, viewpoint=explain.INVESTOR) == INVESTOR[locale]
        near = explain.sentence(["ticket_near"], [], viewpoint=explain.INVESTOR)
    assert near == {"en": "The amount asked is close to your range.",
                    "nb": "Beløpet det søkes om, ligger nær spennet ditt."}[locale]


@pytest.fixture
def solar_pair(app):
    """A pair whose sentence names shared words and the ask within the range."""
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    pitch = make_pitch(title="Solkraft", summary="Solkraft tilbyr solceller og batterilagring.",
                       description="Solceller og batterilagring til borettslag.")
    investor = make_investor(thesis="Vi investerer i solceller og batterilagring.")
    make_pitch(title="Lakseoppdrett", summary="Fisk i lukkede merder.",
               description="Havbruk i fjorden.", sectors=["maritime"])
    make_investor(organisation="Havfond", thesis="Havbruk og fisk.", sectors=["maritime"])
    engine_index.rebuild()
    score = recommendations.score_for(pitch.id, investor.id)
    assert {"text_overlap", "ticket_in_range"} <= set(score.reasons), score.reasons
    return pitch, investor, score


WORDS = {  # (own wording, the neutral wording it replaces) per side and language
    ("founder", "en"): (["Both your pitch and the investor mention"],
                        ["the pitch and the investor mention"]),
    ("founder", "nb"): (["Både pitchen din og investoren nevner"],
                        ["pitchen og investoren nevner"]),
    ("investor", "en"): (["Both the pitch and your profile mention", "within your range"],
                         ["the pitch and the investor mention", "the investor&#39;s range",
                          "the investor is active"]),
    ("investor", "nb"): (["Både pitchen og profilen din nevner", "innenfor spennet ditt"],
                         ["pitchen og investoren nevner", "investorens spenn",
                          "investoren er aktiv"]),
}


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_the_founders_and_the_investors_pages_speak_to_them(client, auth, app, solar_pair,
                                                           locale):
    pitch, investor, score = solar_pair
    app.config["BABEL_DEFAULT_LOCALE"] = locale
    # the investor first: their wording is then in every per-process cache
    auth.login(investor.user.email)
    pages = {"investor": [client.get("/matches").get_data(as_text=True)]}
    auth.logout()
    auth.login(pitch.owner.email)
    pages["founder"] = [client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True),
                        client.get(f"/pitches/{pitch.id}").get_data(as_text=True),
                        client.get("/matches/pitches").get_data(as_text=True)]
    for side, htmls in pages.items():
        own, neutral = WORDS[(side, locale)]
        for html in htmls:
            assert "Solkraft" in html
            for words in own:
                assert words in html, (side, words)
            for words in neutral:
                assert words not in html, (side, words)
    with app.test_request_context(), force_locale(locale):
        said = str(escape(explain.explain(score, explain.FOUNDER)))
    assert all(said in html for html in pages["founder"])


def test_the_api_keeps_the_neutral_wording(client, solar_pair, app):
    pitch, investor, score = solar_pair
    with app.test_request_context():
        neutral = explain.sentence(list(score.reasons), list(score.shared_terms))
    assert neutral.startswith("Both the pitch and the investor mention")
    items = client.get(f"/api/v1/pitches/{pitch.id}/recommendations",
                       headers=bearer(pitch.owner)).get_json()["items"]
    assert next(i["explanation"] for i in items if i["investor"]["id"] == investor.id) == neutral
    items = client.get("/api/v1/recommendations",
                       headers=bearer(investor.user)).get_json()["items"]
    assert next(i["explanation"] for i in items if i["pitch"]["id"] == pitch.id) == neutral
    with app.test_request_context():  # anyone else: no viewpoint, the neutral sentence
        assert explain.explain(score) == neutral


def test_one_process_keeps_each_sides_sentence_apart(app, solar_pair):
    """The per-process sentence cache and the per-request fragment cache are keyed by the
    viewpoint: the same score, asked for by each side in turn, in one request."""
    _pitch, _investor, score = solar_pair
    with app.test_request_context("/matches"), force_locale("nb"):
        said = [explain.sentence_in("nb", score, viewpoint)
                for viewpoint in (explain.INVESTOR, explain.FOUNDER, None, explain.INVESTOR)]
        investor_card = str(cards.pitch_card_top(score))
        founder_card = str(cards.investor_card_top(score, 1))
    assert said[0] == said[3] and len(set(said)) == 3
    assert "spennet ditt" in said[0] and "pitchen din" in said[1]
    assert "spennet ditt" not in said[1] + said[2] and "pitchen din" not in said[0] + said[2]
    assert str(escape(said[0])) in investor_card and str(escape(said[1])) in founder_card
    with pytest.raises(ValueError):
        explain.sentence_in("nb", score, "staff")


def test_page_cache_key_holds_the_role(app):
    """A kept page is the user's own and, with it, their role's (the side the sentences
    speak to)."""
    from unittest import mock

    from flask import g

    from app.services import page_cache

    keys = []
    for role in ("founder", "investor"):
        user = mock.Mock(is_authenticated=True, id=7, page_version=1, role=role)
        with app.test_request_context("/matches"), mock.patch.object(
                page_cache, "current_user", user):
            g.page_version = 1
            keys.append(page_cache._key())
    assert None not in keys and keys[0] != keys[1]


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_the_participants_list_speaks_to_each_side(client, auth, app, locale):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_score(founder, investor, 0.8, reasons=REASONS, shared_terms=TERMS)
    app.config["BABEL_DEFAULT_LOCALE"] = locale
    auth.login(founder.user.email)
    html = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert str(escape(FOUNDER[locale])) in html
    auth.logout()
    auth.login(investor.user.email)
    html = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    # the shared term in the investor's own words (33a33ed): the factory thesis says solkraft
    assert str(escape(INVESTOR[locale].replace("solenergi", "solkraft"))) in html
