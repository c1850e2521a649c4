"""Database engine settings that depend on the dialect, and id bounds for URLs."""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.routing import IntegerConverter

# Ids are 32-bit integers on PostgreSQL; a larger id in a URL must be a 404, not a database
# overflow error (PostgreSQL) or an OverflowError (SQLite) that ends in a 500.
MAX_ID = 2**31 - 1


def _at_most(limit: int) -> str:
    """A regex of the numbers 0 … limit in ASCII digits, leading zeros allowed: "2147483647"
    → shorter numbers, or 0-1 then 9 digits, or 20 then 8 digits, …, or the limit itself."""
    digits = str(limit)
    options = [f"[0-9]{{1,{len(digits) - 1}}}"] if len(digits) > 1 else []
    for at, digit in enumerate(digits):
        if digit != "0":
            rest = len(digits) - at - 1
            options.append(f"{digits[:at]}[0-{int(digit) - 1}][0-9]{{{rest}}}")
    options.append(digits)
    return "0*(?:" + "|".join(options) + ")"


class BoundedIntConverter(IntegerConverter):
    """The `int` URL converter, limited to what an id column can hold, in ASCII digits.

    The limit is in the regex, not only in to_python: werkzeug chooses among the rules of one
    path by method before it converts, so a PUT to /pitches/<id too large> found the PUT rule,
    had its value refused, and answered 405 with the GET rule's methods instead of 404. And
    werkzeug's own regex matches every Unicode digit: int() then read "/pitches/١" (an
    Arabic-Indic one) as pitch 1."""

    regex = _at_most(MAX_ID)

    def __init__(self, map, *args, **kwargs):  # noqa: A002 - werkzeug's signature
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def ascii_number(text: str, max_digits: int) -> int | None:
    """The whole number `text` spells in at most `max_digits` ASCII digits, else None.
    str.isdigit() is true for "²" (int() then raises), int() reads "٣" and "３" as 3 and
    "0_3" as 3, and ten thousand digits are more than any integer column can bind."""
    if not (text.isascii() and text.isdigit() and len(text) <= max_digits):
        return None
    return int(text)


def id_from_form(raw: str | None) -> int | None:
    """An id posted in a form field (a hidden input or a button's value), or None when it is
    not one: ASCII digits only, and no larger than an id column holds."""
    number = ascii_number((raw or "").strip(), len(str(MAX_ID)))
    return number if number is not None and 1 <= number <= MAX_ID else None


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def enable_sqlite_pragmas(engine: Engine) -> None:
    """WAL and a busy timeout let several processes write without "database is locked".

    SQLite's own lower() folds A–Z only, so a search for "økologisk" would miss
    "ØKOLOGISK"; Python's str.lower() replaces it, as PostgreSQL's lower() folds every
    letter. No SQLite index uses lower(), so replacing it changes no stored index entry.
    """

    @event.listens_for(engine, "connect")
    def _set_pragmas(dbapi_connection, _record):
        dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def analyze(*tables: str) -> bool:
    """Fresh planner statistics for tables that just had a bulk change (PostgreSQL).

    Until autovacuum gets to them the planner guesses: after a bulk load it joined every
    published pitch to find one investor's 50 scores (300 ms instead of 6 ms). ANALYZE samples
    the tables (well under a second at 10,000 pitches); SQLite plans without it. Returns
    whether it ran.
    """
    from sqlalchemy import text

    from app.extensions import db

    bind = db.session.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    quote = bind.dialect.identifier_preparer.quote
    for table in tables:
        db.session.execute(text(f"ANALYZE {quote(table)}"))
    db.session.commit()
    return True
