"""notice mail off: the notification e-mail groups a person turned off (none: all on)

Revision ID: f4c8e1b7a2d5
Revises: e6b2f4a8c913
Create Date: 2026-12-05 21:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'f4c8e1b7a2d5'
down_revision = 'e6b2f4a8c913'
branch_labels = None
depends_on = None


def upgrade():
    # '' is the empty list (models/types.TagList): existing people keep every e-mail.
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notice_mail_off', sa.Text(), server_default='',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('notice_mail_off')
