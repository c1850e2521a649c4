"""One rule for every boolean field of a JSON body: JSON true or false, as the OpenAPI
description's "boolean" says. `stages_only` read "true", "yes", "1", 1 and 0 (marshmallow's
Boolean takes them); now each is refused (422 naming the field) and nothing is saved. Query
parameters are text and stay read from it (`?mine=true`)."""

from __future__ import annotations

import json

import pytest

from app.extensions import db
from app.models import InvestorProfile
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user

PROFILE = {"organisation": "Fjordkapital", "investor_type": "angel", "stages": ["seed"],
           "ticket_min": 500_000, "ticket_max": 5_000_000}
NOT_TRUE_OR_FALSE = ["true", "yes", "1", "false", "no", "0", "on", 1, 0]


def _refused(response, field: str) -> None:
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json()["error"]["fields"] == {field: ["Not a valid boolean."]}


def test_the_description_calls_stages_only_a_boolean(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    assert schemas["ProfileIn"]["properties"]["stages_only"]["type"] == "boolean"


@pytest.mark.parametrize("value", NOT_TRUE_OR_FALSE, ids=json.dumps)
def test_a_new_profile_with_stages_only_not_true_or_false_is_refused(client, value):
    response = client.put("/api/v1/profile", headers=bearer(make_user("investor")),
                          json={**PROFILE, "stages_only": value})
    _refused(response, "stages_only")
    assert db.session.query(InvestorProfile).count() == 0


@pytest.mark.parametrize("value", ["true", 1], ids=json.dumps)
def test_an_update_with_stages_only_not_true_or_false_changes_nothing(client, value):
    profile = make_investor(stages_only=False)
    version = profile.version
    response = client.put("/api/v1/profile", headers=bearer(profile.user),
                          json={**PROFILE, "organisation": "Nytt navn",
                                "stages_only": value, "version": version})
    _refused(response, "stages_only")
    db.session.expire_all()
    assert profile.stages_only is False and profile.version == version
    assert profile.organisation != "Nytt navn"


@pytest.mark.parametrize("value", [True, False])
def test_stages_only_takes_true_and_false(client, value):
    response = client.put("/api/v1/profile", headers=bearer(make_user("investor")),
                          json={**PROFILE, "stages_only": value})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["stages_only"] is value


def test_a_boolean_query_parameter_is_still_read_from_text(client):
    pitch = make_pitch(status="draft")
    response = client.get("/api/v1/pitches?mine=true", headers=bearer(pitch.owner))
    assert response.status_code == 200, response.get_data(as_text=True)
    assert [item["id"] for item in response.get_json()["items"]] == [pitch.id]
