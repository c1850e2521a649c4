"""An answer on a match card (Interested, Save, Not for me, Undo) comes back to the card's
place in its list, not to the top of a long page: each card has an id for its place, its form
sends it, and the redirect carries it as the fragment."""

from __future__ import annotations

import re
from collections import Counter

from app.services import interest


def _ids(html: str) -> Counter:
    return Counter(re.findall(r'\sid="([^"]+)"', html))


def _place_of(html: str, pitch_id: int, investor_id: int) -> str:
    """The `at` sent by the form of the pair's card (the first on the page)."""
    form = html.split(f"/matches/{pitch_id}/{investor_id}/mark/")[0].rsplit("<form", 1)[1]
    return re.search(r'name="at" value="([^"]+)"', form).group(1)


def test_investors_answer_comes_back_to_the_card(client, auth, market):
    investor, fish = market["solar_investor"], market["fish"]
    auth.login(investor.user.email)
    html = client.get("/matches").get_data(as_text=True)
    at = _place_of(html, fish.id, investor.id)
    assert re.fullmatch(r"r-\d+", at) and f'<li class="card mb-3" id="{at}">' in html
    response = client.post(f"/matches/{fish.id}/{investor.id}/mark/saved?next=/matches",
                           data={"at": at})
    assert response.status_code == 303 and response.location.endswith(f"/matches#{at}")
    # the card in that place shows the new answer
    html = client.get("/matches").get_data(as_text=True)
    card = html.split(f'id="{at}"')[1].split("</li>")[0]
    assert ">Saved</span>" in card and f"/matches/{fish.id}/{investor.id}/clear" in card
    response = client.post(f"/matches/{fish.id}/{investor.id}/clear?next=/matches",
                           data={"at": at})
    assert response.location.endswith(f"/matches#{at}")


def test_founders_answer_comes_back_to_the_card_and_not_for_me_to_its_place(
        client, auth, market):
    founder, solar, sea = market["solar_founder"], market["solar"], market["sea_investor"]
    url = f"/pitches/{solar.id}/matches"
    auth.login(founder.email)
    html = client.get(url).get_data(as_text=True)
    at = _place_of(html, solar.id, sea.id)
    response = client.post(f"/matches/{solar.id}/{sea.id}/mark/not_for_me?next={url}",
                           data={"at": at})
    assert response.location.endswith(f"{url}#{at}")


def test_a_pair_in_both_sections_has_unique_ids(client, auth, market):
    founder, solar, investor = market["solar_founder"], market["solar"], market["solar_investor"]
    interest.mark(investor.user, solar.id, investor.id, "interested")
    auth.login(founder.email)
    html = client.get(f"/pitches/{solar.id}/matches").get_data(as_text=True)
    assert html.count(f"/matches/{solar.id}/{investor.id}/mark/not_for_me") == 2
    assert 'id="i-1"' in html and 'id="r-1"' in html
    assert [i for i, n in _ids(html).items() if n > 1] == []


def test_a_forged_place_is_not_put_in_the_address(client, auth, market):
    investor, fish = market["solar_investor"], market["fish"]
    auth.login(investor.user.email)
    for at in ("x", "r-1#evil", "r-1/../", "https://e.com"):
        response = client.post(f"/matches/{fish.id}/{investor.id}/mark/saved?next=/matches",
                               data={"at": at})
        assert response.location.endswith("/matches"), at
