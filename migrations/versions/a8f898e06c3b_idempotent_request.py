"""idempotent request: the API's Idempotency-Key per user, with the first answer, so a
creating POST sent again (after a timeout) answers the same and makes nothing twice

Revision ID: a8f898e06c3b
Revises: e1a7c4f2b9d3
Create Date: 2026-12-06 07:05:22

"""
import sqlalchemy as sa
from alembic import op

revision = 'a8f898e06c3b'
down_revision = 'e1a7c4f2b9d3'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'idempotent_request',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=255), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.Column('status', sa.Integer(), nullable=True),
        sa.Column('body', sa.Text(), nullable=True),
        sa.Column('location', sa.String(length=500), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                                name=op.f('fk_idempotent_request_user_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'key', name=op.f('pk_idempotent_request')),
    )
    op.create_index(op.f('ix_idempotent_request_created_at'), 'idempotent_request',
                    ['created_at'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_idempotent_request_created_at'), table_name='idempotent_request')
    op.drop_table('idempotent_request')
