""""Not for me" lists that hold nothing say what they are for and how something gets there.
They said only "None." / "Ingen.": a reader who found the page from the link on their
recommendations learnt nothing of it."""

from __future__ import annotations

import html as html_lib

import pytest

from tests.factories import make_investor, make_pitch, make_user

INVESTOR = {
    "en": "No pitches here yet. When you press “Not for me” on a recommended pitch, it leaves "
          "your recommendations (and you leave its founder's list) and is kept here, where "
          "you can undo it.",
    "nb": "Ingen pitcher her ennå. Når du trykker «Ikke for meg» på en anbefalt pitch, "
          "forsvinner den fra anbefalingene dine (og du fra gründerens liste), og den havner "
          "her, der du kan angre.",
}
FOUNDER = {
    "en": "No investors here yet. When you press “Not for me” on an investor in a pitch's "
          "list, the investor leaves that list (and the pitch leaves theirs) and is kept "
          "here, where you can undo it.",
    "nb": "Ingen investorer her ennå. Når du trykker «Ikke for meg» på en investor i listen "
          "til en pitch, forsvinner investoren fra den listen (og pitchen fra investorens "
          "liste), og investoren havner her, der du kan angre.",
}


def _page(client, auth, user) -> str:
    auth.login(user.email)
    response = client.get("/matches/hidden")
    assert response.status_code == 200
    return html_lib.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_investors_empty_list_says_what_it_is_for(client, auth, lang):
    user = make_user("investor", locale=lang)
    make_investor(user)
    page = _page(client, auth, user)
    assert INVESTOR[lang] in page
    assert "<p>None.</p>" not in page and "<p>Ingen.</p>" not in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_founders_empty_list_says_what_it_is_for(client, auth, lang):
    user = make_user("founder", locale=lang)
    make_pitch(user)
    page = _page(client, auth, user)
    assert FOUNDER[lang] in page
    assert "<p>None.</p>" not in page and "<p>Ingen.</p>" not in page
