"""A recommendation's `their_mark` tells the other side's "interested" only, as the pages
do: that an investor saved a founder's pitch (or a founder saved an investor) is in their
own list and is not told to the other side. The raw kind was answered, so a founder read
"saved" on the investors who had bookmarked the pitch."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Interest
from tests.app.api.world import build


@pytest.fixture
def world(app):
    return build()


def _mark(user, pitch, profile, side, kind):
    db.session.add(Interest(user_id=user.id, pitch_id=pitch.id,
                            investor_profile_id=profile.id, side=side, kind=kind))
    db.session.commit()


def _their_marks(client, token, path, key):
    response = client.get(path, headers=token)
    assert response.status_code == 200
    return {item[key]["id"]: item["their_mark"] for item in response.get_json()["items"]}


def test_a_founder_does_not_learn_that_an_investor_saved_the_pitch(client, world):
    _mark(world.investor_b.user, world.a_pitch, world.investor_b, "investor", "saved")
    marks = _their_marks(client, world.tokens["founder_a"],
                         f"/api/v1/pitches/{world.a_pitch.id}/recommendations", "investor")
    assert marks == {world.investor_a.id: "interested", world.investor_b.id: None}


def test_an_investor_does_not_learn_that_a_founder_saved_them(client, world):
    _mark(world.founder_b, world.b_pitch, world.investor_a, "founder", "saved")
    marks = _their_marks(client, world.tokens["investor_a"], "/api/v1/recommendations",
                         "pitch")
    assert marks == {world.a_pitch.id: "interested", world.b_pitch.id: None}
    mine = _their_marks(client, world.tokens["founder_b"],
                        f"/api/v1/pitches/{world.b_pitch.id}/recommendations", "investor")
    assert mine == {world.investor_a.id: None, world.investor_b.id: None}
    response = client.get(f"/api/v1/pitches/{world.b_pitch.id}/recommendations",
                          headers=world.tokens["founder_b"])
    own = {i["investor"]["id"]: i["my_mark"] for i in response.get_json()["items"]}
    assert own[world.investor_a.id] == "saved"  # one's own answer is still told in full
