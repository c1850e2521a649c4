"""Reading stored match scores: a pitch's best investors and an investor's best pitches,
best first, with people's filters ("not for me", "met before") and visibility applied."""

from __future__ import annotations

from functools import lru_cache

from flask import current_app
from sqlalchemy import and_, bindparam, exists, select
from sqlalchemy.orm import aliased, contains_eager, raiseload

from app.extensions import db
from app.models import Interest, InvestorProfile, MatchScore, Pitch, User
from app.services import paging
from app.services.exclusions import not_excluded as _not_excluded


def _columns(model, names) -> tuple:
    return tuple(getattr(model, name) for name in names)


# The two reading queries are built once per column set, with the ids bound at execution:
# building one (joins, options, the exclusion subquery) costs more CPU than running it.
@lru_cache(maxsize=16)
def _investors_select(columns: tuple[str, ...] | None):
    owner = aliased(User)
    investor = contains_eager(MatchScore.investor)
    if columns:
        investor = investor.load_only(*_columns(InvestorProfile, columns))
    return (
        select(MatchScore)
        .join(InvestorProfile, MatchScore.investor_profile_id == InvestorProfile.id)
        .join(owner, InvestorProfile.user_id == owner.id)
        .where(MatchScore.pitch_id == bindparam("pitch_id"),
               InvestorProfile.active.is_(True), owner.active.is_(True),
               owner.role == "investor", _not_excluded())
        .options(investor, investor.lazyload(InvestorProfile.user),
                 raiseload(MatchScore.pitch))
        .order_by(MatchScore.score.desc(), MatchScore.investor_profile_id)
        .limit(bindparam("k"))
    )


@lru_cache(maxsize=16)
def _pitches_select(columns: tuple[str, ...] | None):
    owner = aliased(User)
    found = contains_eager(MatchScore.pitch)
    if columns:
        found = found.load_only(*_columns(Pitch, columns))
    return (
        select(MatchScore)
        .join(Pitch, MatchScore.pitch_id == Pitch.id)
        .join(owner, Pitch.owner_id == owner.id)
        .where(MatchScore.investor_profile_id == bindparam("investor_id"),
               owner.active.is_(True), owner.role == "founder", _not_excluded())
        .options(found, found.lazyload(Pitch.owner), raiseload(MatchScore.investor))
        .order_by(MatchScore.score.desc(), MatchScore.pitch_id)
    )


def recommended_investors(pitch: Pitch, k: int = 20,
                          columns: tuple[str, ...] | None = None) -> list[MatchScore]:
    """The pitch's best investors from stored scores: active, not excluded, best first.

    Each score comes with its investor profile (only `columns` of it, when given; the rest
    loads on access); the profile's user loads on access, the pitch is not loaded.
    """
    query = _investors_select(tuple(columns) if columns else None)
    return list(db.session.scalars(query, {"pitch_id": pitch.id, "k": k}))


def recommended_pitches(profile: InvestorProfile, filters: dict | None = None, page: int = 1,
                        per_page: int | None = None, columns: tuple[str, ...] | None = None,
                        without_incoming: bool = False):
    """One page (Pagination of MatchScore) of the investor's best visible pitches.

    `filters` are the browse page's (text, sector, stage, municipality, objective, ask_min,
    ask_max); the order is always by score. Each score comes with its pitch (only `columns`
    of it, when given); the pitch's owner loads on access, the investor is not loaded.
    `without_incoming`: leave out the pitches whose founder is interested in the investor
    (the investor's home lists them above the ranking, under "Interested in you"); the
    total and the pages then count only the others.
    """
    per_page = per_page or current_app.config.get("PITCHES_PER_PAGE", 20)
    wanted = tuple(sorted((k, v) for k, v in (filters or {}).items() if k != "sort"))
    query = _filtered_pitches_select(tuple(columns) if columns else None, wanted,
                                     without_incoming)
    # the total comes with the page's rows
    return paging.paginate(query, page, per_page, {"investor_id": profile.id})


def _founder_not_interested():
    """SQL condition on MatchScore: the pitch's founder has not marked the pair interested."""
    return ~exists().where(Interest.pitch_id == MatchScore.pitch_id,
                           Interest.investor_profile_id == MatchScore.investor_profile_id,
                           Interest.side == "founder", Interest.kind == "interested")


@lru_cache(maxsize=256)
def _filtered_pitches_select(columns: tuple[str, ...] | None, filters: tuple,
                             without_incoming: bool = False):
    """_pitches_select() with the browse filters' conditions, kept per filter values (most
    views are unfiltered or use a few sector/stage filters): the same statement object is
    reused, so its cache key is not computed again on each execution."""
    from app.services.pitch_search import search_query

    condition = search_query(**dict(filters)).whereclause
    query = _pitches_select(columns)
    if without_incoming:
        query = query.where(_founder_not_interested())
    return query if condition is None else query.where(condition)


def score_for(pitch_id: int, investor_id: int) -> MatchScore | None:
    """The stored score of one pair, if any."""
    return db.session.scalar(select(MatchScore).where(
        and_(MatchScore.pitch_id == pitch_id, MatchScore.investor_profile_id == investor_id)))
