"""idempotent request pitch: the pitch a stored answer holds, so that deleting the pitch
for good deletes the answer with it (ON DELETE CASCADE), not at the next prune

Revision ID: d2f6a9c4e815
Revises: b5177e0838ab
Create Date: 2026-12-06 12:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'd2f6a9c4e815'
down_revision = 'b5177e0838ab'
branch_labels = None
depends_on = None


def upgrade():
    # Answers stored before hold no pitch id; they go within a day, as keys expire.
    with op.batch_alter_table('idempotent_request', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pitch_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_idempotent_request_pitch_id'), ['pitch_id'],
                              unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_idempotent_request_pitch_id_pitch'),
                                    'pitch', ['pitch_id'], ['id'], ondelete='CASCADE')


def downgrade():
    with op.batch_alter_table('idempotent_request', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_idempotent_request_pitch_id_pitch'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_idempotent_request_pitch_id'))
        batch_op.drop_column('pitch_id')
