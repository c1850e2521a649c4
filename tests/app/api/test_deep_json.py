"""A JSON body nested deeper than the parser can follow is refused as broken JSON is (400,
the API's error shape and message), not a 500, and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Pitch
from tests.app.api.helpers import bearer
from tests.factories import make_user

DEEP = "[" * 100_000 + "]" * 100_000  # 200 KB, well under the upload limit


@pytest.mark.parametrize("body", [DEEP, '{"title": ' + DEEP + "}"])
def test_deeply_nested_body_is_invalid_json(app, client, body):
    headers = bearer(make_user("founder"))
    response = client.post("/api/v1/pitches", data=body, content_type="application/json",
                           headers=headers)
    assert response.status_code == 400
    broken = client.post("/api/v1/pitches", data="[}", content_type="application/json",
                         headers=headers)
    assert broken.status_code == 400
    assert response.get_json()["error"]["message"] == broken.get_json()["error"]["message"]
    assert response.get_json()["error"]["code"] == "bad_request"
    assert db.session.scalar(select(func.count()).select_from(Pitch)) == 0
