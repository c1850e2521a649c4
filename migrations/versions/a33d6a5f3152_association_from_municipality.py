"""association from municipality: whether a person's association follows their municipality
("Decide from my municipality") or was picked by name

Revision ID: a33d6a5f3152
Revises: b8e3f0c2d6a9
Create Date: 2026-12-07 04:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a33d6a5f3152'
down_revision = 'b8e3f0c2d6a9'
branch_labels = None
depends_on = None

# app.vocabulary.ASSOCIATIONS as it stood: each association's municipalities. A copy, so the
# migration means the same whatever the app's lists become.
REGIONS = {
    'asker': ('asker',),
    'baerum': ('baerum',),
    'drammen': ('drammen', 'lier', 'ovre_eiker'),
    'kongsberg': ('kongsberg', 'flesberg', 'rollag', 'nore_og_uvdal'),
    'modum': ('modum', 'sigdal', 'krodsherad'),
    'ringerike': ('ringerike', 'hole'),
}

user = sa.table('user', sa.column('municipality', sa.String),
                sa.column('association_id', sa.Integer),
                sa.column('association_from_municipality', sa.Boolean))
association = sa.table('association', sa.column('id', sa.Integer),
                       sa.column('slug', sa.String))


def upgrade():
    # '0' (false on SQLite and PostgreSQL alike), not sa.false(): an expression default makes
    # SQLite's batch rebuild the user table, which the rows pointing at it refuse.
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('association_from_municipality', sa.Boolean(),
                                      server_default='0', nullable=False))
    # Existing people get what Koble guessed until now (account_details before this
    # revision): the association follows the municipality when it is the municipality's,
    # or when there is none and the municipality has none either. Nothing changes for them.
    for slug, municipalities in REGIONS.items():
        op.execute(user.update().where(
            user.c.municipality.in_(municipalities),
            user.c.association_id.in_(sa.select(association.c.id)
                                      .where(association.c.slug == slug)),
        ).values(association_from_municipality=True))
    in_a_region = [m for municipalities in REGIONS.values() for m in municipalities]
    op.execute(user.update().where(
        user.c.association_id.is_(None),
        sa.or_(user.c.municipality.is_(None), user.c.municipality.not_in(in_a_region)),
    ).values(association_from_municipality=True))


def downgrade():
    # ALTER TABLE … DROP COLUMN on SQLite too (3.35 and later), not a batch: a batch rebuilds
    # the user table, and dropping the old one deletes (ON DELETE CASCADE) or refuses over
    # the rows that point at its people.
    op.drop_column('user', 'association_from_municipality')
