"""What a card's set-facet bars say in words ("Fits", "Partly", "Near", "No fit") and the
reasons its explanation gives (the API's `reasons`, the codes the sentence is written from)
tell the same facts, pair by pair: the card reads the facts once for both, the API on its
own (services/set_fit.py, explain.said_reasons). A guard: it passes on the code before the
card read them once, as it must after."""

from __future__ import annotations

import html as html_lib
import re

from sqlalchemy import select

from app.extensions import db
from app.models import MatchScore
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

# (municipality, stage, sectors, funding type) of the pitches; the investor names Drammen
# and Asker, seed and series A, energy, equity.
PITCHES = (
    ("asker", "seed", ["energy", "food_agriculture"], "equity"),
    ("lier", "series_a", ["energy"], "loan"),
    ("kongsberg", "growth", ["energy", "maritime"], "equity"),
    ("asker", "pre_seed", ["health"], "equity"),
    ("drammen", "seed", ["energy"], "convertible_loan"),
)
# component: {first word of the bar: the reason it says}; "No fit" says none
SAYS = {
    "stage": {"Fits": "stage_fit"},
    "sectors": {"Fits": "sector_overlap", "Partly": "sector_overlap"},
    "location": {"Fits": "same_location", "Near": "same_region"},
    "funding": {"Fits": "funding_match"},
}
CODES = {component: set(words.values()) for component, words in SAYS.items()}


def _bar_words(page: str, score_id: int) -> dict[str, str]:
    """{component: the words shown after its bar} of the card of score `score_id`."""
    found = re.findall(rf'<dt id="m{score_id}-(\w+)">[^<]*</dt><dd>(?:(?!</dd>).)*'
                       r'<span class="match-words">([^<]*)</span></dd>', page)
    return {name: html_lib.unescape(words) for name, words in found}


def test_each_cards_bar_words_and_its_reasons_tell_the_same_facts(app, client, auth):
    investor = make_user("investor", locale="en")
    profile = make_investor(investor, regions=["drammen", "asker"], stages=["seed", "series_a"],
                            sectors=["energy"], funding_types=["equity"])
    for municipality, stage, sectors, funding in PITCHES:
        make_pitch(municipality=municipality, stage=stage, sectors=sectors,
                   funding_type=funding)
    rebuilt = app.test_cli_runner().invoke(args=["matching", "rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    score_ids = dict(db.session.execute(select(MatchScore.pitch_id, MatchScore.id).where(
        MatchScore.investor_profile_id == profile.id)).tuples().all())
    auth.login(investor.email)
    page = client.get("/matches").get_data(as_text=True)
    items = client.get("/api/v1/recommendations", headers=bearer(investor)).get_json()["items"]
    assert len(items) == len(PITCHES)
    seen = set()
    for item in items:
        words = _bar_words(page, score_ids[item["pitch"]["id"]])
        reasons = set(item["reasons"])
        for component, says in SAYS.items():
            if component not in words:
                continue
            first = words[component].split(" (")[0]
            seen.add(first)
            said = says.get(first)
            assert reasons & CODES[component] == ({said} if said else set()), (
                item["pitch"]["id"], component, words[component], sorted(reasons))
    assert seen >= {"Fits", "Partly", "Near", "No fit"}  # every kind of words is checked
