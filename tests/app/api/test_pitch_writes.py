"""A founder's pitch writes through /api/v1: what a publish refusal names, and what the
description promises about them."""

from __future__ import annotations

from app.extensions import db
from app.models import Pitch
from tests.app.api.helpers import bearer
from tests.factories import make_pitch, make_user


def test_a_publish_refusal_names_every_missing_field(app, client):
    founder = make_user("founder", locale="en")
    bare = make_pitch(founder, status="draft", description="", stage="", sectors=[])
    no_sector = make_pitch(founder, status="draft", sectors=[])
    headers = bearer(founder)
    refused = client.post(f"/api/v1/pitches/{bare.id}/publish", headers=headers)
    assert refused.status_code == 422
    error = refused.get_json()["error"]
    assert error["message"] == ("To publish the pitch, add a description, the stage, and at "
                                "least one sector.")
    assert set(error["fields"]) == {"description", "stage", "sectors"}
    one = client.post(f"/api/v1/pitches/{no_sector.id}/publish", headers=headers).get_json()
    assert set(one["error"]["fields"]) == {"sectors"}
    db.session.expire_all()
    assert {p.status for p in db.session.query(Pitch)} == {"draft"}


def test_editing_a_published_pitch_names_every_field_it_would_lose(client):
    founder = make_user("founder")
    pitch = make_pitch(founder)
    response = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(founder), json={
        "title": "Uten innhold", "summary": "Kort", "stage": "seed", "description": "",
        "sectors": [], "version": pitch.version})
    assert response.status_code == 422
    assert set(response.get_json()["error"]["fields"]) == {"description", "sectors"}


def test_a_new_pitch_answers_its_location(client):
    founder = make_user("founder")
    headers = bearer(founder)
    created = client.post("/api/v1/pitches", headers=headers, json={
        "title": "Ny", "summary": "Ny pitch", "stage": "idea"})
    assert created.status_code == 201
    location = created.headers["Location"]
    assert location.endswith(f"/api/v1/pitches/{created.get_json()['id']}")
    assert client.get(location, headers=headers).get_json() == created.get_json()


def test_the_description_lists_what_publishing_answers(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    paths = spec["paths"]
    publish = paths["/api/v1/pitches/{pitch_id}/publish"]["post"]["responses"]
    unpublish = paths["/api/v1/pitches/{pitch_id}/unpublish"]["post"]["responses"]
    assert {"200", "403", "404", "409", "422"} <= set(publish)
    assert {"200", "403", "404", "409"} <= set(unpublish)
    assert "Location" in paths["/api/v1/pitches"]["post"]["responses"]["201"]["headers"]


def test_a_bare_domain_is_the_pitchs_website_and_junk_is_still_refused(client):
    """`solkraft.no` was refused ("starting with http:// or https://") though it is what
    founders type; it is stored with https:// in front, as the web form does."""
    headers = bearer(make_user("founder"))
    created = client.post("/api/v1/pitches", headers=headers, json={
        "title": "Ny", "summary": "Ny pitch", "stage": "idea", "website": "solkraft.no"})
    assert created.status_code == 201
    assert created.get_json()["website"] == "https://solkraft.no"
    for junk in ("solkraft", "kari@solkraft.no", "javascript:alert(1)", "solkraft .no"):
        refused = client.post("/api/v1/pitches", headers=headers, json={
            "title": "Ny", "summary": "Ny pitch", "stage": "idea", "website": junk})
        assert refused.status_code == 422, junk
        assert set(refused.get_json()["error"]["fields"]) == {"website"}, junk
