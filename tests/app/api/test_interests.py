"""PUT /api/v1/interests refuses as its description says: 404 "No such pitch or investor
for you" for a pair the caller cannot answer, 422 naming `investor_id` when an investor
names another profile (a field they may not set). DELETE clears the caller's own answer, as
the site's Undo does, with the same refusals."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Interest
from tests.app.api.helpers import bearer
from tests.app.api.world import build


@pytest.fixture
def world(app):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    return build()


def _marks():
    db.session.expire_all()
    return sorted((i.side, i.pitch_id, i.investor_profile_id, i.kind)
                  for i in db.session.query(Interest))


def test_a_pair_the_caller_cannot_answer_is_404_in_the_documented_words(client, world):
    before = _marks()
    for who, body in (
            ("investor_a", {"pitch_id": world.a_draft.id}),  # a draft
            ("investor_a", {"pitch_id": 999999}),  # unknown
            ("founder_b", {"pitch_id": world.a_pitch.id, "investor_id": world.investor_a.id}),
            ("founder_b", {"pitch_id": world.b_pitch.id, "investor_id": 999999})):
        response = client.put("/api/v1/interests", headers=world.tokens[who],
                              json=dict(body, kind="saved"))
        assert response.status_code == 404, (who, body)
        assert response.get_json()["error"]["message"] == "Ingen slik pitch eller investor for deg."
    spec = client.get("/api/v1/openapi.json").get_json()
    documented = spec["paths"]["/api/v1/interests"]["put"]["responses"]["404"]["description"]
    assert documented == "No such pitch or investor for you."
    assert _marks() == before


def test_an_investor_naming_another_profile_is_422_on_investor_id(client, world):
    before = _marks()
    response = client.put("/api/v1/interests", headers=world.tokens["investor_a"], json={
        "pitch_id": world.b_pitch.id, "investor_id": world.investor_b.id, "kind": "saved"})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["fields"] == {"investor_id": [
        "Investorer svarer for sin egen profil: utelat investor_id."]}
    assert _marks() == before
    own = client.put("/api/v1/interests", headers=world.tokens["investor_a"], json={
        "pitch_id": world.b_pitch.id, "investor_id": world.investor_a.id, "kind": "saved"})
    assert own.status_code == 200 and own.get_json()["investor_id"] == world.investor_a.id


def test_delete_clears_only_the_callers_own_mark_and_is_idempotent(client, world):
    # A's pitch and investor A: both sides said interested (a mutual match).
    pair = f"pitch_id={world.a_pitch.id}&investor_id={world.investor_a.id}"
    pitch, profile = world.a_pitch.id, world.investor_a.id
    cleared = client.delete(f"/api/v1/interests?{pair}", headers=world.tokens["founder_a"])
    assert cleared.status_code == 204 and cleared.data == b""
    assert "Content-Type" not in cleared.headers  # nothing to parse as JSON
    assert _marks() == [("investor", pitch, profile, "interested")]  # theirs untouched
    again = client.delete(f"/api/v1/interests?{pair}", headers=world.tokens["founder_a"])
    assert again.status_code == 204 and _marks() == [("investor", pitch, profile,
                                                      "interested")]
    # The investor leaves out investor_id, as on PUT.
    mine = client.delete(f"/api/v1/interests?pitch_id={pitch}",
                         headers=world.tokens["investor_a"])
    assert mine.status_code == 204 and _marks() == []
    listed = client.get("/api/v1/interests", headers=world.tokens["investor_a"]).get_json()
    assert listed["items"] == []


def test_delete_refuses_others_pairs_and_changes_nothing(client, world):
    before = _marks()
    pair = f"pitch_id={world.a_pitch.id}&investor_id={world.investor_a.id}"
    foreign = client.delete(f"/api/v1/interests?{pair}", headers=world.tokens["founder_b"])
    assert foreign.status_code == 404
    assert foreign.get_json()["error"]["message"] == "Ingen slik pitch eller investor for deg."
    other = client.delete(f"/api/v1/interests?{pair}", headers=world.tokens["investor_b"])
    assert other.status_code == 422 and "investor_id" in other.get_json()["error"]["fields"]
    no_investor = client.delete(f"/api/v1/interests?pitch_id={world.a_pitch.id}",
                                headers=world.tokens["founder_a"])
    assert no_investor.status_code == 422
    assert client.delete(f"/api/v1/interests?{pair}",
                         headers=world.tokens["staff"]).status_code == 403
    read_only = client.delete(f"/api/v1/interests?{pair}",
                              headers=bearer(world.founder_a, scope="read"))
    assert read_only.status_code == 403
    assert _marks() == before


def test_delete_is_in_the_description(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/interests"]["delete"]
    assert {"204", "404", "422"} <= set(operation["responses"])
    assert {p["name"] for p in operation["parameters"]} >= {"pitch_id", "investor_id"}


def test_a_founder_clears_interest_on_a_pitch_made_a_draft_again(client, world):
    """Unpublished after a mutual match, A's pitch keeps the founder's interest until they
    take it back: DELETE clears it (the old code answered 422, "Publish the pitch before you
    answer investors."). New interest waits until the pitch is published again."""
    from app.services import pitches

    pitches.unpublish(world.a_pitch)
    pitch, profile = world.a_pitch.id, world.investor_a.id
    pair = f"pitch_id={pitch}&investor_id={profile}"
    cleared = client.delete(f"/api/v1/interests?{pair}", headers=world.tokens["founder_a"])
    assert cleared.status_code == 204
    assert _marks() == [("investor", pitch, profile, "interested")]
    again = client.put("/api/v1/interests", headers=world.tokens["founder_a"],
                       json={"pitch_id": pitch, "investor_id": profile, "kind": "interested"})
    assert again.status_code == 422
    assert _marks() == [("investor", pitch, profile, "interested")]
    # "not for me" is the founder's own, whatever the pitch's state
    no = client.put("/api/v1/interests", headers=world.tokens["founder_a"],
                    json={"pitch_id": pitch, "investor_id": profile, "kind": "not_for_me"})
    assert no.status_code == 200 and no.get_json()["kind"] == "not_for_me"


def test_an_investor_clears_an_answer_on_a_withdrawn_pitch_but_cannot_probe_one(client,
                                                                                  world):
    from app.services import pitches

    pitches.unpublish(world.a_pitch)
    mine = client.delete(f"/api/v1/interests?pitch_id={world.a_pitch.id}",
                         headers=world.tokens["investor_a"])
    assert mine.status_code == 204
    assert _marks() == [("founder", world.a_pitch.id, world.investor_a.id, "interested")]
    # no answer of theirs on a draft: not found, as before
    probe = client.delete(f"/api/v1/interests?pitch_id={world.a_draft.id}",
                          headers=world.tokens["investor_a"])
    assert probe.status_code == 404
