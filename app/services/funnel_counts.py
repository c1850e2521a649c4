"""The platform funnel's grouped rows, kept: both sides' rows for a period (the statements
of app.services.funnel_statements), kept under the site-wide page version with the interest
steps counted again after a minute; a full statement's rows split into the steady and the
interest parts, and put together again."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import g

from app.extensions import cache, db
from app.models.user import utcnow
from app.services.funnel_statements import (
    investor_marks_statement,
    investor_statement,
    pitch_marks_statement,
    pitch_statement,
)

PERIODS = {"30": 30, "90": 90, "365": 365, "all": None}
CACHE_SECONDS = 60


def _split(rows) -> tuple[list[tuple], list[tuple]]:
    """A full statement's rows as the steady part (keys, count, the first later step and
    the last: published, matched, met) and the interest part (keys, interested, mutual),
    as pitch_marks_statement gives it: only groups with an investor's "interested"."""
    steady, marks = [], []
    for *keys, count, first, interested, mutual, last in rows:
        steady.append((*keys, count, first, last))
        if interested:
            marks.append((*keys, interested, mutual))
    return steady, marks


def _merged(steady, marks) -> list[tuple]:
    """One row per group, as dashboard_funnel's `_side` reads them: the keys, the count,
    then the four later steps (the first and the last from `steady`, the interest steps
    from `marks`)."""
    rows = {tuple(keys): [count, first, 0, 0, last] for *keys, count, first, last in steady}
    for *keys, interested, mutual in marks:
        # a group with marks has its items in `steady` (both read the same items)
        row = rows.setdefault(tuple(keys), [0, 0, 0, 0, 0])
        row[2], row[3] = interested, mutual
    return [(*keys, *numbers) for keys, numbers in rows.items()]



def _rows(statement) -> list[tuple]:
    return [tuple(r) for r in db.session.execute(statement)]



def counted(period: str) -> tuple[list, list, datetime]:
    """The grouped rows of both sides for the period, kept under the site-wide page version:
    a change to a pitch, profile, account, stored match, meeting or attendance raises it, so
    it shows at once. An interest mark raises only its two users' versions, so it shows
    within CACHE_SECONDS: the interest steps are kept that long.

    For "all", the published, matched and met steps are kept until the version changes:
    counting them reads every published pitch and profile (~50 ms at 10,000 pitches, most
    of it the stored-match look-ups), and each server process used to do it every minute.
    The two full statements count everything when the version is new; within it, once a
    minute, the two marks statements count the interest steps again, reading only the
    pitches and profiles an investor said "interested" about. A dated period's window moves
    with the clock: its full counts are kept a minute, as before."""
    version = g.get("page_version")
    days = PERIODS.get(period)
    if days or version is None:
        key = f"dashboard-funnel:{period}:{version}"
        found = cache.get(key) if version is not None else None
        if found is None:
            since = utcnow() - timedelta(days=days) if days else None
            found = (_rows(pitch_statement(since)), _rows(investor_statement(since)), utcnow())
            if version is not None:
                cache.set(key, found, timeout=CACHE_SECONDS)
        return found
    steady_key, marks_key = (f"dashboard-funnel-steady:{version}",
                             f"dashboard-funnel-marks:{version}")
    steady = cache.get(steady_key)
    if steady is None:
        pitch_rows, investor_rows = _rows(pitch_statement()), _rows(investor_statement())
        (pitch_steady, pitch_marks), (investor_steady, investor_marks) = (
            _split(pitch_rows), _split(investor_rows))
        counted_at = utcnow()
        cache.set(steady_key, (pitch_steady, investor_steady))  # the cache's default timeout
        cache.set(marks_key, (pitch_marks, investor_marks, counted_at), timeout=CACHE_SECONDS)
        return pitch_rows, investor_rows, counted_at
    marks = cache.get(marks_key)
    if marks is None:
        marks = (_rows(pitch_marks_statement()), _rows(investor_marks_statement()), utcnow())
        cache.set(marks_key, marks, timeout=CACHE_SECONDS)
    pitch_marks, investor_marks, counted_at = marks
    return (_merged(steady[0], pitch_marks), _merged(steady[1], investor_marks), counted_at)

