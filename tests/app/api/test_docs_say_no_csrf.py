"""The API's description tells an integrator what a web developer would ask first: where
the token is made (the account page's API tokens, /account/tokens), that no CSRF token is
needed (the API reads no cookies), and which `code` a 403 has: `insufficient_scope` for a
write with a read-only token, which the description's "one code per status" left out. And
the server does as it says."""

from __future__ import annotations

from app.extensions import db
from tests.app.api.helpers import bearer
from tests.factories import make_user


def test_the_description_says_where_tokens_come_from_and_that_csrf_is_not_needed(client):
    intro = client.get("/api/v1/openapi.json").get_json()["info"]["description"]
    assert "`/account/tokens`" in intro
    assert "no CSRF token is needed" in intro
    assert "`insufficient_scope` for a write with a read-only token" in intro
    assert '"request_id"' in intro
    page = client.get("/api/v1/docs?lang=nb").get_data(as_text=True)
    assert "det trengs ingen CSRF-token" in page


def test_a_write_needs_no_csrf_token_and_a_read_token_gets_insufficient_scope(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    founder = make_user("founder")
    db.session.commit()
    body = {"title": "Solkraft", "summary": "Solceller på låvetak", "stage": "seed"}
    created = client.post("/api/v1/pitches", headers=bearer(founder), json=body)
    assert created.status_code == 201
    refused = client.post("/api/v1/pitches", headers=bearer(founder, "read"), json=body)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "insufficient_scope"
