"""interest replaced kind: the answer a standing "not for me" replaced, for Undo on the
not-for-me lists to put back. Existing rows have none recorded: their Undo clears, as
before.

Revision ID: b3e9d5a7c1f2
Revises: a6d3f8b1c2e4
Create Date: 2026-12-07 12:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b3e9d5a7c1f2'
down_revision = 'a6d3f8b1c2e4'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD/DROP COLUMN, not a batch: on SQLite a batch would recreate `interest` with
    # the foreign keys off (see migrations/env.py).
    op.add_column('interest', sa.Column('replaced_kind', sa.String(length=20), nullable=True))


def downgrade():
    op.drop_column('interest', 'replaced_kind')
