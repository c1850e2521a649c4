"""The API's contact of a mutual match says when the other person left Koble (deleted their
account, or an admin deactivated it): `left` is true, and e-mail and phone are null. Before,
the contact had no way to tell a caller why the details were missing."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.services import account_access, erasure, interest
from tests.app.api.helpers import bearer
from tests.factories import make_investor, make_pitch, make_user


@pytest.mark.parametrize("leave", ["delete", "deactivate"])
def test_the_api_contact_says_the_other_person_left(app, leave):
    founder = make_user("founder", name="Åse Berg")
    pitch = make_pitch(founder)
    investor = make_user("investor")
    profile = make_investor(investor)
    staying = make_pitch(make_user("founder"))
    for p in (pitch, staying):
        interest.mark(p.owner, p.id, profile.id, "interested")
        interest.mark(investor, p.id, profile.id, "interested")
    db.session.commit()
    client = app.test_client()
    headers = bearer(investor)
    before = {m["pitch_id"]: m["contact"] for m in
              client.get("/api/v1/matches", headers=headers).get_json()["items"]}
    assert before[pitch.id]["left"] is False and before[pitch.id]["email"]
    if leave == "delete":
        erasure.anonymise(founder)
        db.session.commit()
    else:
        account_access.set_active(founder, False)
    after = {m["pitch_id"]: m["contact"] for m in
             client.get("/api/v1/matches", headers=headers).get_json()["items"]}
    assert after[pitch.id]["left"] is True
    assert after[pitch.id]["email"] is None and after[pitch.id]["phone"] is None
    assert after[staying.id]["left"] is False


def test_the_api_documents_the_left_field(app):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    contact = spec["components"]["schemas"]["ContactOut"]
    assert "left" in contact["required"]
    assert "no longer on Koble" in contact["properties"]["left"]["description"]
