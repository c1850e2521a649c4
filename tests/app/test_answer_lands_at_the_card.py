"""An answer on a match card (Interested, Save, Not for me, Undo) comes back to the card in
its list, not to the top of a long page: each card has an id for its place, which its form
sends, and one for its pair, which stays with the card where an answer moves it; the
redirect carries the pair's, or the place's when the answer took the card off the list."""

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
    pair = f"r-{fish.id}-{investor.id}"
    assert response.status_code == 303 and response.location.endswith(f"/matches#{pair}")
    # the pair's card, at the same place, shows the new answer
    html = client.get("/matches").get_data(as_text=True)
    card = html.split(f'id="{at}"')[1].split("</li>")[0]
    assert f'id="{pair}"' in card
    assert ">Saved</span>" in card and f"/matches/{fish.id}/{investor.id}/clear" in card
    response = client.post(f"/matches/{fish.id}/{investor.id}/clear?next=/matches",
                           data={"at": at})
    assert response.location.endswith(f"/matches#{pair}")


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


def test_a_mutual_match_comes_back_to_the_answered_card_where_it_moved(client, auth, market):
    """Answered, a pair in "Interested in this pitch" becomes mutual and goes to the end of
    the section: the page came back to its old place (#i-1), the next investor's card, not
    to the card with the contact details just revealed."""
    founder, solar = market["solar_founder"], market["solar"]
    first, second = market["solar_investor"], market["sea_investor"]
    interest.mark(second.user, solar.id, second.id, "interested")
    interest.mark(first.user, solar.id, first.id, "interested")  # newest: first in the list
    url = f"/pitches/{solar.id}/matches"
    auth.login(founder.email)
    html = client.get(url).get_data(as_text=True)
    at = _place_of(html, solar.id, first.id)
    assert at == "i-1"
    response = client.post(f"/matches/{solar.id}/{first.id}/mark/interested?next={url}",
                           data={"at": at})
    pair = f"i-{solar.id}-{first.id}"
    assert response.location.endswith(f"{url}#{pair}")
    html = client.get(url).get_data(as_text=True)
    card = html.split(f'id="{pair}"')[1].split("</li>")[0]
    assert first.contact_email in card  # the contact details just revealed
    assert html.index('id="i-2"') < html.index(f'id="{pair}"')  # it moved down


def test_a_card_taken_off_the_saved_list_comes_back_to_its_place(client, auth, market):
    investor, fish = market["solar_investor"], market["fish"]
    interest.mark(investor.user, fish.id, investor.id, "saved")
    auth.login(investor.user.email)
    at = _place_of(client.get("/matches/saved").get_data(as_text=True), fish.id, investor.id)
    assert at.startswith("s-")
    response = client.post(f"/matches/{fish.id}/{investor.id}/mark/interested"
                           "?next=/matches/saved", data={"at": at})
    assert response.location.endswith(f"/matches/saved#{at}")


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
