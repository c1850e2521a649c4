"""card_landing.js, which moves an answered match card clear of the message, is loaded by
the pages with match cards only: it was in base.html, so every page of Koble (staff's,
admins', the login page) fetched and ran a script with nothing to act on."""

from __future__ import annotations

import pytest

SCRIPT = '<script src="/static/card_landing.js?v='  # then the file's version


def _pages(client, paths) -> dict[str, bool]:
    out = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        out[path] = SCRIPT in response.get_data(as_text=True)
    return out


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_investor_gets_it_on_the_recommended_and_saved_lists_only(client, auth, market,
                                                                     lang):
    auth.login(market["solar_investor"].user.email)
    client.post("/language", data={"lang": lang})
    assert _pages(client, ["/matches", "/matches/saved", "/matches/mutual", "/notifications",
                           "/pitches", "/"]) == {
        "/matches": True, "/matches/saved": True, "/matches/mutual": False,
        "/notifications": False, "/pitches": False, "/": False}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_founder_gets_it_on_a_pitchs_investors_and_the_saved_list_only(client, auth,
                                                                        market, lang):
    solar = market["solar"]
    auth.login(market["solar_founder"].email)
    client.post("/language", data={"lang": lang})
    mine = f"/pitches/{solar.id}/matches"
    assert _pages(client, [mine, "/matches/saved", f"/pitches/{solar.id}", "/pitches/mine",
                           "/account/"]) == {
        mine: True, "/matches/saved": True, f"/pitches/{solar.id}": False,
        "/pitches/mine": False, "/account/": False}


def test_nobody_logged_in_fetches_it(client):
    assert _pages(client, ["/auth/login", "/auth/register"]) == {
        "/auth/login": False, "/auth/register": False}
