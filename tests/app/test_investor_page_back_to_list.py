"""A founder who opens an investor from a pitch's list of matching investors (a ranked card,
or one of "Interested in this pitch") can go back to that list: the link carries the list's
address (next=) and the investor's page leads back to it. It had no way back but the
browser's."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from app.extensions import db
from app.models import Interest


def _hrefs(page: str, text: str) -> list[str]:
    """The hrefs of the page's links whose text is `text`."""
    return [html_lib.unescape(href)
            for href, inner in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', page, re.S)
            if html_lib.unescape(re.sub(r"<[^>]+>", "", inner)).strip() == text]


@pytest.mark.parametrize(("lang", "back"), [("en", "Back to matching investors"),
                                            ("nb", "Tilbake til investorene som passer")])
def test_the_investor_page_leads_back_to_the_matching_investors(client, auth, market, lang,
                                                                back):
    solar, investor = market["solar"], market["solar_investor"]
    solar.owner.locale = lang
    # the investor is interested: their card is in "Interested in this pitch" too
    db.session.add(Interest(pitch_id=solar.id, investor_profile_id=investor.id,
                            side="investor", kind="interested", user_id=None))
    db.session.commit()
    auth.login(solar.owner.email)
    listing = f"/pitches/{solar.id}/matches"
    links = _hrefs(client.get(listing).get_data(as_text=True), investor.organisation)
    assert len(links) == 2  # the interested card and the ranked card
    for link in links:
        assert link.startswith(f"/investors/{investor.id}?next=")
        profile_page = client.get(link).get_data(as_text=True)
        assert _hrefs(profile_page, back) == [listing]
    # an answer given on the investor's page comes back to it with the way back kept
    form = re.search(r'formaction="([^"]*/mark/saved[^"]*)"', profile_page).group(1)
    answered = client.post(html_lib.unescape(form))
    assert back in client.get(answered.location).get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x",
                                    "/\\evil.example", "javascript:alert(1)"])
def test_a_foreign_next_gives_no_back_link(client, auth, market, target):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(solar.owner.email)
    page = client.get(f"/investors/{investor.id}", query_string={"next": target})
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert not [href for href in re.findall(r'<a href="([^"]+)"', text)
                if "evil.example" in href or "javascript:" in href]
    assert "Back to matching investors" not in text and "Back to the list" not in text


def test_without_next_there_is_no_back_link(client, auth, market):
    auth.login(market["solar"].owner.email)
    text = client.get(f"/investors/{market['solar_investor'].id}").get_data(as_text=True)
    assert "Back to matching investors" not in text and "Back to the list" not in text
