"""invitation calendar sequence: how often the person started or stopped coming

Revision ID: a5c3e9d17b24
Revises: f4c8e1b7a2d5
Create Date: 2026-12-06 10:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a5c3e9d17b24'
down_revision = 'f4c8e1b7a2d5'
branch_labels = None
depends_on = None


def upgrade():
    # 1 for those coming now: their arena event can be cancelled when they stop coming.
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar_sequence', sa.Integer(), server_default='0',
                                      nullable=False))
    op.execute("UPDATE invitation SET calendar_sequence = 1 WHERE state = 'accepted'")


def downgrade():
    with op.batch_alter_table('invitation', schema=None) as batch_op:
        batch_op.drop_column('calendar_sequence')
