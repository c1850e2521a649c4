"""kept form: what someone wrote in a form sent after they were logged out (in another tab,
or timed out), given back in the form after they log in again

Revision ID: d7b3e9a2c4f6
Revises: a33d6a5f3152
Create Date: 2026-12-07 07:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'd7b3e9a2c4f6'
down_revision = 'a33d6a5f3152'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'kept_form',
        sa.Column('token', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('path', sa.String(length=500), nullable=False),
        sa.Column('fields', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'],
                                name=op.f('fk_kept_form_user_id_user'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('token', name=op.f('pk_kept_form')),
    )
    with op.batch_alter_table('kept_form', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kept_form_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_kept_form_created_at'), ['created_at'],
                              unique=False)


def downgrade():
    with op.batch_alter_table('kept_form', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kept_form_created_at'))
        batch_op.drop_index(batch_op.f('ix_kept_form_user_id'))
    op.drop_table('kept_form')
