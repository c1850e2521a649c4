"""The stored match scores of an arena's founder–investor pairs, keyed by (pitch id,
investor profile id) as MatchScore is."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile, Invitation, MatchScore


def profile_ids(user_ids) -> dict[int, int]:
    """user id → investor profile id."""
    ids = list(user_ids)
    if not ids:
        return {}
    rows = db.session.execute(select(InvestorProfile.user_id, InvestorProfile.id).where(
        InvestorProfile.user_id.in_(ids)))
    return dict(rows.all())


def scores_for(pitch_ids, profile_ids_) -> dict[tuple[int, int], MatchScore]:
    """Stored scores of (pitch, investor profile) pairs among the given ids."""
    pitch_ids, profile_ids_ = [p for p in pitch_ids if p], [q for q in profile_ids_ if q]
    if not pitch_ids or not profile_ids_:
        return {}
    rows = db.session.scalars(select(MatchScore).where(
        MatchScore.pitch_id.in_(pitch_ids), MatchScore.investor_profile_id.in_(profile_ids_)))
    return {(m.pitch_id, m.investor_profile_id): m for m in rows}


def score_values(pitch_ids, profile_ids_) -> dict[tuple[int, int], float]:
    """`scores_for`'s scores alone (no MatchScore objects: loading their explanations took
    over a second for an arena of a few hundred people)."""
    pitch_ids, profile_ids_ = [p for p in pitch_ids if p], [q for q in profile_ids_ if q]
    if not pitch_ids or not profile_ids_:
        return {}
    rows = db.session.execute(select(
        MatchScore.pitch_id, MatchScore.investor_profile_id, MatchScore.score).where(
        MatchScore.pitch_id.in_(pitch_ids), MatchScore.investor_profile_id.in_(profile_ids_)))
    return {(p, q): float(score) for p, q, score in rows}


def match_of(founder_inv: Invitation, investor_inv: Invitation,
             scores: dict | None = None, profiles: dict | None = None) -> MatchScore | None:
    """The stored score of a founder's and an investor's invitations, if any."""
    profiles = profiles if profiles is not None else profile_ids([investor_inv.user_id])
    key = (founder_inv.pitch_id, profiles.get(investor_inv.user_id))
    if scores is None:
        scores = scores_for([key[0]], [key[1]])
    return scores.get(key)
