"""The migration after 47afc1c revokes the API tokens still live of accounts deactivated
before it (a deactivation then only refused them while the account was off), audited as the
app's revocations are, with no actor. Tokens of active accounts, expired tokens and tokens
already revoked are left as they are."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from tests.app.test_migrations import (
    empty_database_url,  # noqa: F401 - the fixture
    insert_user,
)

BEFORE = "a8f898e06c3b"
NOW = "2026-12-01 10:00:00"
FUTURE, PAST = "2099-12-20 10:00:00", "2000-12-20 10:00:00"


def _token(connection, token_id: int, uid: int, expires: str, revoked: str | None = None):
    connection.execute(text(
        "INSERT INTO api_token (id, user_id, name, prefix, token_hash, scope, created_at, "
        "expires_at, revoked_at) VALUES (:id, :uid, 'ci', :prefix, 'h', 'read', :now, "
        ":expires, :revoked)"),
        {"id": token_id, "uid": uid, "prefix": f"p{token_id}", "now": NOW,
         "expires": expires, "revoked": revoked})


def test_live_tokens_of_inactive_accounts_are_revoked_and_audited(empty_database_url):  # noqa: F811
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade(revision=BEFORE)
        with db.engine.begin() as connection:
            insert_user(connection, 1, active=False, created_at=NOW)  # deactivated before 47afc1c
            insert_user(connection, 2, created_at=NOW)
            _token(connection, 1, 1, FUTURE)        # live: revoked now
            _token(connection, 2, 1, FUTURE)        # live: revoked now
            _token(connection, 3, 1, PAST)          # expired: dead already, left
            _token(connection, 4, 1, FUTURE, NOW)   # revoked before: keeps its time
            _token(connection, 5, 2, FUTURE)        # an active account's: left
        upgrade()
        with db.engine.connect() as connection:
            revoked = dict(connection.execute(text(
                "SELECT id, revoked_at FROM api_token ORDER BY id")).all())
            events = connection.execute(text(
                "SELECT action, actor_id, target, ip FROM audit_event ORDER BY target")).all()
        assert revoked[1] is not None and revoked[2] is not None
        assert revoked[3] is None and revoked[5] is None
        assert str(revoked[4]).startswith(NOW)
        assert [tuple(e) for e in events] == [
            ("api_token_revoked", None, "api_token:1", None),
            ("api_token_revoked", None, "api_token:2", None)]
        downgrade(revision="base")
        db.engine.dispose()
