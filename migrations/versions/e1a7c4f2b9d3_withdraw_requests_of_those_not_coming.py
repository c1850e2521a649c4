"""withdraw meeting requests of people no longer coming: a request still pending at an
arena not yet held, from or to someone who no longer has an accepted invitation there, is
withdrawn, as stopping coming has withdrawn them since 5139712 (meeting_requests.
withdraw_pending). Before that, requests of those who stopped coming stayed pending: the
person asked could still accept one, making a pair with someone who no longer comes.

Nobody is notified retroactively: no notice or e-mail of these withdrawals is sent, now
or later (a migration tells no one; the other side sees the request closed on the arena's
page). The downgrade leaves them withdrawn: which ones were pending is not kept.

Revision ID: e1a7c4f2b9d3
Revises: 645968fe6029
Create Date: 2026-12-06 05:40:00

"""
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = 'e1a7c4f2b9d3'
down_revision = '645968fe6029'
branch_labels = None
depends_on = None

# As of this revision (meeting_requests.NOT_YET_HELD, models.arena.LOCAL_TZ, Arena.held);
# a migration keeps its own copy, so later changes to the app do not change what it did.
NOT_YET_HELD = ("draft", "inviting", "scheduled")
LOCAL_TZ = ZoneInfo("Europe/Oslo")

arena = sa.table("arena", sa.column("id", sa.Integer), sa.column("status", sa.String),
                 sa.column("date", sa.Date), sa.column("end_time", sa.Time))
invitation = sa.table("invitation", sa.column("arena_id", sa.Integer),
                      sa.column("user_id", sa.Integer), sa.column("state", sa.String))
meeting_request = sa.table(
    "meeting_request", sa.column("id", sa.Integer), sa.column("arena_id", sa.Integer),
    sa.column("from_user_id", sa.Integer), sa.column("to_user_id", sa.Integer),
    sa.column("state", sa.String))


def _coming(user_id):
    """The person in `user_id` has an accepted invitation to the request's arena."""
    return sa.exists().where(invitation.c.arena_id == meeting_request.c.arena_id,
                             invitation.c.user_id == user_id,
                             invitation.c.state == "accepted")


def upgrade():
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(meeting_request.c.id, arena.c.date, arena.c.end_time)
        .join(arena, arena.c.id == meeting_request.c.arena_id)
        .where(meeting_request.c.state == "pending", arena.c.status.in_(NOT_YET_HELD),
               sa.or_(~_coming(meeting_request.c.from_user_id),
                      ~_coming(meeting_request.c.to_user_id))))
    # An arena whose end has passed is held (its own record) though not marked done: its
    # end and now compared as instants, as Arena.held does.
    now = datetime.now(UTC)
    ids = [rid for rid, day, end in rows
           if datetime.combine(day, end, tzinfo=LOCAL_TZ).astimezone(UTC) >= now]
    if ids:
        bind.execute(meeting_request.update().where(meeting_request.c.id.in_(ids))
                     .values(state="withdrawn"))


def downgrade():
    pass
