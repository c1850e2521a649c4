"""Personal API tokens: shown once, hashed at rest, revocable, expiring, scoped; cookies
never authenticate the API; the limit counts per token."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest

from app.extensions import db
from app.models import ApiToken, AuditEvent
from app.models.user import utcnow
from app.services import accounts, api_tokens
from tests.factories import make_pitch, make_user

TOKEN_RE = re.compile(r"kbl_[0-9a-f]{10}_[A-Za-z0-9_-]{40,}")


def _create_on_page(client, name="CRM", scope="read", days="30"):
    return client.post("/account/tokens", data={"name": name, "scope": scope, "days": days})


def test_token_is_shown_once_and_stored_hashed(client, auth):
    user = make_user("investor")
    auth.login(user.email)
    page = _create_on_page(client)
    assert page.status_code == 201
    plain = TOKEN_RE.search(page.get_data(as_text=True)).group(0)
    row = db.session.query(ApiToken).one()
    assert row.token_hash == hashlib.sha256(plain.encode()).hexdigest()
    assert plain not in {row.token_hash, row.prefix, row.name}
    assert plain[4:14] == row.prefix
    listing = client.get("/account/tokens").get_data(as_text=True)
    assert plain not in listing and f"kbl_{row.prefix}_" in listing
    assert "no-store" in page.headers["Cache-Control"]
    events = [e.action for e in db.session.query(AuditEvent)]
    assert "api_token_created" in events and all(plain not in (e.detail or "")
                                                 for e in db.session.query(AuditEvent))
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})
    assert me.status_code == 200 and me.get_json()["email"] == user.email


def test_token_form_checks_fields(client, auth):
    auth.login(make_user("founder").email)
    page = _create_on_page(client, name="", scope="admin", days="400")
    assert page.status_code == 422
    assert db.session.query(ApiToken).count() == 0


def test_token_lifetime_of_zero_days_is_out_of_range_not_missing(client, auth):
    auth.login(make_user("founder").email)
    page = _create_on_page(client, days="0")
    assert page.status_code == 422
    error = page.get_data(as_text=True).split('id="days-error">', 1)[1].split("</div>", 1)[0]
    assert "Number must be between 1 and 365." in error
    assert "This field is required." not in error
    assert db.session.query(ApiToken).count() == 0


def test_revoked_token_gets_401_and_only_the_owner_revokes(client, auth):
    owner, other = make_user("founder"), make_user("founder")
    token = api_tokens.create(owner, "ci", "read", 30)
    header = {"Authorization": f"Bearer {token.plain}"}
    assert client.get("/api/v1/me", headers=header).status_code == 200
    auth.login(other.email)
    assert client.post(f"/account/tokens/{token.token.id}/revoke").status_code == 404
    auth.logout()
    auth.login(owner.email)
    assert client.post(f"/account/tokens/{token.token.id}/revoke").status_code == 303
    response = client.get("/api/v1/me", headers=header)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_expired_token_gets_401(client):
    user = make_user("founder")
    token = api_tokens.create(user, "old", "read", 1)
    token.token.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert client.get("/api/v1/me", headers={
        "Authorization": f"Bearer {token.plain}"}).status_code == 401


def test_deactivated_users_tokens_stop_working(client):
    user = make_user("founder")
    token = api_tokens.create(user, "x", "read-write", 30)
    accounts.set_active(user, False)
    assert client.get("/api/v1/me", headers={
        "Authorization": f"Bearer {token.plain}"}).status_code == 401


@pytest.mark.parametrize("header", [
    "", "Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer kbl_0123456789_" + "x" * 43,
    "Bearer not-a-token", "Token kbl_0123456789_" + "x" * 43,
])
def test_malformed_or_unknown_tokens_get_401(client, header):
    make_user("founder")
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert set(response.get_json()["error"]) >= {"code", "message", "fields"}


def test_tampered_secret_with_real_prefix_gets_401(client):
    token = api_tokens.create(make_user("founder"), "x", "read", 30)
    forged = token.plain[:-4] + ("AAAA" if not token.plain.endswith("AAAA") else "BBBB")
    assert client.get("/api/v1/me", headers={
        "Authorization": f"Bearer {forged}"}).status_code == 401


def test_read_token_cannot_write(client):
    founder = make_user("founder")
    read = api_tokens.create(founder, "r", "read", 30)
    body = {"title": "Ny idé", "summary": "Kort", "stage": "idea"}
    response = client.post("/api/v1/pitches", json=body,
                           headers={"Authorization": f"Bearer {read.plain}"})
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "insufficient_scope"
    write = api_tokens.create(founder, "w", "read-write", 30)
    assert client.post("/api/v1/pitches", json=body, headers={
        "Authorization": f"Bearer {write.plain}"}).status_code == 201


def test_logged_in_cookie_alone_gets_401_on_the_api(client, auth):
    founder = make_user("founder")
    pitch = make_pitch(founder)
    auth.login(founder.email)
    assert client.get("/pitches/mine").status_code == 200  # the cookie works on pages
    for method, path in (("get", "/api/v1/me"), ("get", f"/api/v1/pitches/{pitch.id}"),
                         ("post", f"/api/v1/pitches/{pitch.id}/unpublish")):
        response = getattr(client, method)(path)
        assert response.status_code == 401, path
    db.session.refresh(pitch)
    assert pitch.status == "published"


def test_api_needs_no_csrf_token(app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    founder = make_user("founder")
    token = api_tokens.create(founder, "w", "read-write", 30)
    response = client.post("/api/v1/pitches", json={
        "title": "Uten CSRF", "summary": "Bearer holder", "stage": "idea"},
        headers={"Authorization": f"Bearer {token.plain}"})
    assert response.status_code == 201


def test_token_lifetime_is_capped(app):
    user = make_user("founder")
    with app.test_request_context():
        with pytest.raises(api_tokens.DomainError):
            api_tokens.create(user, "long", "read", 366)
        with pytest.raises(api_tokens.DomainError):
            api_tokens.create(user, "scope", "admin", 30)


class TestRateLimit:
    @pytest.fixture
    def app_overrides(self):
        return {"RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "3 per minute"}

    def test_limit_counts_per_token(self, client):
        user = make_user("investor")
        first = {"Authorization": f"Bearer {api_tokens.create(user, 'a', 'read', 30).plain}"}
        second = {"Authorization": f"Bearer {api_tokens.create(user, 'b', 'read', 30).plain}"}
        codes = [client.get("/api/v1/me", headers=first).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = client.get("/api/v1/me", headers=first)
        body = limited.get_json()
        assert body["error"]["code"] == "too_many_requests"
        assert limited.headers.get("Retry-After")
        assert client.get("/api/v1/me", headers=second).status_code == 200
