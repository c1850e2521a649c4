"""invitation meeting cap: a person's own "at most N meetings" at an arena

Revision ID: e6b2f4a8c913
Revises: d3a1c5e7f920
Create Date: 2026-11-27 02:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'e6b2f4a8c913'
down_revision = 'd3a1c5e7f920'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable: None means the arena's cap, so existing invitations keep their meaning.
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('meeting_cap', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_column('meeting_cap')
