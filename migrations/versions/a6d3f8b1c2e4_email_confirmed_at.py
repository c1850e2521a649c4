"""email confirmed at: when the person opened the link mailed to their address; empty for a
self-registered account until they do. Existing accounts count as confirmed since they were
made.

Revision ID: a6d3f8b1c2e4
Revises: f9a3c6e1d7b4
Create Date: 2026-12-07 11:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a6d3f8b1c2e4'
down_revision = 'f9a3c6e1d7b4'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD/DROP COLUMN, not a batch: on SQLite a batch would recreate `user` with the
    # foreign keys off (see migrations/env.py).
    op.add_column('user', sa.Column('email_confirmed_at', sa.DateTime(timezone=True),
                                    nullable=True))
    op.execute('UPDATE "user" SET email_confirmed_at = created_at')


def downgrade():
    op.drop_column('user', 'email_confirmed_at')
