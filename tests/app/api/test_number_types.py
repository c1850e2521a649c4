"""One rule for every whole-number field of a JSON body: a JSON number, as the OpenAPI
description's "integer" says. A string ("3000000") was read as the number in most fields
but refused in `past_investments` and the profile's `version`; now it is refused in every
one (422 naming the field) and nothing is saved. 2.0 is 2 everywhere, `past_investments`
and the profile's `version` included. Query parameters are text and stay read from it."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Interest, InvestorProfile, Pitch
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_investor, make_participant, make_pitch, make_user

PITCH = {"title": "Solkraft", "summary": "Solceller på låvetak", "stage": "seed",
         "description": "Solceller og batteri for gårdsbruk.", "sectors": ["energy"]}
PROFILE = {"organisation": "Fjordkapital", "investor_type": "angel",
           "ticket_min": 500_000, "ticket_max": 5_000_000}
NOT_AN_INTEGER = ["Not a valid integer."]


def _refused(response, field: str, message: list[str] = NOT_AN_INTEGER) -> None:
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json()["error"]["fields"] == {field: message}


def test_the_description_calls_these_fields_integers(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    for schema, field in [("PitchIn", "ask_nok"), ("PitchUpdate", "version"),
                          ("ProfileIn", "past_investments"), ("ProfileIn", "version"),
                          ("ProfileIn", "ticket_min"), ("InterestIn", "pitch_id"),
                          ("TimesIn", "meeting_cap")]:
        kind = schemas[schema]["properties"][field]["type"]
        assert "integer" in (kind if isinstance(kind, list) else [kind]), (schema, field)


@pytest.mark.parametrize("field, value", [("ask_nok", "3000000"), ("team_size", "4"),
                                          ("founded_year", "2020")])
def test_a_pitch_number_sent_as_a_string_is_refused(client, field, value):
    response = client.post("/api/v1/pitches", headers=bearer(make_user("founder")),
                           json={**PITCH, field: value})
    _refused(response, field)
    assert db.session.query(Pitch).count() == 0


def test_a_pitch_version_sent_as_a_string_is_refused(client):
    pitch = make_pitch(ask_nok=3_000_000)
    response = client.put(f"/api/v1/pitches/{pitch.id}", headers=bearer(pitch.owner),
                          json={**PITCH, "ask_nok": 4_000_000, "version": "1"})
    _refused(response, "version")
    db.session.expire_all()
    assert pitch.ask_nok == 3_000_000 and pitch.version == 1


@pytest.mark.parametrize("field, value", [("ticket_min", "500000"), ("ticket_max", "5000000"),
                                          ("past_investments", "3")])
def test_a_profile_number_sent_as_a_string_is_refused(client, field, value):
    investor = make_user("investor")
    response = client.put("/api/v1/profile", headers=bearer(investor),
                          json={**PROFILE, field: value})
    _refused(response, field)
    assert db.session.query(InvestorProfile).count() == 0


def test_a_profile_version_sent_as_a_string_is_refused(client):
    profile = make_investor()
    response = client.put("/api/v1/profile", headers=bearer(profile.user),
                          json={**PROFILE, "version": str(profile.version)})
    _refused(response, "version")


def test_a_profile_takes_whole_numbers_written_with_a_point(client):
    """past_investments and version refused 3.0 (marshmallow's strict Integer); as in every
    other number field, 3.0 is 3."""
    profile = make_investor()
    response = client.put("/api/v1/profile", headers=bearer(profile.user),
                          json={**PROFILE, "past_investments": 3.0,
                                "version": float(profile.version)})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["past_investments"] == 3


@pytest.mark.parametrize("field", ["pitch_id", "investor_id"])
def test_an_interest_id_sent_as_a_string_is_refused(client, field):
    pitch = make_pitch()
    profile = make_investor()
    sent = {"pitch_id": pitch.id, "investor_id": profile.id, "kind": "interested"}
    response = client.put("/api/v1/interests", headers=bearer(pitch.owner),
                          json={**sent, field: str(sent[field])})
    _refused(response, field)
    assert db.session.query(Interest).count() == 0


def test_a_meeting_cap_sent_as_a_string_is_refused_and_two_point_oh_is_two(client):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=1)
    me.user.locale = "en"
    db.session.commit()
    path = f"/api/v1/arenas/{arena.id}/times"
    sent = {"arrive": "09:15", "leave": "10:30"}
    response = client.put(path, headers=bearer(me.user), json={**sent, "meeting_cap": "2"})
    _refused(response, "meeting_cap", ["Enter a whole number."])
    response = client.put(path, headers=bearer(me.user), json={**sent, "meeting_cap": 2.0})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["meeting_cap"] == 2


def test_a_query_parameter_is_still_read_from_text(client):
    make_pitch(ask_nok=3_000_000)
    response = client.get("/api/v1/pitches?ask_min=1000000&per_page=5",
                          headers=bearer(make_user("investor")))
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["per_page"] == 5
