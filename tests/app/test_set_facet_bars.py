"""A match card's bars for the facets compared as sets (sectors, stage, place, support,
funding type) say in words what is true of the pair, not the engine's cosine as a percent.

The engine scores a pitch at one of the three stages an investor names 1/√3 ≈ 58 %: the card
read "Fase 58 %" beside the sentence "fasen passer", a partial fit for an exact one. The
bar keeps the engine's value (what the score is made of); its text and its value text for
screen readers now read "Passer (1 av 3 faser du oppgir)"."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from app.extensions import db
from app.models import MatchScore
from tests.factories import make_investor, make_pitch, make_user

COMPONENTS = {"text": 0.2, "sectors": 0.707, "stage": 0.577, "location": 0.277,
              "support": 0.5, "funding": 1.0, "ticket": 1.0}


def _pair(lang: str = "en", **components):
    """A pitch at seed in Lier (energy and food; needs capital and mentoring; equity) and an
    investor naming three stages, energy alone, Drammen and Asker, capital and network,
    equity alone; scored with COMPONENTS (or `components`)."""
    founder, investor = make_user("founder", locale=lang), make_user("investor", locale=lang)
    pitch = make_pitch(founder, municipality="lier")
    profile = make_investor(investor, stages=["pre_seed", "seed", "series_a"],
                            regions=["drammen", "asker"], funding_types=["equity"])
    score = MatchScore(pitch_id=pitch.id, investor_profile_id=profile.id, score=0.6,
                       components=dict(COMPONENTS, **components), shared_terms=["solenergi"],
                       reasons=["stage_fit", "sector_overlap"])
    db.session.add(score)
    db.session.commit()
    return pitch, profile, score


def _bars(page: str, score_id: int) -> dict[str, tuple[str, str, str]]:
    """{component: (value now, value text, the text shown after the bar)} of a card."""
    found = re.findall(
        rf'<dt id="m{score_id}-(\w+)">[^<]*</dt><dd><div class="progress" role="progressbar" '
        r'aria-labelledby="[^"]+" aria-valuenow="(\d+)" aria-valuetext="([^"]*)">'
        r'<div class="progress-bar[^"]*"></div></div>(.*?)</dd>', page)
    return {name: (now, html_lib.unescape(said), html_lib.unescape(re.sub(r"<[^>]+>", "", shown)))
            for name, now, said, shown in found}


INVESTOR_READS = {
    "en": {"stage": "Fits (1 of the 3 stages you name)",
           "sectors": "Partly (you name 1 of the pitch's 2 sectors)",
           "location": "Near (same county)",
           "support": "Partly (you offer 1 of the 2 kinds of support the pitch asks for)",
           "funding": "Fits"},
    "nb": {"stage": "Passer (1 av 3 faser du oppgir)",
           "sectors": "Delvis (du oppgir 1 av pitchens 2 bransjer)",
           "location": "Nær (samme fylke)",
           "support": "Delvis (du tilbyr 1 av de 2 støtteformene pitchen ber om)",
           "funding": "Passer"},
}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_investor_reads_what_fits_beside_the_engines_bar(client, auth, lang):
    pitch, profile, score = _pair(lang)
    auth.login(profile.user.email)
    bars = _bars(client.get("/matches").get_data(as_text=True), score.id)
    for name, words in INVESTOR_READS[lang].items():
        assert bars[name][1:] == (words, words), name  # shown and said alike
    assert bars["stage"][0] == "58"  # the bar still draws the engine's value
    assert bars["location"][0] == "28"
    # the rest keep their percent
    assert bars["text"][1] == ("20%" if lang == "en" else "20\u00a0%")
    assert bars["ticket"][2] == ("100%" if lang == "en" else "100\u00a0%")


@pytest.mark.parametrize(("lang", "stage", "place"), [
    ("en", "Fits (1 of the 3 stages the investor names)",
     "Fits (1 of the 2 places the investor names)"),
    ("nb", "Passer (1 av 3 faser investoren oppgir)", "Passer (1 av 2 steder investoren oppgir)"),
])
def test_a_founder_reads_it_of_the_investor(client, auth, lang, stage, place):
    pitch, profile, score = _pair(lang, location=0.7)
    pitch.municipality = "asker"
    db.session.commit()
    auth.login(pitch.owner.email)
    bars = _bars(client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True), score.id)
    assert bars["stage"][1:] == (stage, stage)
    assert bars["location"][1:] == (place, place)


def test_a_pair_that_shares_nothing_reads_no_fit_and_stale_scores_keep_their_percent(client,
                                                                                     auth):
    pitch, profile, score = _pair(sectors=0.0, stage=0.0)
    profile.sectors = ["health"]  # as the score has it: no sector in common
    db.session.commit()
    auth.login(profile.user.email)
    bars = _bars(client.get("/matches").get_data(as_text=True), score.id)
    assert bars["sectors"][1:] == ("No fit", "No fit")
    # the stage fits by the profile as it is now, but the stored score (from before an edit)
    # says 0: words that contradict the bar beside them are not drawn
    assert bars["stage"][1:] == ("0%", "0%")


def _sentence(page: str, score_id: int) -> str:
    """The explanation sentence of a card: the paragraph right before its chart."""
    found = re.search(rf'<p class="mb-2">([^<]*)</p>\s*<dl class="match-chart"[^>]*>'
                      rf'<div><dt id="m{score_id}-', page)
    assert found, "no sentence before the chart"
    return html_lib.unescape(found.group(1))


SENTENCE_SAYS = {
    "en": ("the stage fits", "the sectors overlap", "you cover places near the pitch's "
           "municipality", "the funding type fits"),
    "nb": ("fasen passer", "bransjene overlapper", "du dekker steder nær pitchens kommune",
           "finansieringsformen passer"),
}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_sentence_says_what_the_bars_words_say(client, auth, lang):
    """An investor naming four stages scores a pitch at one of them exactly 0.5, where the
    engine gives no "stage_fit": the bar read "Passer (1 av 4 faser du oppgir)" and the
    sentence said nothing of the stage. The sentence now follows the same facts as the
    words; the stored reasons (the engine's) are left as they are."""
    # the amount as a score from before the ask was edited: its reason would take a place
    pitch, profile, score = _pair(lang, stage=0.5, sectors=0.5, location=0.277, ticket=0.5)
    profile.stages = ["pre_seed", "seed", "series_a", "growth"]
    score.reasons = []  # the engine: nothing above its thresholds
    db.session.commit()
    auth.login(profile.user.email)
    page = client.get("/matches").get_data(as_text=True)
    bars = _bars(page, score.id)
    assert bars["stage"][2] == ("Fits (1 of the 4 stages you name)" if lang == "en"
                                else "Passer (1 av 4 faser du oppgir)")
    said = _sentence(page, score.id).lower()
    for fragment in SENTENCE_SAYS[lang]:
        assert fragment in said, (fragment, said)
    db.session.refresh(score)
    assert score.reasons == []


def test_a_fact_the_bar_denies_is_not_said(client, auth):
    """A reason the stored score gives for a facet its bar now reads "No fit" for is
    dropped, as the bar's words are (the score agrees: its component is 0)."""
    pitch, profile, score = _pair(sectors=0.0)
    profile.sectors = ["health"]
    score.reasons = ["sector_overlap", "stage_fit"]
    db.session.commit()
    auth.login(profile.user.email)
    page = client.get("/matches").get_data(as_text=True)
    assert _bars(page, score.id)["sectors"][2] == "No fit"
    said = _sentence(page, score.id).lower()
    assert "the stage fits" in said and "sectors overlap" not in said, said
