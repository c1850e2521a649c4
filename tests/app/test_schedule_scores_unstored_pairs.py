"""The schedule scores the participants' pairs that have no stored score with the loaded
engine: only each pitch's and each investor's best 50 scores are stored, and the invitation
proposal invites people ranked outside both lists, who then came and got no meeting."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from app.extensions import db
from app.models import Interest, MatchScore, Meeting
from app.services import recommendations
from app.services import schedule as schedule_service
from tests.factories import make_arena, make_invitation


def _come(market, pitch: str, investor: str):
    """An arena where the pitch's founder and the investor accepted; the pair's stored
    score deleted, as a pair outside both top lists has none."""
    arena = make_arena()
    make_invitation(arena, market[pitch].owner, state="accepted", pitch_id=market[pitch].id)
    make_invitation(arena, market[investor].user, state="accepted")
    stored = recommendations.score_for(market[pitch].id, market[investor].id)
    db.session.execute(delete(MatchScore).where(
        MatchScore.pitch_id == market[pitch].id,
        MatchScore.investor_profile_id == market[investor].id))
    db.session.commit()
    return arena, stored


def _meetings(arena) -> list[Meeting]:
    db.session.expire_all()
    return list(db.session.query(Meeting).filter_by(arena_id=arena.id, state="scheduled"))


def test_an_accepted_pair_without_a_stored_score_meets(market, staff):
    arena, stored = _come(market, "solar", "solar_investor")
    assert stored is not None and stored.score > 0
    counts = schedule_service.build(staff, arena)
    assert counts["suggestion"] == 1
    [meeting] = _meetings(arena)
    assert meeting.investor_user_id == market["solar_investor"].user_id
    assert meeting.source == "suggestion"
    assert meeting.value == pytest.approx(stored.score, abs=1e-6)  # the engine's own score


def test_not_for_me_still_keeps_an_unstored_pair_apart(market, staff):
    arena, _stored = _come(market, "solar", "solar_investor")
    db.session.add(Interest(pitch_id=market["solar"].id,
                            investor_profile_id=market["solar_investor"].id,
                            user_id=market["solar_investor"].user_id, side="investor",
                            kind="not_for_me"))
    db.session.commit()
    assert schedule_service.build(staff, arena)["total"] == 0
    assert _meetings(arena) == []


def test_a_hard_filter_still_keeps_an_unstored_pair_apart(market, staff):
    # an investor who requires green pitches, and a pitch that names no green objective
    market["solar_investor"].green_mandate = "required"
    db.session.commit()
    arena, _stored = _come(market, "health", "solar_investor")
    assert schedule_service.build(staff, arena)["total"] == 0
