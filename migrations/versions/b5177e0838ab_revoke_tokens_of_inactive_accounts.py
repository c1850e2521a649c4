"""revoke the API tokens of inactive accounts: since 47afc1c deactivating an account revokes
its live tokens (privacy.set_active). Before that, a deactivation only refused them while the
account was off: they stayed live in the database, and a reactivation let them work again
(reactivating now revokes them too, but a token should not wait for that to be dead). Each
token still live (not revoked, not expired) of an inactive account is revoked now, audited as
the app's revocations are (api_token_revoked, target api_token:<id>), with no actor (the
admin's audit list shows it as done from the command line, where `flask db upgrade` runs;
the detail says a migration did it) and no address. The admin who deactivated the account
is not named: they did not revoke these tokens.

The downgrade leaves them revoked: a revoked token is never made to work again.

Revision ID: b5177e0838ab
Revises: a8f898e06c3b
Create Date: 2026-12-06 07:56:03

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = 'b5177e0838ab'
down_revision = 'a8f898e06c3b'
branch_labels = None
depends_on = None

# As of this revision; a migration keeps its own copy of the tables it touches, so later
# changes to the models do not change what it did.
user = sa.table("user", sa.column("id", sa.Integer), sa.column("active", sa.Boolean))
api_token = sa.table(
    "api_token", sa.column("id", sa.Integer), sa.column("user_id", sa.Integer),
    sa.column("expires_at", sa.DateTime(timezone=True)),
    sa.column("revoked_at", sa.DateTime(timezone=True)))
audit_event = sa.table(
    "audit_event", sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor_id", sa.Integer), sa.column("action", sa.String),
    sa.column("target", sa.String), sa.column("detail", sa.Text),
    sa.column("ip", sa.String))

DETAIL = "revoked by a migration: the account was deactivated before deactivating revoked tokens"


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes (UTC, as the app stores them)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(api_token.c.id, api_token.c.expires_at)
        .join(user, user.c.id == api_token.c.user_id)
        .where(sa.not_(user.c.active), api_token.c.revoked_at.is_(None))
        .order_by(api_token.c.id))
    # An expired token is already dead, and the app's revocations leave it as it is
    # (api_tokens.live_tokens): compared as instants here too.
    now = datetime.now(UTC)
    ids = [token_id for token_id, expires in rows if _aware(expires) > now]
    if not ids:
        return
    bind.execute(api_token.update().where(api_token.c.id.in_(ids)).values(revoked_at=now))
    bind.execute(audit_event.insert(), [
        {"at": now, "actor_id": None, "action": "api_token_revoked",
         "target": f"api_token:{token_id}", "detail": DETAIL, "ip": None}
        for token_id in ids])


def downgrade():
    pass
