"""arena calendar changed at: when the arena's own calendar event last changed (its
calendar_sequence rose), the event's DTSTAMP; updated_at, which it was, moves with every
schedule change too

Revision ID: c3f9a7d2e5b1
Revises: b7e2d4c9a1f3
Create Date: 2026-12-07 08:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c3f9a7d2e5b1'
down_revision = 'b7e2d4c9a1f3'
branch_labels = None
depends_on = None

# Neither step in a batch, and the column left nullable: on SQLite a batch (which NOT NULL
# would need) copies the arena table and drops the old one, and with foreign keys on that
# drop cascades to every invitation and meeting. Adding and dropping a plain column SQLite
# (3.35 and later) does in place, as PostgreSQL does.


def upgrade():
    op.add_column('arena', sa.Column('calendar_changed_at', sa.DateTime(timezone=True),
                                     nullable=True))
    # From the DTSTAMP the files were last sent with (the row's updated_at), so the next
    # file does not show the unchanged event as newer. New rows get it from the model.
    op.execute("UPDATE arena SET calendar_changed_at = "
               "COALESCE(updated_at, created_at, CURRENT_TIMESTAMP)")


def downgrade():
    op.drop_column('arena', 'calendar_changed_at')
