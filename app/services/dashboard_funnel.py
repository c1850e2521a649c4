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

The statements, with the steps, their labels and the priorities, are in
app.services.funnel_statements; app.services.funnel_counts runs them and keeps their rows.
This module makes the page's tables of those rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.extensions import db
from app.models import Association
from app.services.arenas import theme_label
from app.services.dashboard import translated
from app.services.funnel_counts import PERIODS, counted
from app.services.funnel_statements import (
    INVESTOR_LABELS,
    INVESTOR_STEPS,
    PITCH_LABELS,
    PITCH_STEPS,
    PRIORITIES,
)

NO_ASSOCIATION = "none"


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



def platform_funnel(scope: Association | None, period: str = "all", *,
                    associations: list[Association] | None = None) -> PlatformFunnel:
    """The funnels of the association `scope` (None: every association) in the period; the
    per-association tables always list every association (`associations`, in id order, when
    the caller has them). Three statements, or one (the associations) while the counts are
    kept, also three when only the interest steps are counted again (see
    `funnel_counts.counted`); one fewer when the associations are given."""
    period = period if period in PERIODS else "all"
    if associations is None:
        associations = list(db.session.scalars(select(Association).order_by(Association.id)))
    everyone, scope_id = scope is None, scope.id if scope is not None else None
    pitch_rows, investor_rows, counted_at = counted(period)
    pitches = _side(pitch_rows, PITCH_STEPS, PITCH_LABELS, associations, scope_id, everyone)
    investors = _side(investor_rows, INVESTOR_STEPS, INVESTOR_LABELS, associations, scope_id,
                      everyone)
    return PlatformFunnel(pitches, investors, "all" if everyone else scope.slug, period,
                          counted_at)
