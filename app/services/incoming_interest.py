"""Interest the other side has shown, whatever the engine's ranking says.

A founder sees the twenty best-ranked investors of a pitch and an investor a page of
recommended pitches; interest from further down (or from a pair the engine never scored)
would be invisible there. These lists show it so it can be answered, and say where a user
stands on a pitch or an investor's page, where they can answer too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, bindparam, or_, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.models import Interest, InvestorProfile, MatchScore, Pitch, User
from app.services import records
from app.services.interest import current_mark, investor_profile_of


@dataclass
class Incoming:
    """The other side is interested in a pair; the viewer's own answer (None, "saved" or
    "interested": "not for me" is left out) and the stored score, if any."""

    pitch: Pitch
    profile: InvestorProfile
    mine: str | None
    score: float | None
    since: datetime

    @property
    def mutual(self) -> bool:
        """Both sides are interested."""
        return self.mine == "interested"


def _ordered(rows) -> list[Incoming]:
    # unanswered first (what waits for the viewer), newest interest first within each
    out = list(rows)
    out.sort(key=lambda r: (str(r.since), r.pitch.id, r.profile.id), reverse=True)
    out.sort(key=lambda r: r.mutual)
    return out


def _pair(theirs, mine, side: str, other: str):
    """Joins of the other side's interest and the viewer's own mark on the same pair."""
    return (and_(theirs.pitch_id == Pitch.id, theirs.investor_profile_id == InvestorProfile.id,
                 theirs.side == other, theirs.kind == "interested"),
            and_(mine.pitch_id == theirs.pitch_id,
                 mine.investor_profile_id == theirs.investor_profile_id, mine.side == side))


def _score_join():
    return and_(MatchScore.pitch_id == Pitch.id,
                MatchScore.investor_profile_id == InvestorProfile.id)


@dataclass(frozen=True)
class _Direction:
    """Whose interest reaches whom: the viewer's side and record (the anchor), and the other
    side's records listed with what makes one visible."""

    side: str
    other: str
    anchor: type
    listed: type
    anchor_key: str  # the Interest column naming the anchor
    listed_owner: ColumnElement  # the user column of a listed record
    listed_visible: tuple[ColumnElement, ...]
    incoming: Callable[[object, object, str | None, float | None, datetime], Incoming]


_TO_FOUNDER = _Direction(
    "founder", "investor", Pitch, InvestorProfile, "pitch_id",
    InvestorProfile.user_id, (InvestorProfile.active.is_(True),),
    lambda pitch, profile, mine, score, since: Incoming(pitch, profile, mine, score, since))

_TO_INVESTOR = _Direction(
    "investor", "founder", InvestorProfile, Pitch, "investor_profile_id",
    Pitch.owner_id, (Pitch.visible_clause(),),
    lambda profile, pitch, mine, score, since: Incoming(pitch, profile, mine, score, since))


# Built once per direction, the anchor's id bound at execution: the recommendation pages
# ask on every build, and building the select (two aliases, five joins) and its cache key
# cost more CPU than running it.
_SELECTS: dict[str, object] = {}


def _interested_select(way: _Direction):
    found = _SELECTS.get(way.side)
    if found is not None:
        return found
    theirs, mine = aliased(Interest), aliased(Interest)
    join_theirs, join_mine = _pair(theirs, mine, way.side, way.other)
    found = _SELECTS[way.side] = (
        select(way.listed, mine.kind, MatchScore.score, theirs.updated_at)
        .select_from(way.anchor)
        .join(theirs, getattr(theirs, way.anchor_key) == way.anchor.id)
        .join(way.listed, join_theirs)
        .outerjoin(User, User.id == way.listed_owner)
        .outerjoin(mine, join_mine)
        .outerjoin(MatchScore, _score_join())
        .where(way.anchor.id == bindparam("anchor_id"), *way.listed_visible,
               or_(User.id.is_(None), User.active.is_(True)),
               or_(mine.kind.is_(None), mine.kind != "not_for_me"))
    )
    return found


def _interested_in(way: _Direction, anchor) -> list[Incoming]:
    """The other side's active, visible records interested in the anchor, unless the viewer
    said "not for me" to them."""
    rows = db.session.execute(_interested_select(way), {"anchor_id": anchor.id}).unique()
    return _ordered(way.incoming(anchor, listed, kind, score, since)
                    for listed, kind, score, since in rows)


def investors_interested_in(pitch: Pitch) -> list[Incoming]:
    """Active investors interested in the pitch, unless its founder said "not for me"."""
    return _interested_in(_TO_FOUNDER, pitch)


def pitches_interested_in(profile: InvestorProfile) -> list[Incoming]:
    """Visible pitches of active founders interested in the investor, unless the investor
    said "not for me"."""
    return _interested_in(_TO_INVESTOR, profile)


@dataclass
class Standing:
    """Where the viewer stands on one pair, for the answer buttons of a detail page."""

    pitch: Pitch
    profile: InvestorProfile
    mine: str | None
    theirs: str | None

    @property
    def mutual(self) -> bool:
        """Both sides are interested."""
        return self.mine == "interested" and self.theirs == "interested"


def _standing(side: str, pitch: Pitch, profile: InvestorProfile) -> Standing:
    other = "investor" if side == "founder" else "founder"
    mine, theirs = current_mark(side, pitch.id, profile.id), current_mark(other, pitch.id,
                                                                          profile.id)
    return Standing(pitch, profile, mine.kind if mine else None,
                    theirs.kind if theirs else None)


@dataclass
class InvestorAnswer:
    """An investor on a pitch's page: their profile (None: none yet), whether they can
    answer, and where they stand."""

    profile: InvestorProfile | None
    can_answer: bool
    standing: Standing | None


def investor_answer(user, pitch: Pitch) -> InvestorAnswer:
    """What an investor's answer buttons on a pitch's page need."""
    profile = investor_profile_of(user)
    if profile is None or not records.is_matchable_investor(profile):
        return InvestorAnswer(profile, False, None)
    if not records.is_matchable_pitch(pitch):
        return InvestorAnswer(profile, False, None)
    return InvestorAnswer(profile, True, _standing("investor", pitch, profile))


def founder_answers(user, profile: InvestorProfile) -> list[Standing] | None:
    """A founder on an investor's page: where each of their published pitches stands with
    the investor (None when the investor cannot be answered)."""
    if not records.is_matchable_investor(profile):
        return None
    mine = db.session.scalars(select(Pitch).where(
        Pitch.owner_id == user.id, Pitch.visible_clause())
        .order_by(Pitch.updated_at.desc(), Pitch.id.desc())).unique()
    return [_standing("founder", p, profile) for p in mine if records.is_matchable_pitch(p)]
