"""The platform funnel on the staff dashboard: how far pitches and investor profiles get,
per association and per priority, in two aggregate statements whatever the data size.

Pitches: published → with a stored match → an investor said "interested" → mutual interest
(both sides said "interested", double opt-in) → the founder met an investor at an arena.
Investors: active profile → with recommendations (stored matches) → said "interested" to a
pitch → mutual interest → met a founder at an arena.

What counts (also said on the page):
- The first step is what is on the platform now: published pitches that staff have not
  hidden, of active founder accounts; active investor profiles of active investor accounts.
  Drafts never count. Hidden pitches and paused, deactivated or deleted accounts drop out of
  every step and are counted apart as "left out" (the arena numbers keep counting deleted
  accounts: their history stays, see app.services.erasure).
- Later steps count what the pitch or profile got, whoever gave it: an investor who later
  left still gave that interest. A pitch or profile counts once per step however many
  pairs it has (two mutual pairs make one pitch with mutual interest).
- "Met": a scheduled meeting of a published schedule where staff marked both people present
  (the arena section's "meetings held"), linked to the pitch by the meeting's pitch.
- Association: the founder's or investor's own. Priority: the arena themes' own fit rules
  (app.services.invitation_proposal); one pitch can count under both. Green transition = the
  theme bonus for "green" is above zero. Founder support = both halves of the "founder"
  theme's fit are above zero: an early stage (idea, pre-seed, seed) and support beyond
  capital (mentoring, competence, premises, network, a pilot customer) that the pitch asks
  for or the profile offers. Either half alone is no priority: "the bonus is above zero"
  held for 99 % of the demo's published pitches and every profile (three pitches in four are
  early, six in seven ask for capital); both halves hold for 60 % of the pitches and 83 % of
  the profiles.
- The period: pitches published, profiles created, within the last N days.

Both statements read every published pitch and every profile (~50 ms on PostgreSQL at 10,000
pitches and 2,000 profiles, most of it one stored-match look-up per pitch). Their grouped
rows are kept under the site-wide page version; the interest steps, which an interest mark
moves without raising it, are counted again after a minute by two statements that read
only the pitches and profiles with an investor's "interested" (see `_counted`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from flask import g
from flask_babel import lazy_gettext as _l
from sqlalchemy import String, and_, case, exists, func, literal, or_, select
from sqlalchemy.orm import aliased

from app.extensions import cache, db
from app.models import (
    Arena,
    Association,
    Interest,
    InvestorProfile,
    Invitation,
    MatchScore,
    Meeting,
    Pitch,
    User,
)
from app.models.types import has_tag
from app.models.user import utcnow
from app.services.arenas import theme_label
from app.services.dashboard import translated
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
PERIODS = {"30": 30, "90": 90, "365": 365, "all": None}
NO_ASSOCIATION = "none"
CACHE_SECONDS = 60


@dataclass
class FunnelRow:
    """One line of a funnel table: a name and a number per step."""

    key: str
    name: str
    numbers: dict[str, int]


@dataclass
class Side:
    """One side's funnel: the scope's total, per priority, per association, left out."""

    steps: tuple[str, ...]
    labels: dict
    total: FunnelRow
    priorities: list[FunnelRow] = field(default_factory=list)
    associations: list[FunnelRow] = field(default_factory=list)
    left_out: int = 0


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


def _split(rows) -> tuple[list[tuple], list[tuple]]:
    """A full statement's rows as the steady part (keys, count, the first later step and
    the last: published, matched, met) and the interest part (keys, interested, mutual),
    as pitch_marks_statement gives it: only groups with an investor's "interested"."""
    steady, marks = [], []
    for *keys, count, first, interested, mutual, last in rows:
        steady.append((*keys, count, first, last))
        if interested:
            marks.append((*keys, interested, mutual))
    return steady, marks


def _merged(steady, marks) -> list[tuple]:
    """One row per group, as `_side` reads them: the keys, the count, then the four later
    steps (the first and the last from `steady`, the interest steps from `marks`)."""
    rows = {tuple(keys): [count, first, 0, 0, last] for *keys, count, first, last in steady}
    for *keys, interested, mutual in marks:
        # a group with marks has its items in `steady` (both read the same items)
        row = rows.setdefault(tuple(keys), [0, 0, 0, 0, 0])
        row[2], row[3] = interested, mutual
    return [(*keys, *numbers) for keys, numbers in rows.items()]


