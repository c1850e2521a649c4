"""investor ticket only: an investor may say "only pitches near my ticket sizes"

Revision ID: b8e3f0c2d6a9
Revises: c2d8e5a1f7b3
Create Date: 2026-12-07 02:20:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b8e3f0c2d6a9'
down_revision = 'c2d8e5a1f7b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('investor_profile', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ticket_only', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('investor_profile', schema=None) as batch_op:
        batch_op.drop_column('ticket_only')
