"""The app side of the matching engine: fit, store, refresh and read match scores.

Lifecycle
- `rebuild()` fits the engine on every matchable pitch and investor, saves the index in the
  database (`EngineIndex`, a new version) and recomputes every stored `MatchScore` (top
  `TOP_K` per pitch and per investor) in one transaction, so readers keep seeing the old
  scores until it commits. Run it from the CLI (`flask matching rebuild`) or the admin page
  (a background thread); never inside a user's request.
- Every process keeps the loaded engine in memory (per app) and reloads it when a newer
  version appears in the database (checked at most every `MATCHING_RELOAD_SECONDS`, and always
  before a refresh). Pitches and profiles changed since the loaded snapshot are upserted on
  load and before each refresh, so all processes score against the same data.
- `refresh_pitch()` / `refresh_investor()` upsert one record into the loaded engine (no refit)
  and rewrite that row's scores: milliseconds, so they run inline from the save signals.
- Deleting an account or a pitch stamps the settings row (`note_texts_deleted()`); the hourly
  `flask prune` then rebuilds unless the newest version was built after the deletion and
  deletes every saved version built before it (`erase_deleted_texts()`), so no saved copy
  keeps the deleted texts longer than an hour.

Pages never call the engine: they read stored scores (`app.services.recommendations`;
weights live in `app.services.engine_settings`).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from flask import Flask, current_app
from sqlalchemy import delete, func, select, update

from app.database import analyze
from app.extensions import db
from app.models import (
    EngineIndex,
    EngineSettings,
    InvestorProfile,
    MatchScore,
    Pitch,
    User,
)
from app.models.user import utcnow
from app.services import exclusions, feedback_learning, records, score_store
from app.services.engine_settings import current_weights

TOP_K = 50  # scores stored per pitch and per investor by a rebuild
KEEP_INDEXES = 3  # saved index versions kept in the database
SYNC_MARGIN = timedelta(seconds=2)  # clock skew allowance when catching up on changes

Progress = Callable[[str], None]


# -- the engine in memory ------------------------------------------------------------------
@dataclass
class _Cache:
    lock: threading.RLock = field(default_factory=threading.RLock)
    engine: object | None = None
    version: int | None = None
    checked: float = 0.0
    synced_at: datetime | None = None
    applied: dict = field(default_factory=dict)  # ("pitch"|"investor", id) -> row version


def _cache(app: Flask | None = None) -> _Cache:
    app = app or current_app._get_current_object()
    return app.extensions.setdefault("koble_matching", _Cache())


def latest_index() -> EngineIndex | None:
    """The newest saved index (without loading its blob)."""
    return db.session.scalar(select(EngineIndex).order_by(EngineIndex.version.desc()).limit(1))


def loaded_version() -> int | None:
    """The index version this process holds in memory (None before the first load)."""
    return _cache().version


def get_engine(force: bool = False):
    """The fitted engine of the newest index version, or None when no index exists yet.

    Checks the database for a newer version at most every MATCHING_RELOAD_SECONDS unless
    `force`; loads it when the version differs, then catches up on changed rows.
    """
    from matching import MatchEngine

    cache = _cache()
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


def _upsert_or_remove(engine, kind: str, obj) -> None:
    _apply_changes(engine, kind, [obj])


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
        _quiet_remove(remove, key(obj))
    upsert(batch)


def _quiet_remove(remove, key: str) -> None:
    with contextlib.suppress(KeyError):  # not in the index: nothing to remove
        remove(key)


def _catch_up(cache: _Cache) -> None:
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


def _as_aware(value: datetime | None) -> datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones."""
    if value is None:
        return datetime.min.replace(tzinfo=UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def forget_engine(app: Flask | None = None) -> None:
    """Drop the in-memory engine (the next use reloads from the database)."""
    cache = _cache(app)
    with cache.lock:
        cache.engine, cache.version, cache.synced_at, cache.checked = None, None, None, 0.0
        cache.applied = {}


def data_stamp() -> str:
    """Counts and latest change of everything matchable; differs when data changed."""
    p = db.session.execute(select(func.count(Pitch.id), func.max(Pitch.updated_at))).one()
    q = db.session.execute(
        select(func.count(InvestorProfile.id), func.max(InvestorProfile.updated_at))).one()
    active_users = db.session.scalar(select(func.count(User.id)).where(User.active.is_(True)))
    settings_version = db.session.scalar(select(EngineSettings.version).where(
        EngineSettings.id == 1)) or 0

    def moment(value) -> str:
        return str(value)[:26] if value is not None else "-"

    return (f"p{p[0]}@{moment(p[1])}|i{q[0]}@{moment(q[1])}|u{active_users}"
            f"|w{settings_version}")[:200]


def is_stale() -> bool:
    """True when there is no index or the data changed since the last one was built."""
    index = latest_index()
    return index is None or index.data_stamp != data_stamp()


def rebuild(progress: Progress | None = None, k: int = TOP_K) -> dict:
    """Fit on everything, save a new index version and recompute every stored score.

    `progress(step)` is called after each step (REBUILD_STEPS). Returns counts and timings.
    """
    from matching import MatchEngine

    step = progress or (lambda _name: None)
    started_clock = time.perf_counter()
    started = utcnow()
    stamp = data_stamp()
    versions: dict[tuple[str, int], int] = {}
    recent: dict[str, int] = {}
    for kind, model in (("pitch", Pitch), ("investor", InvestorProfile)):
        for row_id, version, updated in db.session.execute(
                select(model.id, model.version, model.updated_at)):
            versions[(kind, row_id)] = version
            if _as_aware(updated) > started - SYNC_MARGIN:
                recent[f"{kind}:{row_id}"] = version
    pitches = records.all_pitch_records()
    investors = records.all_investor_records()
    weights = current_weights()
    step("records")
    engine = MatchEngine(weights=weights, n_jobs=int(current_app.config.get(
        "MATCHING_N_JOBS", 1)))
    fitted = bool(pitches) and bool(investors)
    learning = None
    if fitted:
        engine.fit(pitches, investors)
        weights, learning = feedback_learning.learned_weights(engine, weights)
        engine.set_weights(weights)
    step("fit")
    exclude = exclusions.excluded_pairs()
    # one blocked pass gives both directions; each pair scored and explained once
    table = engine.batch_table(k, exclude) if fitted else None
    step("investors")
    step("pitches")
    blob = engine.save_bytes() if fitted else b""
    version = (db.session.scalar(select(func.max(EngineIndex.version))) or 0) + 1
    now = utcnow()
    db.session.execute(delete(MatchScore))
    n_scores = score_store.store_table(table, version, now) if table is not None else 0
    del table
    index = EngineIndex(version=version, created_at=started, blob=blob,
                        n_pitches=len(pitches), n_investors=len(investors), n_scores=n_scores,
                        weights=weights.as_dict(), learning=learning, data_stamp=stamp,
                        recent_versions=recent,
                        seconds=round(time.perf_counter() - started_clock, 3))
    old = db.session.scalars(select(EngineIndex.id).order_by(EngineIndex.version.desc())
                             .offset(KEEP_INDEXES - 1)).all()
    if old:
        db.session.execute(delete(EngineIndex).where(EngineIndex.id.in_(old)))
    db.session.add(index)
    db.session.commit()
    analyze(MatchScore.__tablename__, EngineIndex.__tablename__)  # every score is new
    step("stored")
    if fitted:
        cache = _cache()
        with cache.lock:
            cache.engine, cache.version, cache.synced_at = engine, version, started
            cache.checked = time.monotonic()
            cache.applied = versions
    else:
        forget_engine()
    return {"version": version, "pitches": len(pitches), "investors": len(investors),
            "scores": n_scores, "seconds": round(time.perf_counter() - started_clock, 3),
            "learning": learning}


REBUILD_STEPS = ("records", "fit", "investors", "pitches", "stored")

# A rebuild begun this soon after a deletion's stamp may have read the texts before the
# deletion was committed: it counts as begun before it.
DELETION_MARGIN = timedelta(minutes=1)


def note_texts_deleted() -> None:
    """Texts were deleted (an account's, a pitch): stamp the settings row, in the caller's
    transaction, so the hourly `flask prune` takes them out of the saved index versions
    (`erase_deleted_texts`)."""
    from app.services.engine_settings import settings

    settings().texts_deleted_at = utcnow()


def erase_deleted_texts() -> dict | None:
    """Take deleted texts out of the saved index versions (the hourly `flask prune`).

    Only after a deletion (`note_texts_deleted`'s stamp; else one primary-key read and
    None): unless the newest version was begun after the deletion, rebuild (readers keep the
    last index meanwhile; other processes load the new version at their next use of the
    engine, dropping the old one), then delete every version begun before it and clear the
    stamp. While a rebuild from the admin page runs, wait for the next run (`busy`)."""
    from app.services import rebuild_jobs

    row = db.session.get(EngineSettings, 1)
    stamp = row.texts_deleted_at if row is not None else None
    if stamp is None:
        return None
    if rebuild_jobs.running(row):
        return {"busy": True, "rebuilt": None, "deleted": 0}
    cutoff = _as_aware(stamp) + DELETION_MARGIN
    versions = db.session.execute(select(EngineIndex.id, EngineIndex.created_at)
                                  .order_by(EngineIndex.version.desc())).all()
    before = [v.id for v in versions if _as_aware(v.created_at) <= cutoff]
    rebuilt = None
    if versions and versions[0].id in before:
        # begun now, after the stamp was committed: it reads the texts as deleted
        rebuild_jobs._set_status("running", None)
        rebuilt = rebuild_jobs.rebuild_reported()
    if before:  # the rebuild may have deleted some of them already (KEEP_INDEXES)
        db.session.execute(delete(EngineIndex).where(EngineIndex.id.in_(before)))
    # a deletion stamped meanwhile keeps its stamp for the next run
    db.session.execute(update(EngineSettings).where(EngineSettings.id == 1,
                                                    EngineSettings.texts_deleted_at == stamp)
                       .values(texts_deleted_at=None))
    db.session.commit()
    return {"busy": False, "rebuilt": rebuilt, "deleted": len(before)}


def _thresholds(column, ids: list[int], k: int) -> dict[int, float]:
    """Per id: the lowest stored score when it already holds k scores (else no threshold)."""
    if not ids:
        return {}
    query = select(column, func.count(MatchScore.id), func.min(MatchScore.score)).group_by(column)
    if len(ids) <= 1000:
        query = query.where(column.in_(ids))
    return {key: low for key, count, low in db.session.execute(query) if count >= k}


def _scan_size(total: int) -> int:
    # Scoring + explaining costs ~0.6 ms per pair; the other side's lists only change for
    # pairs near the top, so a refresh looks at the best MATCHING_REFRESH_SCAN of them.
    return min(total, int(current_app.config.get("MATCHING_REFRESH_SCAN", 200)))


def refresh_pitch(pitch: Pitch, k: int = TOP_K) -> int:
    """Re-score one pitch against every investor with the loaded index (no refit).

    Keeps the pitch's own top k, and any pair that now makes an investor's stored top k.
    Returns how many scores are stored for the pitch.
    """
    engine = get_engine(force=True)
    pid = records.pitch_id(pitch)
    db.session.execute(delete(MatchScore).where(MatchScore.pitch_id == pitch.id))
    if engine is None or not records.is_matchable_pitch(pitch):
        if engine is not None:
            with _cache().lock:
                _quiet_remove(engine.remove_pitch, pid)
        db.session.commit()
        return 0
    with _cache().lock:
        if _cache().applied.get(("pitch", pitch.id)) != pitch.version:  # not caught up yet
            engine.upsert_pitch(records.pitch_record(pitch))
            _cache().applied[("pitch", pitch.id)] = pitch.version
        n = _scan_size(len(engine.investor_index_))
        excluded = exclusions.excluded_investors(pitch.id)
        results = engine.top_investors(pid, k=max(n, k), exclude=excluded)
    keep = results[:k]
    rest = results[k:]
    if rest:
        low = _thresholds(MatchScore.investor_profile_id,
                          [int(r.investor_id) for r in rest], k)
        keep += [r for r in rest if r.score > low.get(int(r.investor_id), 0.0)]
    version = _cache().version or 0
    score_store.bulk_insert([score_store.row_of(r, version, utcnow()) for r in keep])
    db.session.commit()
    return len(keep)


def refresh_investor(profile: InvestorProfile, k: int = TOP_K) -> int:
    """Re-score one investor against every pitch with the loaded index (no refit)."""
    engine = get_engine(force=True)
    qid = records.investor_id(profile)
    db.session.execute(delete(MatchScore).where(MatchScore.investor_profile_id == profile.id))
    if engine is None or not records.is_matchable_investor(profile):
        if engine is not None:
            with _cache().lock:
                _quiet_remove(engine.remove_investor, qid)
        db.session.commit()
        return 0
    with _cache().lock:
        if _cache().applied.get(("investor", profile.id)) != profile.version:
            engine.upsert_investor(records.investor_record(profile))
            _cache().applied[("investor", profile.id)] = profile.version
        n = _scan_size(len(engine.pitch_index_))
        excluded = exclusions.excluded_pitches(profile.id)
        results = engine.top_pitches(qid, k=max(n, k), exclude=excluded)
    keep = results[:k]
    rest = results[k:]
    if rest:
        low = _thresholds(MatchScore.pitch_id, [int(r.pitch_id) for r in rest], k)
        keep += [r for r in rest if r.score > low.get(int(r.pitch_id), 0.0)]
    version = _cache().version or 0
    score_store.bulk_insert([score_store.row_of(r, version, utcnow()) for r in keep])
    db.session.commit()
    return len(keep)


def remove_pitch(pitch_id: int) -> None:
    """A pitch was deleted: drop it from the loaded engine (its scores go with the row)."""
    cache = _cache()
    if cache.engine is not None:
        with cache.lock:
            _quiet_remove(cache.engine.remove_pitch, str(pitch_id))
    db.session.execute(delete(MatchScore).where(MatchScore.pitch_id == pitch_id))
    db.session.commit()


# -- wiring --------------------------------------------------------------------------------
def _on_pitch_saved(pitch, **_extra) -> None:
    refresh_pitch(pitch)


def _on_pitch_removed(pitch_id, **_extra) -> None:
    remove_pitch(int(pitch_id))


def _on_investor_saved(profile, **_extra) -> None:
    refresh_investor(profile)


def init_app(app: Flask) -> None:
    """Refresh scores when pitches and profiles change (signals from app.services.events)."""
    from app.services import events

    # weak=False: the receivers are module functions, connected once per process.
    events.pitch_saved.connect(_on_pitch_saved, weak=False)
    events.investor_saved.connect(_on_investor_saved, weak=False)
    removed = getattr(events, "pitch_removed", None)
    if removed is not None:
        removed.connect(_on_pitch_removed, weak=False)
