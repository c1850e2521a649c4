"""arena calendar sequence: the SEQUENCE of the arena's own calendar event, raised only when
that event changes (arena.version, which it was, rises with every schedule change too)

Revision ID: b7e2d4c9a1f3
Revises: e8c4a1f6b2d9
Create Date: 2026-12-07 08:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b7e2d4c9a1f3'
down_revision = 'e8c4a1f6b2d9'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('arena', schema=None) as batch_op:
        batch_op.add_column(sa.Column('calendar_sequence', sa.Integer(), server_default='0',
                                      nullable=False))
    # From the version the files were sent with: a lower SEQUENCE than a calendar already
    # holds is ignored by it, so the next real change would not reach it.
    op.execute("UPDATE arena SET calendar_sequence = COALESCE(version, 0)")


def downgrade():
    # Not in a batch: on SQLite a batch copies the arena table and drops the old one, and
    # with foreign keys on that drop cascades to every invitation and meeting. SQLite
    # (3.35 and later) drops a plain column in place, as PostgreSQL does.
    op.drop_column('arena', 'calendar_sequence')