# --- from grouped rows to tables ------------------------------------------------------------
def _side(rows, steps, labels, associations, scope_id, everyone: bool) -> Side:
    def blank(key: str, name: str) -> FunnelRow:
        return FunnelRow(key, name, dict.fromkeys(steps, 0))

    total = blank("total", str(_l("All")))
    priorities = {p: blank(p, theme_label(p)) for p in PRIORITIES}
    per_association = {a.id: blank(a.slug, a.name) for a in associations}
    per_association[None] = blank(NO_ASSOCIATION, str(_l("No association")))
    left_out = 0
    for association_id, green, founder, live, count, *flags in rows:
        in_scope = everyone or association_id == scope_id
        if not live:
            left_out += count if in_scope else 0
            continue
        numbers = dict(zip(steps, (count, *(int(f or 0) for f in flags)), strict=True))
        targets = [per_association[association_id]]
        if in_scope:
            targets.append(total)
            targets += [priorities[p] for p, on in zip(PRIORITIES, (green, founder),
                                                       strict=True) if on]
        for row in targets:
            for step, n in numbers.items():
                row.numbers[step] += n
    listed = [r for key, r in per_association.items()
              if key is not None or any(r.numbers.values())]
    return Side(steps, translated(labels), total, list(priorities.values()), listed,
                left_out)


@dataclass
class PlatformFunnel:
    """Both sides' funnels for one scope (an association, or everyone) and period."""

    pitches: Side
    investors: Side
    scope: str
    period: str
    counted_at: datetime


def _rows(statement) -> list[tuple]:
    return [tuple(r) for r in db.session.execute(statement)]


def _counted(period: str) -> tuple[list, list, datetime]:
    """The grouped rows of both sides for the period, kept under the site-wide page version:
    a change to a pitch, profile, account, stored match, meeting or attendance raises it, so
    it shows at once. An interest mark raises only its two users' versions, so it shows
    within CACHE_SECONDS: the interest steps are kept that long.

    For "all", the published, matched and met steps are kept until the version changes:
    counting them reads every published pitch and profile (~50 ms at 10,000 pitches, most
    of it the stored-match look-ups), and each server process used to do it every minute.
    The two full statements count everything when the version is new; within it, once a
    minute, the two marks statements count the interest steps again, reading only the
    pitches and profiles an investor said "interested" about. A dated period's window moves
    with the clock: its full counts are kept a minute, as before."""
    version = g.get("page_version")
    days = PERIODS.get(period)
    if days or version is None:
        key = f"dashboard-funnel:{period}:{version}"
        found = cache.get(key) if version is not None else None
        if found is None:
            since = utcnow() - timedelta(days=days) if days else None
            found = (_rows(pitch_statement(since)), _rows(investor_statement(since)), utcnow())
            if version is not None:
                cache.set(key, found, timeout=CACHE_SECONDS)
        return found
    steady_key, marks_key = (f"dashboard-funnel-steady:{version}",
                             f"dashboard-funnel-marks:{version}")
    steady = cache.get(steady_key)
    if steady is None:
        pitch_rows, investor_rows = _rows(pitch_statement()), _rows(investor_statement())
        (pitch_steady, pitch_marks), (investor_steady, investor_marks) = (
            _split(pitch_rows), _split(investor_rows))
        counted_at = utcnow()
        cache.set(steady_key, (pitch_steady, investor_steady))  # the cache's default timeout
        cache.set(marks_key, (pitch_marks, investor_marks, counted_at), timeout=CACHE_SECONDS)
        return pitch_rows, investor_rows, counted_at
    marks = cache.get(marks_key)
    if marks is None:
        marks = (_rows(pitch_marks_statement()), _rows(investor_marks_statement()), utcnow())
        cache.set(marks_key, marks, timeout=CACHE_SECONDS)
    pitch_marks, investor_marks, counted_at = marks
    return (_merged(steady[0], pitch_marks), _merged(steady[1], investor_marks), counted_at)


def platform_funnel(scope: Association | None, period: str = "all", *,
                    associations: list[Association] | None = None) -> PlatformFunnel:
    """The funnels of the association `scope` (None: every association) in the period; the
    per-association tables always list every association (`associations`, in id order, when
    the caller has them). Three statements, or one (the associations) while the counts are
    kept, also three when only the interest steps are counted again (see `_counted`); one
    fewer when the associations are given."""
    period = period if period in PERIODS else "all"
    if associations is None:
        associations = list(db.session.scalars(select(Association).order_by(Association.id)))
    everyone, scope_id = scope is None, scope.id if scope is not None else None
    pitch_rows, investor_rows, counted_at = _counted(period)
    pitches = _side(pitch_rows, PITCH_STEPS, PITCH_LABELS, associations, scope_id, everyone)
    investors = _side(investor_rows, INVESTOR_STEPS, INVESTOR_LABELS, associations, scope_id,
                      everyone)
    return PlatformFunnel(pitches, investors, "all" if everyone else scope.slug, period,
                          counted_at)
