"""Oslo clock time, which arenas are typed and shown in: the zone, whether a typed clock
time happens at all, and comparing an arena's end (a date and a time of day, stored
without a zone) with now, in Python and in SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

LOCAL_TZ = ZoneInfo("Europe/Oslo")


def wall_clock_exists(moment: datetime) -> bool:
    """Whether the naive Oslo clock time `moment` happens at all: not one the clocks skip
    when they go forward in spring (02:00-02:59 that night). zoneinfo would quietly read such
    a time with the offset before the change, 02:30 as 03:30."""
    there_and_back = moment.replace(tzinfo=LOCAL_TZ).astimezone(UTC).astimezone(LOCAL_TZ)
    return there_and_back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def over_before(now: datetime | None = None) -> datetime:
    """The Oslo clock time (naive) before which an arena's end has passed at `now` (the real
    clock when None): an end clock time e is over, as Arena.held_at reads it (e's first
    occurrence, as an instant, before now), exactly when e < over_before(now). That is now's
    own clock time, except in the second pass of autumn's repeated hour: every end in that
    hour was over in its first pass, and the hour after is not yet, so it is the clock time
    the repeated hour ends at. (An end in the hour spring skips is refused where it is typed.)"""
    instant = (now or datetime.now(UTC)).astimezone(UTC)
    wall = instant.astimezone(LOCAL_TZ)
    if not wall.fold:
        return wall.replace(tzinfo=None)
    end = wall.replace(tzinfo=None, fold=0, second=0, microsecond=0)
    while end.replace(tzinfo=LOCAL_TZ).astimezone(UTC) < instant:
        end += timedelta(minutes=1)
    return end


class clock_time(FunctionElement):
    """SQL: a date and a time of day as one clock time (timestamp without time zone), to
    compare with a naive DateTime: `date + time` in PostgreSQL; in SQLite, where both are
    text, the two joined as SQLAlchemy writes a DateTime ('2026-05-04 16:00:00.000000')."""

    type = DateTime()
    name = "clock"
    inherit_cache = True


@compiles(clock_time)
def _clock_default(element, compiler, **kw):
    day, clock = (compiler.process(c, **kw) for c in element.clauses)
    return f"({day} + {clock})"


@compiles(clock_time, "sqlite")
def _clock_sqlite(element, compiler, **kw):
    day, clock = (compiler.process(c, **kw) for c in element.clauses)
    return f"({day} || ' ' || {clock})"
