"""The investor's pitches marked interested (/matches/interested): a list to find them again.
Marking a saved pitch "Interested" on the saved list takes it off that list (one answer per
pair), and the page then read "You have not saved any pitches." with nothing to say where
the pitch had gone: there was no list of the pitches an investor is interested in, only the
ranked recommendations, where a pitch may sit pages down or be filtered out."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Interest
from app.services import interest
from tests.app.test_i18n import _client_in, _untranslated
from tests.factories import make_user


def _mark(client, pitch, profile, kind: str, next_url: str, at: str | None = None):
    data = {"at": at} if at else {}
    return client.post(f"/matches/{pitch.id}/{profile.id}/mark/{kind}?next={next_url}",
                       data=data)


def _titles(html: str, candidates) -> list[str]:
    found = [(html.find(f">{t}</a>"), t) for t in candidates]
    return [t for position, t in sorted(found) if position != -1]


@pytest.fixture
def investor(client, auth, market):
    """The solar investor, logged in, has saved the fish and the health pitch."""
    profile = market["solar_investor"]
    auth.login(profile.user.email)
    for key in ("fish", "health"):
        assert _mark(client, market[key], profile, "saved", "/matches").status_code == 303
    return profile


def test_interest_from_the_saved_list_says_where_the_pitch_went(client, market, investor):
    fish = market["fish"]
    response = _mark(client, fish, investor, "interested", "/matches/saved", at="s-2")
    assert response.status_code == 303
    html = client.get(response.location).get_data(as_text=True)
    assert ("You marked this as interesting. It has left your saved pitches: you find it "
            "under “Pitches you are interested in”.") in html
    assert _titles(html, [fish.title, market["health"].title]) == [market["health"].title]
    listed = client.get("/matches/interested")
    assert listed.status_code == 200
    page = listed.get_data(as_text=True)
    assert _titles(page, [fish.title, market["health"].title]) == [fish.title]
    assert "1 pitch you are interested in" in page
    # the card with its answers: interested, and Undo to take it back
    assert f"/matches/{fish.id}/{investor.id}/clear" in page


def test_interested_pitches_last_marked_first_waiting_and_mutual(client, market, investor):
    fish, health, solar = market["fish"], market["health"], market["solar"]
    for pitch in (fish, solar, health):
        _mark(client, pitch, investor, "interested", "/matches")
    interest.mark(solar.owner, solar.id, investor.id, "interested")  # mutual
    db.session.commit()
    html = client.get("/matches/interested").get_data(as_text=True)
    assert _titles(html, [fish.title, health.title, solar.title]) == [
        health.title, solar.title, fish.title]
    assert "3 pitches you are interested in" in html
    card = html.split(f">{solar.title}</a>")[1].split("</li>")[0]
    assert "Mutual interest." in card and solar.owner.email in card
    assert "Mutual interest." not in html.split(f">{fish.title}</a>")[1].split("</li>")[0]


def test_undo_on_the_interested_list_takes_the_pitch_off(client, market, investor):
    fish = market["fish"]
    _mark(client, fish, investor, "interested", "/matches")
    response = client.post(f"/matches/{fish.id}/{investor.id}/clear?next=/matches/interested",
                           data={"at": "n-1"})
    assert response.status_code == 303
    assert response.location.endswith("/matches/interested#n-1")
    html = client.get("/matches/interested").get_data(as_text=True)
    assert fish.title not in html
    assert "You have not marked any pitch as interesting." in html


def test_the_recommendations_page_links_to_the_interested_list(client, investor):
    assert 'href="/matches/interested"' in client.get("/matches").get_data(as_text=True)


def test_interest_elsewhere_keeps_the_short_message(client, market, investor):
    response = _mark(client, market["solar"], investor, "interested", "/matches", at="r-1")
    html = client.get(response.location).get_data(as_text=True)
    assert "You marked this as interesting." in html
    assert "It has left your saved pitches" not in html


def test_pitches_turned_down_or_hidden_are_left_out(client, market, investor):
    fish, health, solar = market["fish"], market["health"], market["solar"]
    for pitch in (fish, health, solar):
        _mark(client, pitch, investor, "interested", "/matches")
    fish.hidden = True
    db.session.add(Interest(user_id=health.owner_id, pitch_id=health.id,
                            investor_profile_id=investor.id, side="founder",
                            kind="not_for_me"))
    db.session.commit()
    response = client.get("/matches/interested")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert fish.title not in html and health.title not in html
    assert _titles(html, [solar.title]) == [solar.title]


def test_the_list_is_the_investors_own_and_for_investors_only(client, auth, market, investor):
    _mark(client, market["fish"], investor, "interested", "/matches")
    auth.logout()
    auth.login(market["sea_investor"].user.email)
    assert market["fish"].title not in client.get("/matches/interested").get_data(as_text=True)
    auth.logout()
    assert client.get("/matches/interested").status_code == 302  # to the login page
    for role in ("founder", "staff"):
        auth.login(make_user(role).email)
        assert client.get("/matches/interested").status_code == 403
        auth.logout()


def test_investor_without_a_profile_is_asked_to_write_one(client, auth):
    auth.login(make_user("investor").email)
    response = client.get("/matches/interested")
    assert response.status_code == 200
    assert "Fill in your investor profile to get recommendations." in response.get_data(
        as_text=True)


def test_interested_list_and_message_in_bokmal(app, market):
    profile = market["solar_investor"]
    fish = market["fish"]
    db.session.add(Interest(user_id=profile.user_id, pitch_id=fish.id,
                            investor_profile_id=profile.id, side="investor", kind="saved"))
    db.session.commit()
    client = _client_in(app, "nb", profile.user)
    response = _mark(client, fish, profile, "interested", "/matches/saved", at="s-1")
    html = client.get(response.location).get_data(as_text=True)
    assert ("Du markerte dette som interessant. Den er ikke lenger blant de lagrede pitchene "
            "dine: du finner den under «Pitcher du er interessert i».") in html
    page = client.get("/matches/interested").get_data(as_text=True)
    assert "<h1>Pitcher du er interessert i</h1>" in page
    assert "1 pitch du er interessert i" in page
    assert _untranslated(app, "/matches/interested", profile.user, data={fish.title}) == []
