"""A checksum of the whole database: row counts and a hash of every row of every table.

    before = checksum()
    client.get(url)
    assert checksum() == before, checksum().diff(before)
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import select

from app.extensions import db


@dataclass(frozen=True)
class Checksum:
    """Per-table row counts and row hashes; equal when no row was added, changed or removed."""

    counts: dict[str, int]
    digests: dict[str, str] = field(compare=True)

    @property
    def digest(self) -> str:
        """One hash over every table."""
        joined = "".join(f"{name}={value};" for name, value in sorted(self.digests.items()))
        return hashlib.sha256(joined.encode()).hexdigest()

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())

    def diff(self, other: Checksum) -> str:
        """Which tables differ from `other`, for an assertion message."""
        lines = []
        for name in sorted(set(self.digests) | set(other.digests)):
            if self.digests.get(name) != other.digests.get(name):
                lines.append(f"{name}: {other.counts.get(name)} rows → "
                             f"{self.counts.get(name)} rows (content changed)")
        return "; ".join(lines) or "no difference"


def checksum(skip: tuple[str, ...] = ()) -> Checksum:
    """Read every table of the models' metadata (but `skip`) on a fresh connection
    (committed data)."""
    counts: dict[str, int] = {}
    digests: dict[str, str] = {}
    with db.engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            if table.name in skip:
                continue
            rows = sorted(repr(tuple(row)) for row in connection.execute(select(table)))
            counts[table.name] = len(rows)
            digest = hashlib.sha256()
            for row in rows:
                digest.update(row.encode())
                digest.update(b"\n")
            digests[table.name] = digest.hexdigest()
    return Checksum(counts, digests)


# What a statement that cannot change a row starts with (the app defines no SQL function that
# writes). Anything else counts as a write: INSERT, UPDATE, DELETE, a WITH that may hold one,
# EXPLAIN ANALYZE (which runs its statement), DDL, a statement not foreseen here.
_READ_ONLY = ("SELECT", "PRAGMA", "SHOW")


class WriteWatch:
    """Whether a row may have changed since `clean()`: a cheap stand-in for a checksum after
    a request that wrote nothing.

    Every statement run through the app's engine (by a request, a background thread or the
    test) passes its `before_cursor_execute` event; a statement that is not a plain read makes
    the watch dirty, and so does a later commit of a connection that ran one (a write left
    uncommitted when a checksum was taken becomes visible only then). Only while the watch is
    clean can the database be unchanged with no checksum taken:

        with WriteWatch() as watch:
            before = checksum()
            watch.clean()
            client.post(url)
            after = checksum() if watch.dirty else before
    """

    def __init__(self) -> None:
        self.dirty = True
        self._engine = None

    def clean(self) -> None:
        self.dirty = False

    def _statement(self, conn, _cursor, statement, _parameters, _context, _executemany):
        if not statement.lstrip().upper().startswith(_READ_ONLY):
            self.dirty = True
            conn.info["koble_wrote"] = True

    def _commit(self, conn):
        if conn.info.pop("koble_wrote", False):
            self.dirty = True

    def _rollback(self, conn):
        conn.info.pop("koble_wrote", None)

    def __enter__(self) -> WriteWatch:
        from sqlalchemy import event

        self._engine = db.engine
        event.listen(self._engine, "before_cursor_execute", self._statement)
        event.listen(self._engine, "commit", self._commit)
        event.listen(self._engine, "rollback", self._rollback)
        return self

    def __exit__(self, *_exc) -> None:
        from sqlalchemy import event

        # (the app fixture builds a new app for a test that left a listener on its engine)
        event.remove(self._engine, "before_cursor_execute", self._statement)
        event.remove(self._engine, "commit", self._commit)
        event.remove(self._engine, "rollback", self._rollback)
