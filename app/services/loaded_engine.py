"""The matching engine in memory, per process (and per app).

Every process keeps the loaded engine and reloads it when a newer index version appears in
the database (checked at most every `MATCHING_RELOAD_SECONDS`, and always before a
refresh). Pitches and profiles changed since the loaded snapshot are upserted on load and
before each refresh, so all processes score against the same data. New versions are built
by `app.services.engine_index.rebuild()`; one record's scores are rewritten by
`app.services.score_refresh`.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import Flask, current_app
from sqlalchemy import select

from app.extensions import db
from app.models import EngineIndex, InvestorProfile, Pitch
from app.models.user import utcnow
from app.services import records

SYNC_MARGIN = timedelta(seconds=2)  # clock skew allowance when catching up on changes


@dataclass
class EngineCache:
    """What this process holds of the engine: the loaded version, when it last checked for
    a newer one and caught up on changed rows, and which row versions it holds."""

    lock: threading.RLock = field(default_factory=threading.RLock)
    engine: object | None = None
    version: int | None = None
    checked: float = 0.0
    synced_at: datetime | None = None
    applied: dict = field(default_factory=dict)  # ("pitch"|"investor", id) -> row version


def engine_cache(app: Flask | None = None) -> EngineCache:
    """This app's engine cache (kept in `app.extensions`)."""
    app = app or current_app._get_current_object()
    return app.extensions.setdefault("koble_matching", EngineCache())


def loaded_version() -> int | None:
    """The index version this process holds in memory (None before the first load)."""
    return engine_cache().version


def get_engine(force: bool = False):
    """The fitted engine of the newest index version, or None when no index exists yet.

    Checks the database for a newer version at most every MATCHING_RELOAD_SECONDS unless
    `force`; loads it when the version differs, then catches up on changed rows.
    """
    from matching import MatchEngine

    cache = engine_cache()
    interval = float(current_app.config.get("MATCHING_RELOAD_SECONDS", 3))
    with cache.lock:
        now = time.monotonic()
        if not force and cache.engine is not None and now - cache.checked < interval:
            return cache.engine
        row = db.session.execute(
            select(EngineIndex.version, EngineIndex.created_at, EngineIndex.recent_versions)
            .order_by(EngineIndex.version.desc()).limit(1)
        ).first()
        cache.checked = now
        if row is None:
            cache.engine, cache.version, cache.synced_at = None, None, None
            return None
        if row.version != cache.version:
            blob = db.session.scalar(
                select(EngineIndex.blob).where(EngineIndex.version == row.version))
            cache.engine = MatchEngine.load_bytes(blob)
            cache.version = row.version
            cache.synced_at = row.created_at
            cache.applied = {}
            for key, version in (row.recent_versions or {}).items():
                kind, _sep, row_id = key.partition(":")
                cache.applied[(kind, int(row_id))] = version
            current_app.logger.info("Loaded matching index version %s", row.version)
        _catch_up(cache)
        return cache.engine


def _apply_changes(engine, kind: str, objs: list) -> None:
    """Upsert the matchable ones of `objs` in one batch and remove the others, in order."""
    if kind == "pitch":
        matchable, make = records.is_matchable_pitch, records.pitch_record
        key, remove, upsert = records.pitch_id, engine.remove_pitch, engine.upsert_pitches
    else:
        matchable, key = records.is_matchable_investor, records.investor_id
        remove, upsert = engine.remove_investor, engine.upsert_investors
        activity = records.investor_activity(o.id for o in objs if matchable(o))

        def make(obj):
            return records.investor_record(obj, activity.get(obj.id, (0, None)))
    batch = []
    for obj in objs:
        if matchable(obj):
            batch.append(make(obj))
            continue
        upsert(batch)  # keep the order of upserts and removals
        batch = []
        remove_quietly(remove, key(obj))
    upsert(batch)


def remove_quietly(remove, key: str) -> None:
    """`remove(key)` from the loaded engine, when the key is in its index."""
    with contextlib.suppress(KeyError):  # not in the index: nothing to remove
        remove(key)


def _catch_up(cache: EngineCache) -> None:
    """Upsert pitches and profiles changed since the loaded snapshot (saved by any process)."""
    if cache.engine is None or cache.synced_at is None:
        return
    since = cache.synced_at - SYNC_MARGIN
    started = utcnow()
    for kind, model in (("pitch", Pitch), ("investor", InvestorProfile)):
        changed = db.session.execute(
            select(model.id, model.version).where(model.updated_at > since)
            .order_by(model.id)).all()
        # this process may already hold some of those versions
        todo = {row_id: version for row_id, version in changed
                if cache.applied.get((kind, row_id)) != version}
        ids = list(todo)
        for start in range(0, len(ids), 500):  # one query and one engine restack per chunk
            objs = list(db.session.scalars(
                select(model).where(model.id.in_(ids[start:start + 500])).order_by(model.id))
                .unique())
            _apply_changes(cache.engine, kind, objs)
            for obj in objs:
                cache.applied[(kind, obj.id)] = todo[obj.id]
    cache.synced_at = started


def forget_engine(app: Flask | None = None) -> None:
    """Drop the in-memory engine (the next use reloads from the database)."""
    cache = engine_cache(app)
    with cache.lock:
        cache.engine, cache.version, cache.synced_at, cache.checked = None, None, None, 0.0
        cache.applied = {}
