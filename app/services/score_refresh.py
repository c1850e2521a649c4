"""One record's stored scores, rewritten when it changes: `refresh_pitch()` /
`refresh_investor()` upsert the pitch or profile into the loaded engine (no refit,
`app.services.loaded_engine`) and rewrite that row's scores: milliseconds, so they run
inline from the save signals (`init_app`). A deleted pitch leaves the loaded engine
(`remove_pitch`).
"""

from __future__ import annotations

from flask import Flask, current_app
from sqlalchemy import delete, func, select

from app.extensions import db
from app.models import InvestorProfile, MatchScore, Pitch
from app.models.user import utcnow
from app.services import exclusions, records, score_store
from app.services.engine_index import TOP_K
from app.services.loaded_engine import engine_cache, get_engine, remove_quietly


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
            with engine_cache().lock:
                remove_quietly(engine.remove_pitch, pid)
                # matchable again at the same version (its founder's role changed back):
                # upsert it then
                engine_cache().applied.pop(("pitch", pitch.id), None)
        db.session.commit()
        return 0
    with engine_cache().lock:
        if engine_cache().applied.get(("pitch", pitch.id)) != pitch.version:  # not caught up yet
            engine.upsert_pitch(records.pitch_record(pitch))
            engine_cache().applied[("pitch", pitch.id)] = pitch.version
        n = _scan_size(len(engine.investor_index_))
        excluded = exclusions.excluded_investors(pitch.id)
        results = engine.top_investors(pid, k=max(n, k), exclude=excluded)
    keep = results[:k]
    rest = results[k:]
    if rest:
        low = _thresholds(MatchScore.investor_profile_id,
                          [int(r.investor_id) for r in rest], k)
        keep += [r for r in rest if r.score > low.get(int(r.investor_id), 0.0)]
    version = engine_cache().version or 0
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
            with engine_cache().lock:
                remove_quietly(engine.remove_investor, qid)
                engine_cache().applied.pop(("investor", profile.id), None)
        db.session.commit()
        return 0
    with engine_cache().lock:
        if engine_cache().applied.get(("investor", profile.id)) != profile.version:
            engine.upsert_investor(records.investor_record(profile))
            engine_cache().applied[("investor", profile.id)] = profile.version
        n = _scan_size(len(engine.pitch_index_))
        excluded = exclusions.excluded_pitches(profile.id)
        results = engine.top_pitches(qid, k=max(n, k), exclude=excluded)
    keep = results[:k]
    rest = results[k:]
    if rest:
        low = _thresholds(MatchScore.pitch_id, [int(r.pitch_id) for r in rest], k)
        keep += [r for r in rest if r.score > low.get(int(r.pitch_id), 0.0)]
    version = engine_cache().version or 0
    score_store.bulk_insert([score_store.row_of(r, version, utcnow()) for r in keep])
    db.session.commit()
    return len(keep)


def remove_pitch(pitch_id: int) -> None:
    """A pitch was deleted: drop it from the loaded engine (its scores go with the row)."""
    cache = engine_cache()
    if cache.engine is not None:
        with cache.lock:
            remove_quietly(cache.engine.remove_pitch, str(pitch_id))
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
