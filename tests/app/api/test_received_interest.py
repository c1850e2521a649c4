"""GET /api/v1/interests/received: interest the other side has shown, however the pair
ranks, as the pages' "Interested in this pitch" and "Interested in you" list it. Through
the API a founder saw an investor's interest only as `their_mark` on the pitch's twenty
best investors, and an investor a founder's only on a recommended pitch: interest from
further down (or from a pair the engine never scored) could not be found to be answered,
though the README promises it reaches the other side however the pair ranks."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Interest
from tests.app.api.world import build
from tests.factories import make_investor, make_pitch, make_user


@pytest.fixture
def world(app):
    return build()


def _mark(user, pitch, profile, side, kind):
    db.session.add(Interest(user_id=user.id, pitch_id=pitch.id,
                            investor_profile_id=profile.id, side=side, kind=kind))
    db.session.commit()


def _received(client, token):
    response = client.get("/api/v1/interests/received", headers=token)
    assert response.status_code == 200
    return response.get_json()["items"]


def test_a_founder_finds_an_unscored_investors_interest_and_answers_it(client, world):
    # an investor the engine never scored with the pitch: not among its recommendations
    stranger = make_investor(make_user("investor"), organisation="Langt Nede Kapital")
    _mark(stranger.user, world.a_pitch, stranger, "investor", "interested")
    founder = world.tokens["founder_a"]
    ranked = client.get(f"/api/v1/pitches/{world.a_pitch.id}/recommendations",
                        headers=founder).get_json()["items"]
    assert stranger.id not in [i["investor"]["id"] for i in ranked]
    items = _received(client, founder)
    # unanswered first; A's mutual match with investor A after it
    assert [(i["pitch_id"], i["investor_id"], i["my_mark"], i["mutual"]) for i in items] == [
        (world.a_pitch.id, stranger.id, None, False),
        (world.a_pitch.id, world.investor_a.id, "interested", True)]
    first = items[0]
    assert first["investor"]["organisation"] == "Langt Nede Kapital"
    assert first["score"] is None and "contact_email" not in first["investor"]
    answered = client.put("/api/v1/interests", headers=founder, json={
        "pitch_id": world.a_pitch.id, "investor_id": stranger.id, "kind": "interested"})
    assert answered.status_code == 200 and answered.get_json()["mutual"] is True


def test_an_investor_finds_a_founders_interest_and_not_for_me_hides_it(client, world):
    _mark(world.founder_b, world.b_pitch, world.investor_b, "founder", "interested")
    investor = world.tokens["investor_b"]
    items = _received(client, investor)
    assert [(i["pitch_id"], i["my_mark"], i["pitch"]["title"]) for i in items] == [
        (world.b_pitch.id, None, "B sin pitch")]
    client.put("/api/v1/interests", headers=investor,
               json={"pitch_id": world.b_pitch.id, "kind": "not_for_me"})
    assert _received(client, investor) == []


def test_only_ones_own_and_only_what_the_other_side_may_see(client, world):
    # founder B's interest in investor A is investor A's, not investor B's or founder A's
    _mark(world.founder_b, world.b_pitch, world.investor_a, "founder", "interested")
    assert [i["pitch_id"] for i in _received(client, world.tokens["investor_b"])] == []
    assert [i["pitch_id"] for i in _received(client, world.tokens["founder_b"])] == []
    # a saved mark is no interest; a draft's founder is heard by nobody
    draft = make_pitch(world.founder_b, status="draft")
    _mark(world.founder_b, draft, world.investor_b, "founder", "interested")
    _mark(world.investor_b.user, world.b_pitch, world.investor_b, "investor", "saved")
    assert _received(client, world.tokens["investor_b"]) == []
    assert _received(client, world.tokens["founder_b"]) == []
    assert client.get("/api/v1/interests/received",
                      headers=world.tokens["staff"]).status_code == 403
