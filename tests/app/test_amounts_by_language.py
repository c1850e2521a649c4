"""Amounts in kroner as each language writes them. English pages read "2,900,000 kr", the
bokmål order with English digit grouping; an English reader expects Babel's en form for
NOK, "NOK 2,900,000". Bokmål keeps "2 900 000 kr". Both without decimals (whole kroner), a
no-break space inside the amount and between it and the currency."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from flask_babel import force_locale

from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_investor,
    make_participant,
    make_pitch,
    make_score,
    make_user,
)

NBSP = "\u00a0"


def _text(response) -> str:
    """The page's text, tags dropped, entities read, runs of spaces as one (not NBSP)."""
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))
    return re.sub(r"[ \t\n]+", " ", text)


@pytest.mark.parametrize(("lang", "written"), [
    ("en", [(0, f"NOK{NBSP}0"), (2_900_000, f"NOK{NBSP}2,900,000"),
            (1_000_000_000, f"NOK{NBSP}1,000,000,000"), (1234.4, f"NOK{NBSP}1,234")]),
])
def test_format_nok_writes_english_amounts_as_english_readers_expect(app, lang, written):
    from app import templating

    with app.test_request_context("/"), force_locale(lang):
        assert [templating.format_nok(amount) for amount, _ in written] == [
            text for _, text in written]
        assert templating.nok_in(lang, 2_900_000) == f"NOK{NBSP}2,900,000"


def test_format_nok_in_bokmal_is_as_before(app):
    """Guard: the bokmål form keeps its order and grouping (the space before "kr" is now a
    no-break one, as Babel's nb pattern has it)."""
    from app import templating

    with app.test_request_context("/"), force_locale("nb"):
        shown = templating.format_nok(2_900_000)
    assert " ".join(shown.split()) == "2 900 000 kr"
    assert templating.nok_in("nb", None) == ""


@pytest.mark.parametrize(("lang", "ask"), [("en", f"NOK{NBSP}2,900,000")])
def test_pitch_page_writes_the_ask_in_the_readers_language(client, lang, ask):
    pitch = make_pitch(ask_nok=2_900_000)
    log_in(client, make_user("investor", locale=lang))
    text = _text(client.get(f"/pitches/{pitch.id}"))
    assert ask in text and "kr" not in text.replace("kroner", "")


@pytest.mark.parametrize(("lang", "ticket"), [
    ("en", f"NOK{NBSP}1,000,000–10,000,000"),
])
def test_founders_match_cards_write_tickets_in_the_readers_language(client, auth, lang, ticket):
    """The cards are drawn in Python (app/matches/cards.py), apart from the templates."""
    arena = make_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_score(founder, investor, 0.83)
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    assert ticket in _text(client.get(f"/pitches/{founder.pitch_id}/matches"))


@pytest.mark.parametrize(("path", "written"), [
    ("/pitches/{own}", "3 000 000 kr"), ("/pitches/{own}/matches", "1 000 000–10 000 000 kr")])
def test_bokmal_pages_keep_kroner_after_the_number(client, auth, path, written):
    """Bokmål pages read "3 000 000 kr" as before and a ticket range "1 000 000–10 000 000 kr"
    (it read "1 000 000 kr–10 000 000 kr": kroner once, after the top end)."""
    arena = make_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_score(founder, investor, 0.83)
    auth.login(founder.user.email)
    client.post("/language", data={"lang": "nb"})
    text = " ".join(_text(client.get(path.format(own=founder.pitch_id))).split())
    assert written in text
    assert "NOK" not in text.replace("(NOK)", "")


@pytest.mark.parametrize(("lang", "written"), [
    ("en", [((1_000_000, 10_000_000), f"NOK{NBSP}1,000,000–10,000,000"),
            ((0, 500_000), f"NOK{NBSP}0–500,000")]),
    ("nb", [((1_000_000, 10_000_000), f"1{NBSP}000{NBSP}000–10{NBSP}000{NBSP}000{NBSP}kr"),
            ((0, 500_000), f"0–500{NBSP}000{NBSP}kr")]),
])
def test_a_range_names_the_currency_once(app, lang, written):
    """The currency stands on the end the locale's pattern puts it: before the range in
    English, after it in bokmål (on both ends it read "NOK 1,000,000–NOK 10,000,000")."""
    from app import templating

    with app.test_request_context("/"), force_locale(lang):
        assert [templating.format_nok_range(*ends) for ends, _ in written] == [
            text for _, text in written]
    assert [templating.nok_range_in(lang, *ends) for ends, _ in written] == [
        text for _, text in written]


def test_a_range_with_one_end_unknown_writes_the_other_in_full(app):
    """Guard: with one end unknown the other keeps its currency, as before."""
    from app import templating

    assert templating.nok_range_in("en", None, 10_000_000) == f"–NOK{NBSP}10,000,000"
    assert templating.nok_range_in("nb", 1_000_000, None) == f"1{NBSP}000{NBSP}000{NBSP}kr–"


@pytest.mark.parametrize(("lang", "ticket"), [
    ("en", f"NOK{NBSP}1,000,000–10,000,000"), ("nb", "1 000 000–10 000 000 kr")])
def test_investor_page_writes_the_ticket_range_with_the_currency_once(client, lang, ticket):
    """The templates' ranges (investor page here; its summary, the staff member page and the
    match cards' macro use the same filter)."""
    profile = make_investor()
    log_in(client, make_user("founder", locale=lang))
    text = _text(client.get(f"/investors/{profile.id}"))
    if lang == "nb":
        text = " ".join(text.split())
    assert ticket in text
