"""Personal API tokens: shown once, hashed at rest, revocable, expiring, scoped; cookies
never authenticate the API; the limit counts per user, all their tokens together."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest

from app.extensions import db
from app.models import ApiToken, AuditEvent
from app.models.user import utcnow
from app.services import account_access, api_tokens
from tests.app.admin_questions import confirm
from tests.factories import DEFAULT_PASSWORD, make_pitch, make_user

TOKEN_RE = re.compile(r"kbl_[0-9a-f]{10}_[A-Za-z0-9_-]{40,}")


def _create_on_page(client, name="CRM", scope="read", days="30", password=DEFAULT_PASSWORD):
    return client.post("/account/tokens", data={"name": name, "scope": scope, "days": days,
                                                "password": password})


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


@pytest.mark.parametrize(("locale", "message"), [("en", "The password is wrong."),
                                                 ("nb", "Passordet er feil.")])
def test_a_session_alone_cannot_make_a_token(client, auth, locale, message):
    """A token outlives the session: someone at a computer left logged in must not be able
    to make one without the password."""
    user = make_user("investor", locale=locale)
    auth.login(user.email)
    form = client.get("/account/tokens").get_data(as_text=True)
    assert 'name="password"' in form and 'autocomplete="current-password"' in form
    wrong = _create_on_page(client, password="not the password")
    assert wrong.status_code == 422
    error = wrong.get_data(as_text=True).split('id="password-error">', 1)[1]
    assert message in error.split("</div>", 1)[0]
    assert not TOKEN_RE.search(wrong.get_data(as_text=True))
    assert _create_on_page(client, password="").status_code == 422
    assert db.session.query(ApiToken).count() == 0
    refused = db.session.query(AuditEvent).filter_by(action="api_token_password_wrong").all()
    assert [(e.actor_id, e.target) for e in refused] == [(user.id, f"user:{user.id}")]
    assert _create_on_page(client).status_code == 201
    assert db.session.query(ApiToken).count() == 1


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


def test_deactivation_revokes_tokens_and_reactivation_does_not_bring_them_back(client):
    """Deactivating cuts the person's access; letting them log in again must not quietly
    let scripts somewhere back in."""
    user, admin = make_user("founder"), make_user("admin", association=None)
    tokens = [api_tokens.create(user, name, "read-write", 30) for name in ("a", "b")]
    api_tokens.revoke(user, tokens[1].token.id)
    account_access.set_active(user, False, actor=admin)  # the admin page's and the CLI's
    account_access.set_active(user, True, actor=admin)
    for token in tokens:
        assert client.get("/api/v1/me", headers={
            "Authorization": f"Bearer {token.plain}"}).status_code == 401
    db.session.expire_all()
    assert all(t.token.revoked_at is not None for t in tokens)
    assert api_tokens.live_tokens(user) == []
    assert db.session.query(AuditEvent).filter_by(
        action="api_token_revoked", target=f"api_token:{tokens[0].token.id}").count() == 1


def test_reactivation_revokes_tokens_a_deactivation_before_this_rule_left_live(client):
    user, admin = make_user("founder"), make_user("admin", association=None)
    token = api_tokens.create(user, "ci", "read", 30)
    user.active = False  # deactivated when that only refused the tokens
    db.session.commit()
    account_access.set_active(user, True, actor=admin)
    assert client.get("/api/v1/me", headers={
        "Authorization": f"Bearer {token.plain}"}).status_code == 401


def test_an_admins_deactivation_is_audited_as_theirs_and_counted(app, client, auth):
    user, admin = make_user("investor"), make_user("admin", association=None, locale="en")
    for name in ("crm", "sync", "old"):
        api_tokens.create(user, name, "read", 30)
    expired = api_tokens.create(user, "gone", "read", 1)
    expired.token.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    auth.login(admin.email)
    response = confirm(client, user.id, "deactivate")
    assert response.status_code == 303
    assert "3 API tokens are revoked." in client.get(response.location).get_data(as_text=True)
    actors = {e.actor_id for e in db.session.query(AuditEvent).filter_by(
        action="api_token_revoked")}
    assert actors == {admin.id}


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

    def test_limit_counts_per_user_not_per_token(self, client):
        """Counted per token, a user raised their own limit by making another token (found
        on the investor walk): a second token of the same user gets no fresh budget."""
        user = make_user("investor")
        first = {"Authorization": f"Bearer {api_tokens.create(user, 'a', 'read', 30).plain}"}
        second = {"Authorization": f"Bearer {api_tokens.create(user, 'b', 'read', 30).plain}"}
        codes = [client.get("/api/v1/me", headers=first).status_code for _ in range(2)]
        assert codes == [200, 200]
        last = client.get("/api/v1/me", headers=second)
        assert last.status_code == 200
        assert last.headers["X-RateLimit-Remaining"] == "0"
        limited = client.get("/api/v1/me", headers=second)
        assert limited.status_code == 429
        body = limited.get_json()
        assert body["error"]["code"] == "too_many_requests"
        assert limited.headers.get("Retry-After")
        assert client.get("/api/v1/me", headers=first).status_code == 429
        other = {"Authorization":
                 f"Bearer {api_tokens.create(make_user('investor'), 'c', 'read', 30).plain}"}
        assert client.get("/api/v1/me", headers=other).status_code == 200

    def test_a_known_prefix_with_a_wrong_secret_does_not_spend_its_owners_budget(
            self, client):
        user = make_user("investor")
        plain = api_tokens.create(user, "a", "read", 30).plain
        forged = {"Authorization": f"Bearer {plain[:-6]}XXXXXX"}
        assert [client.get("/api/v1/me", headers=forged).status_code
                for _ in range(4)] == [401, 401, 401, 429]
        assert client.get("/api/v1/me",
                          headers={"Authorization": f"Bearer {plain}"}).status_code == 200

    def test_what_the_docs_say_of_unknown_paths_and_methods_is_what_they_get(self, client):
        """Guard: a 404 for a path the API does not have and a 405 for a method a path does
        not take carry no X-RateLimit headers (no operation, so no limit), and the API
        description now says so instead of "every answer"."""
        headers = {"Authorization":
                   f"Bearer {api_tokens.create(make_user('investor'), 'a', 'read', 30).plain}"}
        for answer in (client.get("/api/v1/no-such-thing", headers=headers),
                       client.delete("/api/v1/me", headers=headers)):
            assert answer.status_code in (404, 405)
            assert not [h for h, _value in answer.headers if h.startswith("X-RateLimit")]
        description = client.get("/api/v1/openapi.json").get_json()["info"]["description"]
        assert "rate-limited per user" in description
        assert ("A path the API does not have (404) or a method a path does not take (405) "
                "is not counted and carries none of these headers.") in description


class TestPasswordRateLimit:
    """Creating asks for the password, so it is counted as logins are: else a session left
    open would be a way to guess it without end."""

    @pytest.fixture
    def app_overrides(self):
        return {"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"}

    def test_the_eleventh_try_on_one_account_is_refused_even_with_the_password(
            self, app, client, auth):
        user = make_user("founder")
        auth.login(user.email)
        for n in range(10):
            assert client.post("/account/tokens", data={
                "name": "x", "scope": "read", "days": "30", "password": f"guess {n}"},
                environ_base={"REMOTE_ADDR": f"198.51.100.{n + 1}"}).status_code == 422
        refused = client.post("/account/tokens", data={
            "name": "x", "scope": "read", "days": "30", "password": DEFAULT_PASSWORD},
            environ_base={"REMOTE_ADDR": "198.51.100.200"})
        assert refused.status_code == 429 and refused.headers.get("Retry-After")
        assert db.session.query(ApiToken).count() == 0
        # the list still opens: only making tokens is counted
        assert client.get("/account/tokens").status_code == 200


@pytest.mark.parametrize(("locale", "says"), [
    ("en", "This token is read-only: it can read but not change anything. Make a read-write "
           "token under API tokens."),
    ("nb", "Denne nøkkelen kan bare lese, ikke endre noe. Lag en nøkkel som kan lese og "
           "skrive, under API-nøkler."),
])
def test_a_read_only_token_is_refused_a_write_in_its_users_language(client, locale, says):
    read = api_tokens.create(make_user("founder", locale=locale), "r", "read", 30)
    response = client.post("/api/v1/pitches", json={"title": "Ny idé"},
                           headers={"Authorization": f"Bearer {read.plain}"})
    assert response.status_code == 403
    assert response.get_json()["error"]["message"] == says
