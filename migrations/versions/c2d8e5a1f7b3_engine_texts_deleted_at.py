"""engine texts deleted at: when texts were deleted that saved index versions may still hold

Revision ID: c2d8e5a1f7b3
Revises: a3f22aa8fd0f
Create Date: 2026-12-06 19:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c2d8e5a1f7b3'
down_revision = 'a3f22aa8fd0f'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('engine_settings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('texts_deleted_at', sa.DateTime(timezone=True),
                                      nullable=True))


def downgrade():
    with op.batch_alter_table('engine_settings', schema=None) as batch_op:
        batch_op.drop_column('texts_deleted_at')
