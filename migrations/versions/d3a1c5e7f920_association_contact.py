"""association contact: an e-mail address and a website an admin can keep

Revision ID: d3a1c5e7f920
Revises: b78886d59f22
Create Date: 2026-11-27 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd3a1c5e7f920'
down_revision = 'b78886d59f22'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('association', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_email', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('website', sa.String(length=200), nullable=True))


def downgrade():
    with op.batch_alter_table('association', schema=None) as batch_op:
        batch_op.drop_column('website')
        batch_op.drop_column('contact_email')
