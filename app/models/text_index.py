"""The text a word search reads, and the trigram index that serves it on PostgreSQL.

A table's searchable columns are read as one lower-cased text, joined by a space. A search
word never holds a space (words are split on whitespace), so it occurs in that text exactly
when it occurs in one of the columns; one `LIKE '%word%'` per word, the same on SQLite and
PostgreSQL. On PostgreSQL a GIN index of the text's trigrams (pg_trgm) finds the rows that
can match without reading every row; it must be built on this very expression, so the index
and the query both take it from here.
"""

from __future__ import annotations

import logging

from sqlalchemy import ColumnElement, Connection, Index, String, event, func, literal_column, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

# A literal, not a bound parameter: an index expression holds no parameters, so a query's
# expression must not either (a prepared statement's generic plan could not use the index).
SEPARATOR = literal_column("' '", String)


def search_text(*columns: ColumnElement[str]) -> ColumnElement[str]:
    """lower(c1 || ' ' || c2 …): the text in which each search word must occur.

    The columns must be NOT NULL (a NULL would make the whole text NULL)."""
    joined = columns[0]
    for column in columns[1:]:
        # the SQL operator as plain binary steps, ((a || ' ') || b): printed as PostgreSQL
        # prints the index, so Alembic sees the models' index and the database's as one
        joined = joined.op("||", return_type=String)(SEPARATOR)
        joined = joined.op("||", return_type=String)(column)
    return func.lower(joined)


def create_trigram_extension(connection: Connection) -> str | None:
    """Create pg_trgm if it is missing; None when it is there, else why it is not.

    A failure (no privilege, contrib not installed) rolls back to a savepoint, so the
    surrounding transaction goes on."""
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except DBAPIError as error:
        return str(error.orig).strip().splitlines()[0]
    return None


def trigrams_available(connection: Connection) -> bool:
    """Whether gin_trgm_ops can be named here (pg_trgm installed, on the search path)."""
    return bool(connection.scalar(text(
        "SELECT 1 FROM pg_opclass WHERE opcname = 'gin_trgm_ops' "
        "AND pg_opclass_is_visible(oid)")))


def _create_extension_before_table(table, connection, **kw) -> None:
    if connection.dialect.name != "postgresql":
        return
    why = create_trigram_extension(connection)
    if why:
        log.warning("pg_trgm is not available (%s); the text search of %s works without "
                    "its trigram index, only slower", why, table.name)


def _index_if_trigrams(ddl, target, bind, **kw) -> bool:
    # bind is None when DDL is only compiled (printed), not run
    return bind is None or trigrams_available(bind)


def trigram_index(name: str, *columns: ColumnElement[str]) -> Index:
    """The GIN trigram index of search_text(*columns), on PostgreSQL only.

    `db.create_all()` creates pg_trgm first if it can, and leaves the index out when the
    extension is missing; the migrations do the same for a deployed database."""
    index = Index(name, search_text(*columns).label("search_text"),
                  postgresql_using="gin", postgresql_ops={"search_text": "gin_trgm_ops"})
    index.ddl_if(dialect="postgresql", callable_=_index_if_trigrams)
    event.listen(index.table, "before_create", _create_extension_before_table)
    return index
