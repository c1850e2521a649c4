"""The matching engine's saved index versions (`EngineIndex`): building a new one, which is
the newest, whether it is stale.

`rebuild()` fits the engine on every matchable pitch and investor, saves the index in the
database (a new version) and recomputes every stored `MatchScore` (top `TOP_K` per pitch and
per investor) in one transaction, so readers keep seeing the old scores until it commits.
Run it from the CLI (`flask matching rebuild`) or the admin page (a background thread,
`app.services.rebuild_jobs`); never inside a user's request. The rebuilding process keeps
the new engine loaded (`app.services.loaded_engine`); the others load it at their next use.

Pages never call the engine: they read stored scores (`app.services.recommendations`;
weights live in `app.services.engine_settings`). Besides a rebuild and a record's refresh
(`app.services.score_refresh`), only building an arena's schedule (a POST by staff) uses the
loaded engine, to score the participants' pairs that have no stored score
(`app.services.schedule_pairs.engine_scores`); the schedule's pages read stored scores only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

from flask import current_app
from sqlalchemy import delete, func, select

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
from app.services.loaded_engine import SYNC_MARGIN, engine_cache, forget_engine

TOP_K = 50  # scores stored per pitch and per investor by a rebuild
KEEP_INDEXES = 3  # saved index versions kept in the database

Progress = Callable[[str], None]


def latest_index() -> EngineIndex | None:
    """The newest saved index (without loading its blob)."""
    return db.session.scalar(select(EngineIndex).order_by(EngineIndex.version.desc()).limit(1))


def as_aware(value: datetime | None) -> datetime:
    """SQLite hands back naive UTC datetimes; PostgreSQL aware ones."""
    if value is None:
        return datetime.min.replace(tzinfo=UTC)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def engine_stamp() -> str:
    """The running code's engine fingerprint, as it leads a data stamp."""
    from matching.fingerprint import engine_fingerprint

    return f"e{engine_fingerprint()}"


def data_stamp() -> str:
    """What an index is built from: the engine's code (its fingerprint: glossary, stop words,
    analyser and scoring constants, ENGINE_REVISION), then counts and latest change of
    everything matchable and the weights' version; differs when any of them changed."""
    p = db.session.execute(select(func.count(Pitch.id), func.max(Pitch.updated_at))).one()
    q = db.session.execute(
        select(func.count(InvestorProfile.id), func.max(InvestorProfile.updated_at))).one()
    active_users = db.session.scalar(select(func.count(User.id)).where(User.active.is_(True)))
    settings_version = db.session.scalar(select(EngineSettings.version).where(
        EngineSettings.id == 1)) or 0

    def moment(value) -> str:
        return str(value)[:26] if value is not None else "-"

    return (f"{engine_stamp()}|p{p[0]}@{moment(p[1])}|i{q[0]}@{moment(q[1])}"
            f"|u{active_users}|w{settings_version}")[:200]


def built_by_other_engine(index: EngineIndex | None) -> bool:
    """The index was fitted by code with another fingerprint (before an upgrade that changed
    the glossary, the analyser or the scoring; an index saved before fingerprints counts)."""
    if index is None:
        return False
    return (index.data_stamp or "").split("|", 1)[0] != engine_stamp()


def is_stale() -> bool:
    """True when there is no index, or the data or the engine's code changed since the last
    one was built.

    Until the rebuild (`flask matching rebuild --if-stale` after a deployment, or the admin's
    button) the app keeps serving the newest index, as while any rebuild runs: pages read its
    stored scores, and a saved pitch or profile is scored against its vocabulary.
    """
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
            if as_aware(updated) > started - SYNC_MARGIN:
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
        cache = engine_cache()
        with cache.lock:
            cache.engine, cache.version, cache.synced_at = engine, version, started
            cache.checked = time.monotonic()
            cache.applied = versions
    else:
        forget_engine()
    return {"version": version, "pitches": len(pitches), "investors": len(investors),
            # the build time stored with the index: one build, one time on the admin's page
            "scores": n_scores, "seconds": index.seconds,
            "learning": learning}


REBUILD_STEPS = ("records", "fit", "investors", "pitches", "stored")
