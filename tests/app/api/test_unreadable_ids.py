"""An id in an API URL that no id column can hold (past 2**31 - 1) or that is not written in
ASCII digits is a 404 for every method the resource answers, as a URL that names nothing is.

A PUT or POST with such an id answered 405 "method not allowed" (werkzeug picked the rule by
method before the converter refused the value, and reported the GET rule's methods), and
"/api/v1/pitches/١" (an Arabic-Indic one) read the pitch with id 1."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from app.database import MAX_ID
from app.extensions import db
from app.models import Pitch
from tests.app.api.helpers import bearer
from tests.app.security.principals import log_in
from tests.factories import make_pitch, make_user

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# an id as written in the URL, from the id of a pitch that exists
UNREADABLE = {
    "past the id column": lambda _id: str(MAX_ID + 1),
    "23 digits": lambda _id: "9" * 23,
    "400 digits": lambda _id: "9" * 400,
    "Arabic-Indic digits": lambda id_: str(id_).translate(ARABIC_INDIC),  # int() reads them
    "full-width digits": lambda id_: str(id_).translate(FULL_WIDTH),
}


def _resources(app) -> dict[str, set[str]]:
    """{API path with ids: the methods it answers}, from the URL map."""
    methods: dict[str, set[str]] = defaultdict(set)
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") and "<int:" in rule.rule:
            methods[rule.rule] |= set(rule.methods) - {"HEAD", "OPTIONS"}
    return methods


@pytest.mark.parametrize("written", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_id_is_not_found_for_every_method(app, client, written):
    founder = make_user("founder")
    headers = bearer(founder)
    created = client.post("/api/v1/pitches", headers=headers, json={
        "title": "Solceller på låvetaket", "summary": "Solkraft for gårdsbruk.",
        "stage": "seed", "sectors": ["energy"]})
    assert created.status_code == 201
    unreadable = written(created.get_json()["id"])
    resources = _resources(app)
    assert {"GET", "PUT"} <= resources["/api/v1/pitches/<int:pitch_id>"]
    nowhere = client.get("/api/v1/nothing/here", headers=headers).get_json()
    failures = []

    for path, methods in resources.items():
        url = re.sub(r"<int:\w+>", unreadable, path)
        for method in sorted(methods):
            response = client.open(url, method=method, headers=headers,
                                   json={} if method != "GET" else None)
            body = response.get_json(silent=True) or {}
            error = body.get("error", {})
            if (response.status_code, error.get("code"), error.get("message")) != (
                    404, "not_found", nowhere["error"]["message"]):
                failures.append(f"{method} {path} → {response.status_code} "
                                f"{error.get('code') or list(body)[:3]}")

    assert failures == []
    assert db.session.scalar(db.select(Pitch.title)) == "Solceller på låvetaket"


def test_the_pages_read_an_id_in_other_digits_as_no_id_too(app):
    # the pages share the URL converter: "/pitches/١" showed pitch 1 to staff
    staff = make_user("staff", association="asker")
    pitch = make_pitch(title="Solceller på låvetaket")
    client = app.test_client()
    log_in(client, staff)

    assert client.get(f"/pitches/{pitch.id}").status_code == 200
    for written in (str(pitch.id).translate(ARABIC_INDIC), str(pitch.id).translate(FULL_WIDTH)):
        response = client.get(f"/pitches/{written}")
        assert response.status_code == 404, written
        assert "Solceller" not in response.get_data(as_text=True)
