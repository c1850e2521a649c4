""""Not for me" says what happened from the answerer's side and where the answer is kept; it
said "the pair is removed from both lists", which told neither side which lists, nor how to
take it back. The message's Undo button takes it back (test_not_for_me_undo.py): the words
no longer also say "To undo it, open ..." beside it, which told the reader twice, two
different ways, how to undo."""

from __future__ import annotations

import pytest

from app.extensions import db

INVESTOR = {
    "en": "Marked as not for you: the pitch leaves your recommendations, and you leave its "
          "founder&#39;s list. You find it under “Pitches you marked not for me”.",
    "nb": "Markert som ikke for deg: pitchen forsvinner fra anbefalingene dine, og du forsvinner "
          "fra gründerens liste. Du finner den under «Pitcher du har markert som ikke for meg».",
}
FOUNDER = {
    "en": "Marked as not for you: the investor leaves this pitch&#39;s list, and the pitch leaves "
          "theirs. You find the investor under “Investors you marked not for me”.",
    "nb": "Markert som ikke for deg: investoren forsvinner fra listen til denne pitchen, og "
          "pitchen fra investorens liste. Du finner investoren under «Investorer du har markert "
          "som ikke for meg».",
}


def _answer(client, auth, user, lang, pitch_id, investor_id) -> str:
    user.locale = lang
    db.session.commit()
    auth.login(user.email)
    response = client.post(f"/matches/{pitch_id}/{investor_id}/mark/not_for_me")
    assert response.status_code == 303
    return client.get(response.location).get_data(as_text=True)


def _says_undo_once(page: str, lang: str) -> None:
    """The way to undo is said once, by the button: not also in words beside it."""
    start = page.index('id="flashes"')
    flashes = page[start:page.index("data-bs-dismiss", start)]
    assert "To undo it" not in flashes and "For å angre" not in flashes
    assert flashes.count("Undo" if lang == "en" else "Angre") == 2  # its word and its name


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_investor_learns_where_the_pitch_went_and_where_to_undo(client, auth, market, lang):
    investor = market["solar_investor"]
    page = _answer(client, auth, investor.user, lang, market["solar"].id, investor.id)
    assert INVESTOR[lang] in page
    _says_undo_once(page, lang)
    assert "removed from both lists" not in page and "begge listene" not in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_founder_learns_where_the_investor_went_and_where_to_undo(client, auth, market, lang):
    page = _answer(client, auth, market["solar_founder"], lang, market["solar"].id,
                   market["solar_investor"].id)
    assert FOUNDER[lang] in page
    _says_undo_once(page, lang)
