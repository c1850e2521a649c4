"""The platform funnel's statements: its steps and their labels, the priorities as SQL
conditions (kept equal to invitation_proposal's fit rules by a test), the meetings held, and
the grouped statements of both sides, in full and the interest steps alone. What each step
counts is said in app.services.dashboard_funnel, which makes the page's tables of their rows;
app.services.funnel_counts runs them and keeps the rows.

Both statements read every published pitch and every profile (~50 ms on PostgreSQL at 10,000
pitches and 2,000 profiles, most of it one stored-match look-up per pitch). Their grouped
rows are kept under the site-wide page version; the interest steps, which an interest mark
moves without raising it, are counted again after a minute by two statements that read
only the pitches and profiles with an investor's "interested" (see `funnel_counts.counted`).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import String, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from app.models import (
    Arena,
    Interest,
    InvestorProfile,
    Invitation,
    MatchScore,
    Meeting,
    Pitch,
    User,
)
from app.models.types import has_tag
from app.services.invitation_proposal import EARLY_STAGES, GREEN_MANDATE_WEIGHT
from app.vocabulary import SUPPORT_KINDS

PITCH_STEPS = ("published", "matched", "interested", "mutual", "met")
INVESTOR_STEPS = ("active", "recommended", "interested", "mutual", "met")
PITCH_LABELS = {
    "published": _l("Published pitches"),
    "matched": _l("With a stored match"),
    "interested": _l("An investor is interested"),
    "mutual": _l("Mutual interest"),
    "met": _l("Met an investor at an arena"),
}
INVESTOR_LABELS = {
    "active": _l("Active investor profiles"),
    "recommended": _l("With recommendations"),
    "interested": _l("Interested in a pitch"),
    "mutual": _l("Mutual interest"),
    "met": _l("Met a founder at an arena"),
}
PRIORITIES = ("green", "founder")


# --- the priorities, as SQL (kept equal to invitation_proposal's fit rules by a test)
def _any_tag(column):
    """SQL condition: the TagList column holds at least one key ("|a|…" vs "")."""
    return column.like(literal("|%", String()))


_BEYOND_CAPITAL = tuple(k for k in SUPPORT_KINDS if k != "capital")


def pitch_priority(priority: str):
    """SQL condition: the pitch fits the priority (green: founder_theme_bonus > 0; founder:
    both halves of founder_support_fit > 0)."""
    if priority == "green":
        return _any_tag(Pitch.green_objectives)
    return and_(Pitch.stage.in_(EARLY_STAGES),
                or_(*(has_tag(Pitch.support_needs, k) for k in _BEYOND_CAPITAL)))


def investor_priority(priority: str):
    """SQL condition: the profile fits the priority (green: investor_theme_bonus > 0;
    founder: both halves of investor_support_fit > 0)."""
    if priority == "green":
        mandates = [m for m, weight in GREEN_MANDATE_WEIGHT.items() if weight > 0]
        return or_(InvestorProfile.green_mandate.in_(mandates),
                   _any_tag(InvestorProfile.green_objectives))
    return and_(or_(*(has_tag(InvestorProfile.stages, s) for s in EARLY_STAGES)),
                or_(*(has_tag(InvestorProfile.support_offers, k) for k in _BEYOND_CAPITAL)))



# --- the two statements ---------------------------------------------------------------------
def _flag(condition):
    return case((condition, 1), else_=0)


@lru_cache(maxsize=1)
def _invitations_of_the_two():
    """Two aliases of Invitation, made once: an alias proxies every column of its table when
    first used, ~2 ms of CPU each time held_meetings was called (every member page too)."""
    return aliased(Invitation), aliased(Invitation)


def held_meetings():
    """Conditions on Meeting: scheduled in a published schedule (a draft's meetings were
    never shown to the two), and staff marked both people present."""
    founder_inv, investor_inv = _invitations_of_the_two()
    return (Meeting.state == "scheduled",
            Meeting.arena_id.in_(select(Arena.id).where(Arena.schedule_published)),
            exists().where(founder_inv.arena_id == Meeting.arena_id,
                           founder_inv.user_id == Meeting.founder_user_id,
                           founder_inv.attended.is_(True)),
            exists().where(investor_inv.arena_id == Meeting.arena_id,
                           investor_inv.user_id == Meeting.investor_user_id,
                           investor_inv.attended.is_(True)))


# The interest steps are "id IN (uncorrelated subquery)", not a correlated EXISTS. PostgreSQL
# runs either as one hashed subplan, but it estimates a correlated EXISTS in a select list as
# one scan of `interest` per outer row: at 10,000 pitches that put the pitch statement at
# ~150,000 cost units, over jit_above_cost (100,000), and compiling its ~100 expressions took
# 40-80 ms, as long as running it (35-75 ms). As IN, the estimate is what runs (~6,000).
def _investor_interested(column: str, outer_id):
    """SQL condition: an investor said "interested" about a pair whose `column` (pitch_id or
    investor_profile_id) is the outer row's id."""
    mark = aliased(Interest)
    return outer_id.in_(select(getattr(mark, column))
                        .where(mark.side == "investor", mark.kind == "interested"))


