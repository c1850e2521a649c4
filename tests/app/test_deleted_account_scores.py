"""Deleting an account leaves no word of its texts in the stored match scores. A score keeps
the words the pair's texts share (`shared_terms`): after the texts were removed, the deleted
founder's pitch still had them ('batterilagring' of its description) until an administrator
rebuilt the engine. The rows themselves stay, as the interest marks do, for the
associations' counts (tests/app/test_dashboard.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import MatchScore
from app.services import erasure


def _terms(**where) -> list[list[str]]:
    query = select(MatchScore.shared_terms)
    for column, value in where.items():
        query = query.where(getattr(MatchScore, column) == value)
    return list(db.session.scalars(query))


def _other_pitches(pitch_id: int) -> dict:
    return {(m.pitch_id, m.investor_profile_id): m.shared_terms for m in db.session.scalars(
        select(MatchScore).where(MatchScore.pitch_id != pitch_id))}


def _count() -> int:
    return db.session.scalar(select(func.count(MatchScore.id)))


def test_a_deleted_founders_pitch_leaves_no_word_in_the_scores(market):
    solar, before = market["solar"], _count()
    assert "batterilagring" in repr(_terms(pitch_id=solar.id))
    others = _other_pitches(solar.id)
    assert any(others.values())

    erasure.anonymise(market["solar_founder"])

    assert _terms(pitch_id=solar.id) and not any(_terms(pitch_id=solar.id))
    assert "batterilagring" not in repr(_terms())
    assert _count() == before
    assert _other_pitches(solar.id) == others  # the other pairs keep theirs


def test_a_deleted_investors_profile_leaves_no_word_in_the_scores(market):
    profile, before = market["solar_investor"], _count()
    assert any(_terms(investor_profile_id=profile.id))

    erasure.anonymise(profile.user)

    assert _terms(investor_profile_id=profile.id)
    assert not any(_terms(investor_profile_id=profile.id))
    assert _count() == before
