"""arena schedule published at: a built schedule is a draft until staff publish it

Revision ID: c9e4a7b2d6f1
Revises: a5c3e9d17b24
Create Date: 2026-12-06 14:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c9e4a7b2d6f1'
down_revision = 'a5c3e9d17b24'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('arena', schema=None) as batch_op:
        batch_op.add_column(sa.Column('schedule_published_at', sa.DateTime(timezone=True),
                                      nullable=True))
    # Every schedule built before drafts existed was shown and told at once: it counts as
    # published, so nothing changes for those arenas' participants.
    op.execute(
        "UPDATE arena SET schedule_published_at = COALESCE(scheduled_at, updated_at) "
        "WHERE EXISTS (SELECT 1 FROM meeting WHERE meeting.arena_id = arena.id)")


def downgrade():
    with op.batch_alter_table('arena', schema=None) as batch_op:
        batch_op.drop_column('schedule_published_at')
