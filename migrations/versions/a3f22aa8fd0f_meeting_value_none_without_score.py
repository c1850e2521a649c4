"""meeting value none without a score: a meeting's value is the pair's match score, or
NULL for a pair that meets because they asked to and has no score. The schedule stored the
scheduler's floor (0.01) for them, which the meetings export showed as a weak match.

A requested meeting (mutual or one-sided) whose value is that floor and whose pair has no
stored match score now is set to NULL. One whose pair had a score below the floor when the
schedule was built, and has none now, is set to NULL too: it cannot be told apart, and a
score under 0.01 is no match to speak of either. The downgrade writes the floor back.

Revision ID: a3f22aa8fd0f
Revises: d2f6a9c4e815
Create Date: 2026-12-06 13:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a3f22aa8fd0f'
down_revision = 'd2f6a9c4e815'
branch_labels = None
depends_on = None

# As of this revision (schedule.MIN_VALUE, the requested sources of schedule.PRIORITY);
# a migration keeps its own copy, so later changes to the app do not change what it did.
FLOOR = 0.01
REQUESTED = ("mutual", "one_sided")

meeting = sa.table("meeting", sa.column("id", sa.Integer), sa.column("pitch_id", sa.Integer),
                   sa.column("investor_user_id", sa.Integer), sa.column("source", sa.String),
                   sa.column("value", sa.Float))
match_score = sa.table("match_score", sa.column("pitch_id", sa.Integer),
                       sa.column("investor_profile_id", sa.Integer))
investor_profile = sa.table("investor_profile", sa.column("id", sa.Integer),
                            sa.column("user_id", sa.Integer))


def upgrade():
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.alter_column('value', existing_type=sa.Float(), nullable=True)
    scored = sa.exists().where(
        match_score.c.pitch_id == meeting.c.pitch_id,
        match_score.c.investor_profile_id == investor_profile.c.id,
        investor_profile.c.user_id == meeting.c.investor_user_id)
    op.get_bind().execute(meeting.update().where(
        meeting.c.source.in_(REQUESTED), meeting.c.value == FLOOR, ~scored).values(value=None))


def downgrade():
    op.get_bind().execute(meeting.update().where(meeting.c.value.is_(None))
                          .values(value=FLOOR))
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.alter_column('value', existing_type=sa.Float(), nullable=False)
