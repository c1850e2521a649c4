"""One record's stored scores, rewritten when it changes: `refresh_pitch()` /
`refresh_investor()` upsert the pitch or profile into the loaded engine (no refit,
`app.services.loaded_engine`) and rewrite that row's scores: milliseconds, so they run
inline from the save signals (`init_app`). A deleted pitch leaves the loaded engine
(`remove_pitch`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True)
class _Side:
    """A refreshed record's side of the stored scores: how the loaded engine and the
    match_score table name it and the other side it is scored against. `name` keys the
    cache's `applied` versions ("pitch" or "investor"); the engine's methods are named by
    string, as the engine holds them."""

    name: str
    engine_id: Callable[[Any], str]
    matchable: Callable[[Any], bool]
    record: Callable[[Any], Any]
    excluded: Callable[[int], set[str]]  # the other side's engine ids this one never meets
    own_column: Any  # MatchScore column holding this side's id
    other_column: Any  # ... and the other side's
    upsert: str
    remove: str
    other_index: str  # the engine's index of the other side (its size bounds the scan)
    top: str  # the engine's best-of-the-other-side query
    other_id: str  # a result's attribute naming the other side's engine id


_PITCH = _Side("pitch", records.pitch_id, records.is_matchable_pitch, records.pitch_record,
               exclusions.excluded_investors, MatchScore.pitch_id,
               MatchScore.investor_profile_id, upsert="upsert_pitch", remove="remove_pitch",
               other_index="investor_index_", top="top_investors", other_id="investor_id")
_INVESTOR = _Side("investor", records.investor_id, records.is_matchable_investor,
                  records.investor_record, exclusions.excluded_pitches,
                  MatchScore.investor_profile_id, MatchScore.pitch_id,
                  upsert="upsert_investor", remove="remove_investor",
                  other_index="pitch_index_", top="top_pitches", other_id="pitch_id")


def refresh_pitch(pitch: Pitch, k: int = TOP_K) -> int:
    """Re-score one pitch against every investor with the loaded index (no refit).

    Keeps the pitch's own top k, and any pair that now makes an investor's stored top k.
    Returns how many scores are stored for the pitch.
    """
    return _refresh(_PITCH, pitch, k)


def refresh_investor(profile: InvestorProfile, k: int = TOP_K) -> int:
    """Re-score one investor against every pitch with the loaded index (no refit), as
    `refresh_pitch` does a pitch."""
    return _refresh(_INVESTOR, profile, k)


def _refresh(side: _Side, row, k: int) -> int:
    engine = get_engine(force=True)
    engine_id = side.engine_id(row)
    applied = (side.name, row.id)
    db.session.execute(delete(MatchScore).where(side.own_column == row.id))
    if engine is None or not side.matchable(row):
        if engine is not None:
            with engine_cache().lock:
                remove_quietly(getattr(engine, side.remove), engine_id)
                # matchable again at the same version (a founder's or investor's role
                # changed back): upsert it then
                engine_cache().applied.pop(applied, None)
        db.session.commit()
        return 0
    with engine_cache().lock:
        if engine_cache().applied.get(applied) != row.version:  # not caught up yet
            getattr(engine, side.upsert)(side.record(row))
            engine_cache().applied[applied] = row.version
        n = _scan_size(len(getattr(engine, side.other_index)))
        excluded = side.excluded(row.id)
        results = getattr(engine, side.top)(engine_id, k=max(n, k), exclude=excluded)
    keep = results[:k]
    rest = results[k:]
    if rest:
        low = _thresholds(side.other_column,
                          [int(getattr(r, side.other_id)) for r in rest], k)
        keep += [r for r in rest if r.score > low.get(int(getattr(r, side.other_id)), 0.0)]
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
