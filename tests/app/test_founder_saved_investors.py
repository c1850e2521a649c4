"""A founder finds the investors they saved or marked "not for me" again: /matches/saved and
/matches/hidden list them across the founder's pitches, naming the pitch, with the answers
and Undo, linked from the founder's match pages."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Interest
from app.services import interest
from tests.app.test_i18n import _untranslated
from tests.factories import make_investor, make_pitch


def _founder_mark(pitch, profile) -> str | None:
    db.session.expire_all()
    return db.session.scalar(select(Interest.kind).where(
        Interest.side == "founder", Interest.pitch_id == pitch.id,
        Interest.investor_profile_id == profile.id))


@pytest.fixture
def founder(client, auth, market):
    """The solar founder, logged in, with a second published pitch."""
    user = market["solar_founder"]
    market["boats"] = make_pitch(user, title="Batterier for båthavner")
    auth.login(user.email)
    return user


def _card(html: str, organisation: str) -> str:
    return html.split(f">{organisation}</a>")[1].split("</li>")[0]


def test_saved_investors_are_listed_with_their_pitch_and_answers(client, market, founder):
    solar, boats = market["solar"], market["boats"]
    sea, fund = market["sea_investor"], market["solar_investor"]
    for pitch, profile in ((solar, sea), (boats, fund)):
        response = client.post(f"/matches/{pitch.id}/{profile.id}/mark/saved")
        assert response.status_code == 303
    response = client.get("/matches/saved")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Saved investors" in html and "2 saved investors" in html
    assert f'href="/investors/{sea.id}"' in html and f'href="/investors/{fund.id}"' in html
    assert "For your pitch “Solcelletak for landbruket”" in _card(html, sea.organisation)
    assert "For your pitch “Batterier for båthavner”" in _card(html, fund.organisation)
    card = _card(html, sea.organisation)
    assert ">Saved</span>" in card
    assert f"/matches/{solar.id}/{sea.id}/mark/interested?next=/matches/saved" in card
    assert f"/matches/{solar.id}/{sea.id}/clear?next=/matches/saved" in card
    # Undo un-saves and comes back to the list, now without the investor
    response = client.post(f"/matches/{solar.id}/{sea.id}/clear?next=/matches/saved")
    assert response.status_code == 303 and response.location.endswith("/matches/saved")
    assert _founder_mark(solar, sea) is None
    html = client.get("/matches/saved").get_data(as_text=True)
    assert sea.organisation not in html and fund.organisation in html
    # an answer of interest takes the investor off the list of saved ones
    client.post(f"/matches/{boats.id}/{fund.id}/mark/interested?next=/matches/saved")
    html = client.get("/matches/saved").get_data(as_text=True)
    assert fund.organisation not in html and "You have not saved any investors." in html


def test_investors_marked_not_for_me_are_listed_across_pitches_and_can_be_undone(
        client, market, founder):
    solar, boats, sea = market["solar"], market["boats"], market["sea_investor"]
    client.post(f"/matches/{boats.id}/{sea.id}/mark/not_for_me")
    html = client.get("/matches/hidden").get_data(as_text=True)
    assert "Investors you marked not for me" in html
    row = html.split(f">{sea.organisation}</a>")[1].split("</li>")[0]
    assert "For your pitch “Batterier for båthavner”" in row
    undo = re.search(rf'action="(/matches/{boats.id}/{sea.id}/clear[^"]*)"', row)
    assert undo is not None
    response = client.post(undo.group(1).replace("&amp;", "&"))
    assert response.status_code == 303 and response.location.endswith("/matches/hidden")
    assert _founder_mark(boats, sea) is None
    assert sea.organisation not in client.get("/matches/hidden").get_data(as_text=True)
    assert _founder_mark(solar, sea) is None


def test_pairs_of_inactive_or_refusing_investors_are_not_listed(client, market, founder):
    """A pair on a pitch staff hid stays, with Undo only: the founder takes back their own
    answers whatever the pitch's state (test_founder_answers_on_withdrawn_pitch)."""
    solar, boats = market["solar"], market["boats"]
    sea, fund = market["sea_investor"], market["solar_investor"]
    gone = make_investor(organisation="Nedlagt Kapital")
    for profile in (sea, fund, gone):
        interest.mark(founder, solar.id, profile.id, "saved")
    interest.mark(founder, boats.id, sea.id, "saved")
    interest.mark(fund.user, solar.id, fund.id, "not_for_me")  # turned down: off both lists
    gone.active, boats.hidden = False, True
    db.session.commit()
    html = client.get("/matches/saved").get_data(as_text=True)
    assert "2 saved investors" in html and sea.organisation in html
    assert fund.organisation not in html and gone.organisation not in html
    hidden = html.split("For your pitch “Batterier for båthavner”")[1].split("</li>")[0]
    assert "Hidden by the organisers." in hidden and "/mark/interested" not in hidden
    assert f"/matches/{boats.id}/{sea.id}/clear" in hidden


def test_founders_see_only_their_own_marks(client, auth, market, founder):
    other = make_pitch(title="Noen andres pitch")
    interest.mark(other.owner, other.id, market["sea_investor"].id, "saved")
    interest.mark(other.owner, other.id, market["health_investor"].id, "not_for_me")
    for url in ("/matches/saved", "/matches/hidden"):
        html = client.get(url).get_data(as_text=True)
        assert "Noen andres pitch" not in html


def test_the_founders_match_pages_link_to_both_lists(client, market, founder):
    for url in ("/matches/pitches", f"/pitches/{market['solar'].id}/matches"):
        html = client.get(url).get_data(as_text=True)
        assert 'href="/matches/saved"' in html and 'href="/matches/hidden"' in html
        assert 'href="/matches/mutual"' in html


def test_founders_lists_are_all_bokmal(app, market):
    founder, solar, sea = market["solar_founder"], market["solar"], market["sea_investor"]
    interest.mark(founder, solar.id, sea.id, "saved")
    interest.mark(founder, solar.id, market["health_investor"].id, "not_for_me")
    data = {solar.title, sea.organisation, market["health_investor"].organisation}
    for url in ("/matches/saved", "/matches/hidden"):
        assert _untranslated(app, url, founder, data=data) == []
