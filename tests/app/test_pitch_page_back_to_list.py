"""An investor who opens a pitch from their recommendations can go back to the list as they
left it: the card's link carries the list's address (next=), and the pitch page leads back
to it, filters and page kept. The pitch page had no way back but the browser's."""

from __future__ import annotations

import html as html_lib
import re

import pytest


def _links(page: str) -> dict[str, str]:
    """{text: href} of the page's links."""
    return {html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip(): html_lib.unescape(href)
            for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', page, re.S)}


@pytest.mark.parametrize(("lang", "back"), [("en", "Back to recommended pitches"),
                                            ("nb", "Tilbake til anbefalte pitcher")])
def test_the_pitch_page_leads_back_to_the_filtered_list(client, auth, market, lang, back):
    solar, investor = market["solar"], market["solar_investor"]
    investor.user.locale = lang
    from app.extensions import db

    db.session.commit()
    auth.login(investor.user.email)
    listing = "/matches?sector=energy&page=1"
    page = client.get(listing).get_data(as_text=True)
    link = _links(page)[solar.title]
    assert link.startswith(f"/pitches/{solar.id}?next=")
    pitch_page = client.get(link).get_data(as_text=True)
    assert _links(pitch_page)[back] == listing
    # an answer given on the pitch page comes back to it with the way back kept
    form = re.search(r'formaction="([^"]*/mark/saved[^"]*)"', pitch_page).group(1)
    answered = client.post(html_lib.unescape(form))
    assert back in client.get(answered.location).get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x",
                                    "/\\evil.example", "javascript:alert(1)"])
def test_a_foreign_next_gives_no_back_link(client, auth, market, target):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    page = client.get(f"/pitches/{solar.id}", query_string={"next": target})
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert not [href for href in _links(text).values()
                if "evil.example" in href or "javascript:" in href]
    assert "Back to recommended pitches" not in text and "Back to the list" not in text


def test_without_next_there_is_no_back_link(client, auth, market):
    auth.login(market["solar_investor"].user.email)
    text = client.get(f"/pitches/{market['solar'].id}").get_data(as_text=True)
    assert "Back to recommended pitches" not in text
