"""Percents and large numbers as each language writes them. English pages read "54 %" (the
bokmål way, written into the English strings) and the pitch form's hint "no more than
1 000 000 000"; English writes "54%" and "1,000,000,000", bokmål "54 %" and
"1 000 000 000" with no-break spaces, as Babel's locale data says."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from tests.app.security.principals import log_in
from tests.factories import make_arena, make_participant, make_score, make_user

NBSP = "\u00a0"


def _text(response) -> str:
    """The page's text, tags dropped, entities read, runs of spaces as one (not NBSP)."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))
    return re.sub(r"[ \t\n]+", " ", text)


@pytest.mark.parametrize(("lang", "written"), [("en", "Match: 83%"),
                                                ("nb", f"Match: 83{NBSP}%")])
def test_participants_match_percent(client, auth, lang, written):
    arena = make_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_score(founder, investor, 0.83)
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    assert written in _text(client.get(f"/arenas/{arena.id}/participants"))


@pytest.mark.parametrize(("lang", "written"), [
    ("en", "A whole number of kroner, no more than 1,000,000,000."),
    ("nb", f"Et helt antall kroner, høyst 1{NBSP}000{NBSP}000{NBSP}000."),
])
def test_pitch_form_hint_writes_the_limit_in_the_users_language(app, client, lang, written):
    log_in(client, make_user("founder", locale=lang))
    assert written in _text(client.get("/pitches/new"))


@pytest.mark.parametrize(("lang", "sign"), [("en", "%"), ("nb", f"{NBSP}%")])
def test_match_cards_badge_and_bars_write_percents_in_the_users_language(client, auth, lang,
                                                                          sign):
    """The cards are drawn in Python (app/matches/cards.py): their badge and bars wrote
    "83 %" in English too."""
    arena = make_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_score(founder, investor, 0.83)
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    page = client.get(f"/pitches/{founder.pitch_id}/matches").get_data(as_text=True)
    assert f"83{sign}\n</span>" in page  # the badge
    assert f'aria-valuetext="83{sign}"' in page and f"83{sign}</dd>" in page  # the text bar
    if lang == "en":
        assert "83 %" not in page
