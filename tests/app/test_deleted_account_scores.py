"""Deleting an account takes its pitches and investor profile out of the stored match
scores. A score keeps the words the pair's texts share (`shared_terms`): after the texts
were removed, the deleted founder's pitch still had its rows, with words of its description,
until an administrator rebuilt the engine."""

from __future__ import annotations

from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import MatchScore
from app.services import privacy


def _scores(**where) -> int:
    clauses = [getattr(MatchScore, column) == value for column, value in where.items()]
    return db.session.scalar(select(func.count(MatchScore.id)).where(or_(*clauses)))


def test_a_deleted_founders_pitch_leaves_the_scores_with_its_words(market):
    solar = market["solar"]
    assert _scores(pitch_id=solar.id)
    assert "batterilagring" in repr(db.session.scalars(select(MatchScore.shared_terms)).all())

    privacy.anonymise(market["solar_founder"])

    assert _scores(pitch_id=solar.id) == 0
    assert "batterilagring" not in repr(db.session.scalars(select(MatchScore.shared_terms))
                                        .all())


def test_a_deleted_investors_profile_leaves_the_scores(market):
    profile = market["solar_investor"]
    others = _scores(pitch_id=market["solar"].id)
    assert _scores(investor_profile_id=profile.id)

    privacy.anonymise(profile.user)

    assert _scores(investor_profile_id=profile.id) == 0
    assert _scores(pitch_id=market["solar"].id) == others - 1  # only the deleted pair goes
