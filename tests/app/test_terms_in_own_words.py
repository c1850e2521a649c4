"""An investor reads the shared terms of their recommendations as their profile writes
them: the demo's English profile about autonomous ferries read "Both the pitch and your
profile mention autonome ferger, skipsfarten, and havnene" on a Norwegian pitch. The founder
still reads their own pitch's words, in both languages."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from app.services import engine_index
from tests.factories import make_investor, make_pitch

PITCH = dict(
    title="Autonome ferger for fjordkryssing",
    summary="Autonome ferger som hjelper rederier med å kutte utslipp.",
    description="Vi bygger autonome ferger for skipsfarten på fjorden, med lading i havnene.",
    sectors=["maritime"], municipality="drammen")
THESIS = ("We back autonomous ferries, shipping and zero-emission ports. Autonomous ferries "
          "are a natural focus for us.")


@pytest.fixture
def ferry_pair(app):
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    pitch = make_pitch(**PITCH)
    investor = make_investor(organisation="Brown Family Office", thesis=THESIS,
                             sectors=["maritime"], regions=["drammen"])
    make_pitch(title="Lakseoppdrett", summary="Fisk i lukkede merder.",
               description="Havbruk og laks.", sectors=["food_agriculture"])
    make_investor(organisation="Skolefond", thesis="Skoler og barnehager.",
                  sectors=["other"])
    engine_index.rebuild()
    return pitch, investor


MENTION = {"en": r"[^>]*mention ([^;.<]*)", "nb": r"[^>]*nevner ([^;.<]*)"}


def _named(page: str, locale: str) -> set[str]:
    """The words of the terms the page's first sentence names."""
    found = re.search(MENTION[locale], html_lib.unescape(page))
    assert found, "no sentence names shared terms"
    return set(re.findall(r"[^\W\d_]+", found.group(1))) - {"and", "og"}


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_the_investor_reads_the_terms_in_their_own_words(client, auth, app, ferry_pair,
                                                         locale):
    pitch, investor = ferry_pair
    app.config["BABEL_DEFAULT_LOCALE"] = locale
    auth.login(investor.user.email)
    named = _named(client.get("/matches").get_data(as_text=True), locale)
    assert {"autonomous", "ferries"} <= named, named
    assert not {"autonome", "ferger", "skipsfarten", "havnene"} & named, named
    auth.logout()
    auth.login(pitch.owner.email)
    named = _named(client.get(f"/pitches/{pitch.id}/matches").get_data(as_text=True), locale)
    assert {"autonome", "ferger"} <= named and "autonomous" not in named, named


def test_a_term_the_thesis_does_not_spell_stays_the_pitchs():
    from app.services.own_words import in_own_words

    assert in_own_words(("autonome ferger", "fjordkryssing", "havnene"), THESIS) == (
        "autonomous ferries", "fjordkryssing", "ports")
    # a name in the thesis ("Office" of the organisation) is no word of its subject
    assert in_own_words(("office",), "Brown Family Office backs reuse.") == ("office",)
    assert in_own_words(("solceller",), None) == ("solceller",)
