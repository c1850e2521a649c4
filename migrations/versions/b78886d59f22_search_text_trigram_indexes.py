"""search text trigram indexes: pg_trgm GIN indexes for the pitch and investor word search

On PostgreSQL only: creates the pg_trgm extension if it is missing (a trusted extension
since PostgreSQL 13: the database owner or anyone with CREATE on it may), then one GIN
trigram index per searched table, on the exact expression the search matches words against
(app/models/text_index.py: lower((col1 || ' ') || col2 ...)). Without the privilege, or without
the contrib package, the migration logs why and skips the indexes: the search stays correct,
only slower. To add them later, create the extension as a superuser and run
`flask db downgrade c4e7d2a9f180 && flask db upgrade`.

SQLite: nothing (no trigram indexes; the search scans, which is fine at its sizes).
The downgrade drops the indexes and leaves the extension (other objects may use it).

Revision ID: b78886d59f22
Revises: c4e7d2a9f180
Create Date: 2026-11-27 02:30:00

"""
import logging

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision = 'b78886d59f22'
down_revision = 'c4e7d2a9f180'
branch_labels = None
depends_on = None

log = logging.getLogger('alembic.migration.search_text')

# index name -> (table, expression); the expressions must stay identical to search_text()
INDEXES = {
    'ix_pitch_search_text': (
        'pitch', "lower((((title || ' ') || summary) || ' ') || description)"),
    'ix_investor_profile_search_text': (
        'investor_profile', "lower((organisation || ' ') || thesis)"),
}


def _create_extension(bind):
    """None when pg_trgm is there (already, or created now); else why not."""
    try:
        with bind.begin_nested():  # a failure rolls back to here, not the whole upgrade
            bind.execute(sa.text('CREATE EXTENSION IF NOT EXISTS pg_trgm'))
    except DBAPIError as error:
        return str(error.orig).strip().splitlines()[0]
    return None


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != 'postgresql':
        return
    why = _create_extension(bind)
    if why:
        log.warning('pg_trgm cannot be created (%s): the text searches of pitches and '
                    'investors work without their trigram indexes, only slower. Create the '
                    'extension as a superuser, then run this migration again (see its '
                    'docstring).', why)
        return
    for name, (table, expression) in INDEXES.items():
        op.execute(f'CREATE INDEX IF NOT EXISTS {name} ON {table} '
                   f'USING gin ({expression} gin_trgm_ops)')


def downgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    for name in INDEXES:
        op.execute(f'DROP INDEX IF EXISTS {name}')
