"""page version: what cached recommendation pages are keyed by

Revision ID: c4e7d2a9f180
Revises: ab2ecf01662e
Create Date: 2026-11-26 23:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = 'c4e7d2a9f180'
down_revision = 'ab2ecf01662e'
branch_labels = None
depends_on = None


def upgrade():
    table = op.create_table(
        'page_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_page_version')),
    )
    op.bulk_insert(table, [{'id': 1, 'version': 0}])
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('page_version', sa.Integer(), server_default='0',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.drop_column('page_version')
    op.drop_table('page_version')
