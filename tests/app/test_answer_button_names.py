"""On the lists of matches every row's answer buttons were named alike ("Undo", "Interested",
"Save", "Not for me"): a screen reader's list of buttons could not tell one pitch's from the
next. Each now has an accessible name that begins with its visible word and says whose pair
it answers; a page about one pair keeps the plain word."""

from __future__ import annotations

import html as html_lib
import re


def _names(html: str, word: str) -> list[str]:
    """The accessible names of the buttons that show `word` in the page's rows (not the
    Undo in a "not for me" message, test_not_for_me_undo.py)."""
    html = re.sub(r"<div data-flash-words>.*?</div>", "", html, flags=re.S)
    names = []
    for attrs, text in re.findall(r"<button([^>]*)>([^<]*)</button>", html):
        if text.strip() != word:
            continue
        label = re.search(r'aria-label="([^"]*)"', attrs)
        names.append(html_lib.unescape(label.group(1)) if label else text.strip())
    return names


def test_investors_lists_name_each_button_by_its_pitch(client, auth, market):
    solar, fish, health = market["solar"], market["fish"], market["health"]
    investor = market["solar_investor"]
    auth.login(investor.user.email)
    client.post(f"/matches/{solar.id}/{investor.id}/mark/not_for_me")
    client.post(f"/matches/{fish.id}/{investor.id}/mark/not_for_me")
    hidden = client.get("/matches/hidden").get_data(as_text=True)
    assert sorted(_names(hidden, "Undo")) == sorted([f"Undo: {solar.title}",
                                                     f"Undo: {fish.title}"])
    client.post(f"/matches/{health.id}/{investor.id}/mark/saved")
    saved = client.get("/matches/saved").get_data(as_text=True)
    assert _names(saved, "Interested") == [f"Interested: {health.title}"]
    assert _names(saved, "Not for me") == [f"Not for me: {health.title}"]
    assert _names(saved, "Undo") == [f"Undo: {health.title}"]
    client.post(f"/matches/{fish.id}/{investor.id}/clear")
    client.post(f"/matches/{solar.id}/{investor.id}/clear")
    ranked = client.get("/matches").get_data(as_text=True)
    names = _names(ranked, "Save")
    assert names and all(name.startswith("Save: ") for name in names)
    assert len(set(names)) == len(names)
    # The pitch's own page answers one pair: the plain word is enough there.
    page = client.get(f"/pitches/{solar.id}").get_data(as_text=True)
    assert _names(page, "Interested") == ["Interested"]


def test_founders_lists_name_each_button_by_investor_and_pitch(client, auth, market):
    solar, sea, fund = market["solar"], market["sea_investor"], market["solar_investor"]
    auth.login(market["solar_founder"].email)
    client.post(f"/matches/{solar.id}/{sea.id}/mark/not_for_me")
    hidden = client.get("/matches/hidden").get_data(as_text=True)
    assert _names(hidden, "Undo") == [
        f"Undo: {sea.organisation}, for your pitch “{solar.title}”"]
    pitch_page = client.get(f"/pitches/{solar.id}/matches").get_data(as_text=True)
    assert f"Undo: {sea.organisation}" in _names(pitch_page, "Undo")
    names = _names(pitch_page, "Interested")
    assert f"Interested: {fund.organisation}" in names and len(set(names)) == len(names)
    client.post(f"/matches/{solar.id}/{fund.id}/mark/saved")
    saved = client.get("/matches/saved").get_data(as_text=True)
    assert _names(saved, "Interested") == [
        f"Interested: {fund.organisation}, for your pitch “{solar.title}”"]


def test_the_names_are_in_norwegian_too(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    auth.login(investor.user.email)
    client.post("/language", data={"lang": "nb"})
    client.post(f"/matches/{solar.id}/{investor.id}/mark/not_for_me")
    hidden = client.get("/matches/hidden").get_data(as_text=True)
    assert _names(hidden, "Angre") == [f"Angre: {solar.title}"]
