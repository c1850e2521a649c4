"""kept form for nobody yet: a form sent from the site by a browser whose session cookie had
expired is kept for the first account that logs in by the link given to that browser

Revision ID: e8c4a1f6b2d9
Revises: d7b3e9a2c4f6
Create Date: 2026-12-07 07:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'e8c4a1f6b2d9'
down_revision = 'd7b3e9a2c4f6'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('kept_form', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=True)


def downgrade():
    op.execute("DELETE FROM kept_form WHERE user_id IS NULL")
    with op.batch_alter_table('kept_form', schema=None) as batch_op:
        batch_op.alter_column('user_id', existing_type=sa.Integer(), nullable=False)
