"""The home page (where the logo leads) gives a signed-in founder a way on to their pitches:
it had only the anonymous visitor's "I am a founder / I am an investor" buttons, so on a
phone the founder's only way on was the folded menu."""

from __future__ import annotations

from tests.factories import make_user

MINE = '<a class="btn btn-koble btn-lg" href="/pitches/mine">'


def test_a_founder_finds_a_button_to_their_pitches(client, auth):
    founder = make_user("founder")
    auth.login(founder.email)
    client.post("/language", data={"lang": "nb"})
    page = client.get("/").get_data(as_text=True)
    assert f"{MINE}Mine pitcher</a>" in page


def test_visitors_and_investors_get_no_such_button(client, auth):
    assert MINE not in client.get("/").get_data(as_text=True)
    investor = make_user("investor")
    auth.login(investor.email)
    assert MINE not in client.get("/").get_data(as_text=True)
