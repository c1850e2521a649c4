"""Two users' tokens: nothing of one is reachable by the other, on every operation of the
description (walked from /api/v1/openapi.json, so new operations are covered)."""

from __future__ import annotations

from app.extensions import db
from app.models import Interest, Pitch
from tests.app.api.world import build

# Strings that only A's private objects carry.
PRIVATE_MARKERS = ("A sitt utkast",)


def _operations(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    for path, item in spec["paths"].items():
        for method in ("get", "post", "put", "patch", "delete"):
            if method in item:
                yield method, path


def _body(method, path, world):
    if path.endswith("/interests"):
        return {"pitch_id": world.a_draft.id, "investor_id": world.investor_a.id,
                "kind": "interested"}
    if method in ("post", "put") and "publish" not in path:
        return {"title": "Kapret", "summary": "Kapret", "stage": "idea", "version": 1}
    return None


def test_founder_b_reaches_nothing_of_founder_a(client, app):
    world = build()
    b = world.tokens["founder_b"]
    # A's private objects: the draft pitch, and an arena only A (not B) is invited to.
    ids = {"pitch_id": world.a_draft.id, "arena_id": world.arena.id}
    leaks, tried = [], 0
    for method, path in _operations(client):
        url = path.replace("{pitch_id}", str(ids["pitch_id"])).replace(
            "{arena_id}", str(ids["arena_id"]))
        if method == "post" and url == "/api/v1/pitches":
            continue  # creating one's own pitch reaches nothing of A's
        body = _body(method, path, world)
        kwargs = {"json": body} if body is not None else {}
        response = getattr(client, method)(url, headers=b, **kwargs)
        tried += 1
        text = response.get_data(as_text=True)
        if "{" in path and response.status_code not in (403, 404):
            leaks.append(f"{method.upper()} {url} → {response.status_code}")
        if any(marker in text for marker in PRIVATE_MARKERS):
            leaks.append(f"{method.upper()} {url} shows A's draft")
        if world.investor_a.contact_email in text or world.founder_a.email in text:
            leaks.append(f"{method.upper()} {url} shows contact details")
    db.session.expire_all()
    draft = db.session.get(Pitch, world.a_draft.id)
    assert draft.status == "draft" and draft.title == "A sitt utkast"
    assert db.session.query(Interest).filter_by(pitch_id=world.a_draft.id).count() == 0
    print(f"\nisolation: {tried} operations tried with founder B's token on A's objects")
    assert not leaks, "\n".join(leaks)


def test_named_cases_for_founder_b(client):
    world = build()
    b = world.tokens["founder_b"]
    assert client.get(f"/api/v1/pitches/{world.a_draft.id}", headers=b).status_code == 404
    assert client.put(f"/api/v1/pitches/{world.a_pitch.id}", headers=b, json={
        "title": "Kapret", "summary": "x", "stage": "idea", "version": 1}).status_code == 404
    assert client.get(f"/api/v1/pitches/{world.a_pitch.id}/recommendations",
                      headers=b).status_code == 404
    assert client.post(f"/api/v1/pitches/{world.a_pitch.id}/unpublish",
                       headers=b).status_code == 404
    a = world.tokens["founder_a"]
    assert client.get(f"/api/v1/pitches/{world.b_pitch.id}/recommendations",
                      headers=a).status_code == 404


def test_investors_see_only_their_own_marks_and_matches(client):
    world = build()
    a, b = world.tokens["investor_a"], world.tokens["investor_b"]
    assert client.get("/api/v1/interests", headers=a).get_json()["items"]
    assert client.get("/api/v1/interests", headers=b).get_json()["items"] == []
    assert client.get("/api/v1/matches", headers=b).get_json()["items"] == []
    # B cannot mark for A's profile: a field investors may not set (422 for any id but
    # their own, so it tells nothing about which profiles exist).
    response = client.put("/api/v1/interests", headers=b, json={
        "pitch_id": world.a_pitch.id, "investor_id": world.investor_a.id, "kind": "not_for_me"})
    assert response.status_code == 422 and "investor_id" in response.get_json()["error"]["fields"]
    kinds = {i.kind for i in db.session.query(Interest).filter_by(
        investor_profile_id=world.investor_a.id, side="investor")}
    assert kinds == {"interested"}
    assert client.get(f"/api/v1/arenas/{world.arena.id}/agenda", headers=b).status_code == 404
