"""The "Interested in this pitch" section (the founder's matches page) and "Interested in
you" (the investor's home) told the reader to "Answer them" even when every investor or
founder listed was a mutual match already, with nothing left to answer. The sentence now
follows the state: answer them (all waiting), answer the ones still waiting (some), or
you are both interested (none waiting)."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.services import interest
from tests.app.security.principals import log_in
from tests.factories import make_investor

FOUNDER = {
    "en": ("Answer them:", "Answer the ones still waiting for you:", "and you in them"),
    "nb": ("Svar dem:", "Svar dem som fortsatt venter på deg:", "og du for dem"),
}


def _intro(page: str, section: str) -> str:
    part = page.split(f'id="{section}"')[1].split("</section>")[0]
    return " ".join(re.search(r"<p[^>]*>(.*?)</p>", part, re.S).group(1).split())


def _told(intro: str, phrases: tuple[str, str, str]) -> int:
    [which] = [i for i, phrase in enumerate(phrases) if phrase in intro]
    return which


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_founder_is_asked_to_answer_only_those_waiting(client, market, lang):
    founder, solar = market["solar_founder"], market["solar"]
    founder.locale = lang
    db.session.commit()
    first = make_investor(organisation="Fjellinvest", sectors=["tourism_culture"])
    second = make_investor(organisation="Kystinvest", sectors=["tourism_culture"])
    for profile in (first, second):
        interest.mark(profile.user, solar.id, profile.id, "interested")
    log_in(client, founder)
    url = f"/pitches/{solar.id}/matches"
    intro = _intro(client.get(url).get_data(as_text=True), "interested")
    assert _told(intro, FOUNDER[lang]) == 0
    interest.mark(founder, solar.id, first.id, "interested")  # mutual with one
    intro = _intro(client.get(url).get_data(as_text=True), "interested")
    assert _told(intro, FOUNDER[lang]) == 1
    interest.mark(founder, solar.id, second.id, "interested")  # mutual with both
    intro = _intro(client.get(url).get_data(as_text=True), "interested")
    assert _told(intro, FOUNDER[lang]) == 2
    assert FOUNDER[lang][0].rstrip(":") not in intro


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_investor_is_not_asked_to_answer_a_mutual_match(client, market, lang):
    investor, health = market["solar_investor"], market["health"]
    investor.user.locale = lang
    db.session.commit()
    interest.mark(health.owner, health.id, investor.id, "interested")
    log_in(client, investor.user)
    intro = _intro(client.get("/matches").get_data(as_text=True), "interested-in-you")
    assert _told(intro, FOUNDER[lang]) == 0
    interest.mark(investor.user, health.id, investor.id, "interested")
    intro = _intro(client.get("/matches").get_data(as_text=True), "interested-in-you")
    assert _told(intro, FOUNDER[lang]) == 2
    assert FOUNDER[lang][0].rstrip(":") not in intro
