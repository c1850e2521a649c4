"""invitation calendar changed at: when the arena's event in the person's calendar last
changed status (their calendar_sequence rose), with the arena's own the event's DTSTAMP;
updated_at, which it was, moves with their times, reminders and attendance too

Revision ID: e2f7c5a9d3b8
Revises: d4e8b2f6a1c7
Create Date: 2026-12-07 10:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'e2f7c5a9d3b8'
down_revision = 'd4e8b2f6a1c7'
branch_labels = None
depends_on = None

# Neither step in a batch, and the column left nullable (as c3f9a7d2e5b1 for the arena's):
# on SQLite a batch copies the invitation table and drops the old one. Adding and dropping
# a plain column SQLite (3.35 and later) does in place, as PostgreSQL does.


def upgrade():
    op.add_column('invitation', sa.Column('calendar_changed_at', sa.DateTime(timezone=True),
                                          nullable=True))
    # From the DTSTAMP the files were last sent with (the row's updated_at), so the next
    # file does not show the unchanged event as newer. New rows get it from the model.
    op.execute("UPDATE invitation SET calendar_changed_at = "
               "COALESCE(updated_at, created_at, CURRENT_TIMESTAMP)")


def downgrade():
    op.drop_column('invitation', 'calendar_changed_at')
