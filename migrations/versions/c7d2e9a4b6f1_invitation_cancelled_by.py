"""invitation cancelled_by: who cancelled an invitation ("self", "staff", "admin"), so the
person's own pages say what happened rather than "Cancelled", the word for an arena called
off. Existing cancelled rows have none recorded (NULL): their pages say neutrally that the
person is no longer on the list.

Revision ID: c7d2e9a4b6f1
Revises: b3e9d5a7c1f2
Create Date: 2026-12-08 02:20:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c7d2e9a4b6f1'
down_revision = 'b3e9d5a7c1f2'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD/DROP COLUMN, not a batch: on SQLite a batch would recreate `invitation`
    # with the foreign keys off (see migrations/env.py).
    op.add_column('invitation', sa.Column('cancelled_by', sa.String(length=10), nullable=True))


def downgrade():
    op.drop_column('invitation', 'cancelled_by')
