"""Saved pairs to come back to: an investor's saved pitches and the pitches they marked
interested, with their scores, and the investors a founder saved or marked "not for me", to
find and undo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from flask import current_app
from sqlalchemy import and_, bindparam, exists, or_, select
from sqlalchemy.orm import aliased, lazyload

from app.extensions import db
from app.models import Interest, InvestorProfile, MatchScore, Pitch, User
from app.services import paging


# Built once per kind with the investor bound at execution (see app.services.recommendations).
@lru_cache(maxsize=2)
def _marked_select(kind: str):
    mine, founders = aliased(Interest), aliased(Interest)
    owner = aliased(User)
    founder_said_no = exists().where(
        founders.pitch_id == Pitch.id, founders.investor_profile_id == bindparam("investor_id"),
        founders.side == "founder", founders.kind == "not_for_me")
    return (
        select(Pitch)
        .join(mine, and_(mine.pitch_id == Pitch.id,
                         mine.investor_profile_id == bindparam("investor_id"),
                         mine.side == "investor", mine.kind == kind))
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
    return paging.paginate(_marked_select("saved"), page, per_page, {"investor_id": profile_id})


def interested_page(profile_id: int, page: int = 1, per_page: int | None = None):
    """One page (Pagination of Pitch) of the pitches the investor marked interested, last
    marked first: those waiting for the founder's answer and the mutual matches. Marking
    interest takes a pitch off the saved list, and it had no list of its own to be found
    on again but the ranked recommendations."""
    per_page = per_page or current_app.config.get("PITCHES_PER_PAGE", 20)
    return paging.paginate(_marked_select("interested"), page, per_page,
                           {"investor_id": profile_id})


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


@dataclass
class FounderMark:
    """An investor a founder answered (saved, marked "not for me" or interested) for one of
    their pitches; `kind` is the answer."""

    pitch: Pitch
    profile: InvestorProfile
    since: datetime
    kind: str = ""


def founder_marked(owner_id: int, kind: str) -> list[FounderMark]:
    """The investors the founder marked `kind` ("saved" or "not_for_me") on their pitches,
    pitch by pitch (newest pitch first), last marked first within a pitch. Pairs with an
    active investor of an active account, whatever the pitch's state: a founder takes back
    an answer on a draft or hidden pitch too (services/interest.clear); a saved pair the
    investor turned down is left out, as it is from both sides' lists."""
    investors = aliased(Interest)
    query = _founder_marks(kind).where(Pitch.owner_id == owner_id)
    if kind == "saved":
        query = query.where(~exists().where(
            investors.pitch_id == Interest.pitch_id,
            investors.investor_profile_id == Interest.investor_profile_id,
            investors.side == "investor", investors.kind == "not_for_me"))
    return [FounderMark(p, q, since, k) for p, q, since, k in db.session.execute(query).unique()]


def founder_answers(pitch_id: int, kinds: tuple[str, ...]) -> list[FounderMark]:
    """The founder's answers of `kinds` on one pitch, last first (active investors only)."""
    query = _founder_marks(*kinds).where(Pitch.id == pitch_id)
    return [FounderMark(p, q, since, k) for p, q, since, k in db.session.execute(query).unique()]


def _founder_marks(*kinds: str):
    account = aliased(User)
    return (
        select(Pitch, InvestorProfile, Interest.updated_at, Interest.kind)
        .join(Interest, and_(Interest.pitch_id == Pitch.id, Interest.side == "founder",
                             Interest.kind.in_(kinds)))
        .join(InvestorProfile, InvestorProfile.id == Interest.investor_profile_id)
        .outerjoin(account, account.id == InvestorProfile.user_id)
        .where(InvestorProfile.active.is_(True),
               or_(account.id.is_(None), account.active.is_(True)))
        .order_by(Pitch.updated_at.desc(), Pitch.id.desc(), Interest.updated_at.desc(),
                  InvestorProfile.id.desc())
    )
