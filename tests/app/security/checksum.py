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