def _mutual(column: str, outer_id):
    """SQL condition: a pair of the outer pitch or profile has both sides "interested"."""
    ours, theirs = aliased(Interest), aliased(Interest)
    return outer_id.in_(
        select(getattr(ours, column))
        .join(theirs, and_(theirs.pitch_id == ours.pitch_id,
                           theirs.investor_profile_id == ours.investor_profile_id))
        .where(ours.side == "investor", ours.kind == "interested",
               theirs.side == "founder", theirs.kind == "interested"))


def _grouped(per_item, columns: tuple[str, ...]):
    """Count the items and sum the 0/1 flags of a per-item subquery per (association, green,
    founder, live)."""
    sub = per_item.subquery()
    keys = (sub.c.association_id, sub.c.green, sub.c.founder, sub.c.live)
    return select(*keys, func.count(), *(func.sum(sub.c[c]) for c in columns)).group_by(*keys)


def _per_pitch(*flags, since: datetime | None):
    """Published pitches of founder accounts (published in the period, when `since`), one
    row each: the group keys, then `flags` (labelled columns of the pitch)."""
    owner = aliased(User)
    per_pitch = (
        select(
            owner.association_id.label("association_id"),
            _flag(pitch_priority("green")).label("green"),
            _flag(pitch_priority("founder")).label("founder"),
            _flag(and_(Pitch.hidden.is_(False), owner.active.is_(True))).label("live"),
            *flags,
        )
        .join(owner, owner.id == Pitch.owner_id)
        .where(Pitch.status == "published", owner.role == "founder")
    )
    if since is not None:
        per_pitch = per_pitch.where(func.coalesce(Pitch.published_at, Pitch.created_at) >= since)
    return per_pitch


def _per_profile(*flags, since: datetime | None):
    """Investor profiles of investor accounts (made in the period, when `since`), one row
    each: the group keys, then `flags` (labelled columns of the profile)."""
    owner = aliased(User)
    profile = InvestorProfile
    per_profile = (
        select(
            owner.association_id.label("association_id"),
            _flag(investor_priority("green")).label("green"),
            _flag(investor_priority("founder")).label("founder"),
            _flag(and_(profile.active.is_(True), owner.active.is_(True))).label("live"),
            *flags,
        )
        .join(owner, owner.id == profile.user_id)
        .where(owner.role == "investor")
    )
    if since is not None:
        per_profile = per_profile.where(profile.created_at >= since)
    return per_profile


def pitch_statement(since: datetime | None = None):
    """The pitch side's grouped counts: per (association, green, founder, live), the number
    of published pitches and how many reached each later step."""
    return _grouped(_per_pitch(
        _flag(exists().where(MatchScore.pitch_id == Pitch.id)).label("matched"),
        _flag(_investor_interested("pitch_id", Pitch.id)).label("interested"),
        _flag(_mutual("pitch_id", Pitch.id)).label("mutual"),
        _flag(Pitch.id.in_(select(Meeting.pitch_id).where(*held_meetings()))).label("met"),
        since=since), PITCH_STEPS[1:])


def pitch_marks_statement(since: datetime | None = None):
    """The pitch side's interest steps alone: per (association, green, founder, live), the
    published pitches an investor said "interested" about (the count) and how many of them
    have mutual interest (which needs the investor's "interested": a subset). Reads only
    those pitches, not every pitch's stored matches."""
    return _grouped(_per_pitch(
        _flag(_mutual("pitch_id", Pitch.id)).label("mutual"), since=since)
        .where(_investor_interested("pitch_id", Pitch.id)), ("mutual",))


def investor_statement(since: datetime | None = None):
    """The investor side's grouped counts: per (association, green, founder, live), the
    number of profiles and how many reached each later step."""
    profile = InvestorProfile
    return _grouped(_per_profile(
        _flag(exists().where(MatchScore.investor_profile_id == profile.id))
        .label("recommended"),
        _flag(_investor_interested("investor_profile_id", profile.id)).label("interested"),
        _flag(_mutual("investor_profile_id", profile.id)).label("mutual"),
        _flag(profile.user_id.in_(select(Meeting.investor_user_id)
                                  .where(*held_meetings()))).label("met"),
        since=since), INVESTOR_STEPS[1:])


def investor_marks_statement(since: datetime | None = None):
    """The investor side's interest steps alone: per (association, green, founder, live),
    the profiles that said "interested" about a pitch (the count) and how many of them have
    mutual interest."""
    profile = InvestorProfile
    return _grouped(_per_profile(
        _flag(_mutual("investor_profile_id", profile.id)).label("mutual"), since=since)
        .where(_investor_interested("investor_profile_id", profile.id)), ("mutual",))

