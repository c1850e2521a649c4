"""meeting moved from: where a published meeting was before staff moved it (its start and
table), for the agenda's "Moved: was 10:00, table 3"

Revision ID: d4e8b2f6a1c7
Revises: c3f9a7d2e5b1
Create Date: 2026-12-07 10:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'd4e8b2f6a1c7'
down_revision = 'c3f9a7d2e5b1'
branch_labels = None
depends_on = None

# Not in a batch, and nullable (None: never moved): on SQLite a batch copies the meeting
# table and drops the old one, and with foreign keys on that drop cascades to its feedback.
# Adding and dropping a plain column SQLite (3.35 and later) does in place, as PostgreSQL
# does. Meetings moved before this are not known to have moved: nothing kept their place.


def upgrade():
    op.add_column('meeting', sa.Column('moved_from_start', sa.DateTime(timezone=True),
                                       nullable=True))
    op.add_column('meeting', sa.Column('moved_from_table', sa.Integer(), nullable=True))


def downgrade():
    op.drop_column('meeting', 'moved_from_table')
    op.drop_column('meeting', 'moved_from_start')
