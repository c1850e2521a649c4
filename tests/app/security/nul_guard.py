"""SQLite that refuses a NUL byte in a bound text value, as PostgreSQL does.

psycopg cannot send text holding NUL (DataError "PostgreSQL text fields cannot contain NUL
(0x00) bytes": a 500), while SQLite binds and compares it, so a request that hands a typed NUL
to a query passes every test on SQLite and fails in production. Inside `refusing_nul()` any
statement bound with such a value raises instead, on either database.
"""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from app.extensions import db


class NulBound(Exception):
    """A statement was bound with text holding NUL (PostgreSQL would refuse it)."""


def _holds_nul(value) -> bool:
    if isinstance(value, str):  # (bytes go to bytea, which holds NUL fine)
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_nul(v) for v in value)
    return False


def _refuse(_conn, _cursor, statement, parameters, _context, _executemany):
    if _holds_nul(parameters):
        raise NulBound(statement.split("\n", 1)[0][:120])


@contextmanager
def refusing_nul():
    engine = db.engine
    event.listen(engine, "before_cursor_execute", _refuse)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", _refuse)
