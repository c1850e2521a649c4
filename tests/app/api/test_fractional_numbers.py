"""A whole-number field of a JSON body refuses a number with a fraction (422 naming the field)
and saves nothing. marshmallow's Integer cut it off: `"ask_nok": 2500000.75` saved
2,500,000, `"version": 1.4` passed as version 1 and `"pitch_id": 1.9` marked pitch 1.
A fraction-free 2.0 is still 2: JSON does not tell the two apart."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Interest, Pitch
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

PITCH = {"title": "Solkraft", "summary": "Solceller på låvetak", "stage": "seed",
         "description": "Solceller og batteri for gårdsbruk.", "sectors": ["energy"]}


@pytest.mark.parametrize("field, value", [("ask_nok", 2500000.75), ("team_size", 3.9),
                                          ("founded_year", 2020.5)])
def test_a_pitch_number_with_a_fraction_is_refused(client, field, value):
    founder = make_user("founder")
    response = client.post("/api/v1/pitches", headers=bearer(founder),
                           json={**PITCH, field: value})
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json()["error"]["fields"] == {field: ["Not a valid integer."]}
    assert db.session.query(Pitch).count() == 0


def test_a_version_with_a_fraction_is_refused_and_nothing_is_saved(client):
    pitch = make_pitch(ask_nok=3_000_000)
    response = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(pitch.owner),
                          json={**PITCH, "ask_nok": 4_000_000, "version": 1.4})
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json()["error"]["fields"] == {"version": ["Not a valid integer."]}
    db.session.expire_all()
    assert pitch.ask_nok == 3_000_000 and pitch.version == 1


def test_a_whole_number_written_with_a_point_is_still_read(client):
    pitch = make_pitch(ask_nok=3_000_000)
    response = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(pitch.owner),
                          json={**PITCH, "ask_nok": 4_000_000.0, "version": 1.0})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["ask_nok"] == 4_000_000


@pytest.mark.parametrize("field", ["ticket_min", "ticket_max"])
def test_a_ticket_with_a_fraction_is_refused(client, field):
    investor = make_user("investor")
    response = client.put("/api/v1/profile", headers=bearer(investor),
                          json={"organisation": "Fjordkapital", "investor_type": "angel",
                                "ticket_min": 500_000, "ticket_max": 5_000_000,
                                field: 1_000_000.5})
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json()["error"]["fields"] == {field: ["Not a valid integer."]}
    assert client.get("/api/v1/profile", headers=bearer(investor)).status_code == 404


def test_an_interest_in_pitch_one_and_a_half_marks_nothing(client):
    pitch = make_pitch()
    profile = make_investor()
    response = client.put("/api/v1/interests", headers=bearer(profile.user),
                          json={"pitch_id": pitch.id + 0.9, "kind": "interested"})
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json()["error"]["fields"] == {"pitch_id": ["Not a valid integer."]}
    assert db.session.query(Interest).count() == 0
