"""Mutual matches: pairs both sides marked "interested", as each side lists them and as
the contact rules ask for them (`app.services.contacts`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import and_, bindparam, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.models import Interest, InvestorProfile, Pitch, User
from app.services.contacts import departure, other_side_ids
from app.services.pitch_access import withdrawn_for


def is_mutual(pitch_id: int, investor_id: int) -> bool:
    """Both sides marked the pair "interested"."""
    rows = db.session.scalars(_INTERESTED_SIDES, {"pitch_id": pitch_id,
                                                  "investor_id": investor_id}).all()
    return {"founder", "investor"} <= set(rows)


# Built once, the ids bound at execution: every answer asks it.
_INTERESTED_SIDES = select(Interest.side).where(
    Interest.pitch_id == bindparam("pitch_id"),
    Interest.investor_profile_id == bindparam("investor_id"), Interest.kind == "interested")



@dataclass
class MutualMatch:
    """A mutual match as one side sees it. `withdrawn`: the viewer may no longer read the
    pitch (its founder made it a draft again, or staff hid it), so nothing of it may be
    shown but that (`app.services.pitch_access`); the contact details the two agreed to
    share stay. `left`: the other side left Koble, "deleted" or "inactive"
    (`contacts.departure`), and has no contact details to share any more."""

    pitch: Pitch
    profile: InvestorProfile
    since: object
    withdrawn: bool = False
    left: str | None = None


def mutual_matches(user) -> list[MutualMatch]:
    """Every mutual match of a founder (over their pitches) or an investor, newest first."""
    founder_mark, investor_mark = aliased(Interest), aliased(Interest)
    query = (
        select(Pitch, InvestorProfile, founder_mark.updated_at, investor_mark.updated_at)
        .join(founder_mark, founder_mark.pitch_id == Pitch.id)
        .join(investor_mark, and_(investor_mark.pitch_id == Pitch.id,
                                  investor_mark.investor_profile_id
                                  == founder_mark.investor_profile_id))
        .join(InvestorProfile, InvestorProfile.id == founder_mark.investor_profile_id)
        .where(founder_mark.side == "founder", founder_mark.kind == "interested",
               investor_mark.side == "investor", investor_mark.kind == "interested")
    )
    if user.role == "founder":
        query = query.where(Pitch.owner_id == user.id)
    elif user.role == "investor":
        query = query.join(User, User.id == InvestorProfile.user_id).where(User.id == user.id)
    else:
        return []
    out = [MutualMatch(p, q, max(a, b), withdrawn_for(user, p),
                       departure(q.user if user.role == "founder" else p.owner))
           for p, q, a, b in db.session.execute(query).unique()]
    out.sort(key=lambda m: (str(m.since), m.pitch.id), reverse=True)
    return out


def mutual_interest_partners(user, others) -> set[int]:
    """The ids of those among `others` (users) who share a mutual match with `user`: a
    founder's investors, an investor's founders; one query for the whole list (an agenda
    asked once per meeting)."""
    ids = other_side_ids(user, others)
    if not ids:
        return set()
    return set(db.session.scalars(_partners_select(user.role),
                                  {"user_id": user.id, "ids": sorted(ids)}))


@lru_cache(maxsize=2)
def _partners_select(role: str):
    """mutual_interest_partners' select for a founder or an investor, built once with the
    ids bound at execution: a match card with both sides interested asks it
    (contacts.can_see_contacts), and building it (two Interest aliases, three joins) and its
    cache key cost more CPU than running it."""
    founder_mark, investor_mark = aliased(Interest), aliased(Interest)
    if role == "founder":
        mine, theirs = Pitch.owner_id == bindparam("user_id"), InvestorProfile.user_id
    else:
        mine, theirs = InvestorProfile.user_id == bindparam("user_id"), Pitch.owner_id
    return (
        select(theirs).distinct()
        .select_from(founder_mark)
        .join(investor_mark, and_(investor_mark.pitch_id == founder_mark.pitch_id,
                                  investor_mark.investor_profile_id
                                  == founder_mark.investor_profile_id))
        .join(Pitch, Pitch.id == founder_mark.pitch_id)
        .join(InvestorProfile, InvestorProfile.id == founder_mark.investor_profile_id)
        .where(founder_mark.side == "founder", founder_mark.kind == "interested",
               investor_mark.side == "investor", investor_mark.kind == "interested",
               mine, theirs.in_(bindparam("ids", expanding=True)))
    )
