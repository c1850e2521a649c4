"""form use: the one-time tokens of the create forms (a new pitch, a new arena), so a form
sent again after the browser's Back leads to what it made instead of making it twice

Revision ID: 645968fe6029
Revises: c9e4a7b2d6f1
Create Date: 2026-12-06 04:38:25

"""
import sqlalchemy as sa
from alembic import op

revision = '645968fe6029'
down_revision = 'c9e4a7b2d6f1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'form_use',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('object_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_form_use_user_id_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id', 'token', name=op.f('pk_form_use')),
    )


def downgrade():
    op.drop_table('form_use')
