"""The engine's hard filters that come from people, not profiles.

A pair (pitch, investor profile) is never recommended when either side said "not for me"
about it, or when the two have met before: a scheduled 1:1 meeting between the pitch's
founder and the investor at an arena that has taken place (Arena.held: its end has passed
or staff marked it done, so from 16:01 for an arena that ended at 16:00) and whose schedule
staff published: a draft's meetings were never shown to the two, so they did not meet.
Recommendations are for finding someone new; people who have met already find each other
under their matches and meetings. A meeting where staff marked either person
absent does not count.

Pairs use the engine's ids: (str(pitch id), str(investor profile id)).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import exists, or_, select

from app.extensions import db
from app.models import Arena, Interest, InvestorProfile, Invitation, MatchScore, Meeting

Pair = tuple[str, str]


def _both_came():
    """SQL condition on Meeting: staff did not mark either person absent from the arena."""
    return ~exists().where(
        Invitation.arena_id == Meeting.arena_id,
        or_(Invitation.user_id == Meeting.founder_user_id,
            Invitation.user_id == Meeting.investor_user_id),
        Invitation.attended.is_(False))


def _met_query(now: datetime | None = None):
    return (select(Meeting.pitch_id, InvestorProfile.id)
            .join(Arena, Arena.id == Meeting.arena_id)
            .join(InvestorProfile, InvestorProfile.user_id == Meeting.investor_user_id)
            .where(Meeting.state == "scheduled", Meeting.pitch_id.is_not(None),
                   Arena.held_sql(now), Arena.schedule_published, _both_came()))


def _among(query, pitch_column, investor_column, pitch_ids, investor_ids):
    """`query` kept to the given pitch and investor profile ids (None: any)."""
    if pitch_ids is not None:
        query = query.where(pitch_column.in_(list(pitch_ids)))
    if investor_ids is not None:
        query = query.where(investor_column.in_(list(investor_ids)))
    return query


def met_before_pairs(pitch_ids: Collection[int] | None = None,
                     investor_ids: Collection[int] | None = None, now: datetime | None = None,
                     other_than_arena: int | None = None) -> set[tuple[int, int]]:
    """(pitch id, profile id) of pairs whose founder and investor met at a held arena with a
    published schedule (other than `other_than_arena`), among the given ids, as of `now`
    (the real clock when None)."""
    query = _met_query(now)
    if other_than_arena is not None:
        query = query.where(Meeting.arena_id != other_than_arena)
    query = _among(query, Meeting.pitch_id, InvestorProfile.id, pitch_ids, investor_ids)
    return set(db.session.execute(query).tuples().all())


def not_for_me_pairs(pitch_ids: Collection[int] | None = None,
                     investor_ids: Collection[int] | None = None) -> set[tuple[int, int]]:
    """(pitch id, profile id) of pairs either side marked "not for me", among the given ids."""
    query = select(Interest.pitch_id, Interest.investor_profile_id).where(
        Interest.kind == "not_for_me")
    query = _among(query, Interest.pitch_id, Interest.investor_profile_id, pitch_ids,
                   investor_ids)
    return set(db.session.execute(query).tuples().all())


def _pairs(pitch_id: int | None = None, investor_id: int | None = None
           ) -> set[tuple[int, int]]:
    pitches = None if pitch_id is None else (pitch_id,)
    investors = None if investor_id is None else (investor_id,)
    return not_for_me_pairs(pitches, investors) | met_before_pairs(pitches, investors)


def excluded_pairs() -> set[Pair]:
    """Every pair the engine must leave out."""
    return {(str(p), str(i)) for p, i in _pairs()}


def excluded_investors(pitch_id: int) -> set[str]:
    """Investor ids this pitch must not be matched with."""
    return {str(i) for _p, i in _pairs(pitch_id=pitch_id)}


def excluded_pitches(investor_id: int) -> set[str]:
    """Pitch ids this investor must not be matched with."""
    return {str(p) for p, _i in _pairs(investor_id=investor_id)}


def not_excluded():
    """SQL condition on MatchScore rows: the pair is not filtered out by people."""
    said_no = exists().where(
        Interest.pitch_id == MatchScore.pitch_id,
        Interest.investor_profile_id == MatchScore.investor_profile_id,
        Interest.kind == "not_for_me")
    met = _met_query().where(Meeting.pitch_id == MatchScore.pitch_id,
                             InvestorProfile.id == MatchScore.investor_profile_id).exists()
    return ~said_no & ~met
