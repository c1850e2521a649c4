"""An investor's saved pitches: those they marked "save" to come back to, with their scores."""

from __future__ import annotations

from functools import lru_cache

from flask import current_app
from sqlalchemy import and_, bindparam, exists, select
from sqlalchemy.orm import aliased, lazyload

from app.extensions import db
from app.models import Interest, MatchScore, Pitch, User
from app.services import paging


# Built once with the investor bound at execution (see app.services.recommendations).
@lru_cache(maxsize=1)
def _saved_select():
    mine, founders = aliased(Interest), aliased(Interest)
    owner = aliased(User)
    founder_said_no = exists().where(
        founders.pitch_id == Pitch.id, founders.investor_profile_id == bindparam("investor_id"),
        founders.side == "founder", founders.kind == "not_for_me")
    return (
        select(Pitch)
        .join(mine, and_(mine.pitch_id == Pitch.id,
                         mine.investor_profile_id == bindparam("investor_id"),
                         mine.side == "investor", mine.kind == "saved"))
        .join(owner, Pitch.owner_id == owner.id)
        # what the investor may still answer: visible, owner active, and the founder has
        # not turned the pair down (that removes it from both sides' lists)
        .where(Pitch.status == "published", Pitch.hidden.is_(False), owner.active.is_(True),
               ~founder_said_no)
        .options(lazyload(Pitch.owner))
        .order_by(mine.updated_at.desc(), Pitch.id.desc())
    )


def saved_page(profile_id: int, page: int = 1, per_page: int | None = None):
    """One page (Pagination of Pitch) of the investor's saved pitches, last saved first."""
    per_page = per_page or current_app.config.get("PITCHES_PER_PAGE", 20)
    return paging.paginate(_saved_select(), page, per_page, {"investor_id": profile_id})


def scores_of(profile_id: int, pitch_ids: list[int]) -> dict[int, MatchScore]:
    """{pitch id: stored score} for those of the pitches the engine scored for the investor
    (a rebuild keeps each investor's best pitches only, so some have none)."""
    if not pitch_ids:
        return {}
    rows = db.session.scalars(
        select(MatchScore).where(MatchScore.investor_profile_id == profile_id,
                                 MatchScore.pitch_id.in_(pitch_ids))
        .options(lazyload(MatchScore.pitch), lazyload(MatchScore.investor)))
    return {row.pitch_id: row for row in rows}
