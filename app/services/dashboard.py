"""The staff dashboard's arena section: per arena, per association and per priority (arena
theme) — invited, accepted, attended, meetings held, worth it to both, follow-ups — and the
bar charts the whole dashboard draws. The platform funnel is app.services.dashboard_funnel.

Definitions (also shown on the page):
- invited: invitations sent; accepted: currently accepted; attended: marked present;
- meetings held: scheduled meetings where staff marked both people present;
- worth it to both: scheduled meetings both people said were worth it (not "mutual
  interest", which is both sides marking a pitch–investor pair "interested");
- follow-ups: scheduled meetings where at least one person will follow up.
The three meeting figures count only meetings of a published schedule: a draft's meetings
were never shown to the two people, so they were not held (Arena.schedule_published).
An association counts its own members, and every meeting one of its members was in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, bindparam, case, func, select
from sqlalchemy.orm import aliased

from app.extensions import db
from app.models import Association, Invitation, Meeting, MeetingFeedback, User
from app.services import arenas as arena_service

METRICS = ("invited", "accepted", "attended", "meetings_held", "worth_it", "follow_ups")
LABELS = {
    "invited": _l("Invited"),
    "accepted": _l("Accepted"),
    "attended": _l("Attended"),
    "meetings_held": _l("Meetings held"),
    "worth_it": _l("Worth it to both"),
    "follow_ups": _l("Follow-ups"),
}
THEMES = ("green", "founder", "open")
# Chart geometry (SVG user units). Each label sits on its own line above its bar: a label
# column beside the bars cut long labels off on the left ("nvestor er interessert"), and
# the chart stays narrow enough to keep its 13 px text unscaled on a phone.
BAR_MAX_W, VALUE_W, BAR_H, LABEL_H, GAP = 300, 50, 22, 18, 10
CHAR_W = 8  # more than a 13 px character's average width: a longer label widens the chart


@dataclass
class Row:
    """One line of a table: a name and the six numbers."""

    key: str
    name: str
    numbers: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))


INVITATION_METRICS = ("invited", "accepted", "attended")
MEETING_METRICS = ("meetings_held", "worth_it", "follow_ups")


def _count(condition):
    """COUNT(CASE WHEN condition THEN 1 END): an int on SQLite and PostgreSQL alike, and 0 (not
    NULL, as SUM would give) when no row fits."""
    return func.count(case((condition, 1)))


# The two statements are built once, with the arena ids bound at each execution: building
# the meeting statement (six aliases, each proxying every column of its table) took 10-15 ms
# of CPU per dashboard, more than running it.
@lru_cache(maxsize=1)
def _invitation_statement():
    return (select(Invitation.arena_id, User.association_id,
                   _count(Invitation.invited_at.is_not(None)),
                   _count(Invitation.state == "accepted"),
                   _count(Invitation.attended.is_(True)))
            .join(User, User.id == Invitation.user_id)
            .where(Invitation.arena_id.in_(bindparam("arena_ids", expanding=True)))
            .group_by(Invitation.arena_id, User.association_id))


@lru_cache(maxsize=1)
def _meeting_statement():
    founder, investor = aliased(User), aliased(User)
    # (arena, person) and (meeting, person) are unique, so these outer joins add no rows.
    f_inv, i_inv = aliased(Invitation), aliased(Invitation)
    f_said, i_said = aliased(MeetingFeedback), aliased(MeetingFeedback)
    # Anyone's answer counts for a follow-up, as before: not only the two people's.
    follow_up = (select(MeetingFeedback.id)
                 .where(MeetingFeedback.meeting_id == Meeting.id,
                        MeetingFeedback.will_follow_up.is_(True)).exists())
    return (
        select(Meeting.arena_id, founder.association_id, investor.association_id,
               _count(and_(f_inv.attended.is_(True), i_inv.attended.is_(True))),
               _count(and_(f_said.worth_it.is_(True), i_said.worth_it.is_(True))),
               _count(follow_up))
        .join(founder, founder.id == Meeting.founder_user_id)
        .join(investor, investor.id == Meeting.investor_user_id)
        .outerjoin(f_inv, and_(f_inv.arena_id == Meeting.arena_id,
                               f_inv.user_id == Meeting.founder_user_id))
        .outerjoin(i_inv, and_(i_inv.arena_id == Meeting.arena_id,
                               i_inv.user_id == Meeting.investor_user_id))
        .outerjoin(f_said, and_(f_said.meeting_id == Meeting.id,
                                f_said.user_id == Meeting.founder_user_id))
        .outerjoin(i_said, and_(i_said.meeting_id == Meeting.id,
                                i_said.user_id == Meeting.investor_user_id))
        .where(Meeting.arena_id.in_(bindparam("arena_ids", expanding=True)),
               Meeting.state == "scheduled")
        .group_by(Meeting.arena_id, founder.association_id, investor.association_id))


def _invitation_counts(arena_ids: list[int]) -> list:
    """Rows: arena id, the person's association id, invited, accepted, attended."""
    return db.session.execute(_invitation_statement(), {"arena_ids": arena_ids}).all()


def _meeting_counts(arena_ids: list[int]) -> list:
    """Rows: arena id, the founder's and the investor's association ids, then meetings held,
    worth it to both and follow-ups among the scheduled meetings of that group."""
    return db.session.execute(_meeting_statement(), {"arena_ids": arena_ids}).all()


def _plus(row: Row, metrics: tuple[str, ...], values) -> None:
    for metric, value in zip(metrics, values, strict=True):
        row.numbers[metric] += value


def arena_results(arena) -> Row:
    """One arena's six numbers, counted as its row on the dashboard, for its own page once it
    has taken place."""
    row = Row(str(arena.id), arena.title)
    for _arena, _association, *numbers in _invitation_counts([arena.id]):
        _plus(row, INVITATION_METRICS, numbers)
    if arena.schedule_published:
        for _arena, _founders, _investors, *numbers in _meeting_counts([arena.id]):
            _plus(row, MEETING_METRICS, numbers)
    return row


def overview(user, *, associations: list[Association] | None = None) -> dict:
    """Every table of the dashboard for the arenas the staff member manages; one row per
    association (`associations`, in id order, when the caller has them)."""
    # The database counts, grouped by arena and association: an admin's dashboard covers
    # every arena's invitations and meetings, and walking those rows in Python cost
    # 0.2-0.8 s at load-test scale. The groups are few (arenas x associations).
    arenas = arena_service.staff_arenas(user)
    per_arena = {a.id: Row(str(a.id), a.title) for a in arenas}
    if associations is None:
        associations = db.session.scalars(select(Association).order_by(Association.id))
    per_association = {a.id: Row(a.slug, a.name) for a in associations}
    ids = list(per_arena)
    for arena_id, association_id, *numbers in _invitation_counts(ids) if ids else []:
        _plus(per_arena[arena_id], INVITATION_METRICS, numbers)
        if association_id in per_association:
            _plus(per_association[association_id], INVITATION_METRICS, numbers)
    # Read from the arenas in hand, so the published rule costs no statement.
    published = [a.id for a in arenas if a.schedule_published]
    for arena_id, f_association, i_association, *numbers in (
            _meeting_counts(published) if published else []):
        _plus(per_arena[arena_id], MEETING_METRICS, numbers)
        # A meeting between two members of one association counts once for it.
        for association_id in {f_association, i_association}:
            if association_id in per_association:
                _plus(per_association[association_id], MEETING_METRICS, numbers)
    per_theme = [Row(theme, arena_service.theme_label(theme)) for theme in THEMES]
    total = Row("total", str(_l("All arenas")))
    for arena in arenas:
        numbers = per_arena[arena.id].numbers.values()
        _plus(total, METRICS, numbers)
        if arena.theme in THEMES:
            _plus(per_theme[THEMES.index(arena.theme)], METRICS, numbers)
    return {"arenas": list(per_arena.values()), "associations": list(per_association.values()),
            "themes": per_theme, "total": total}


def chart(title: str, row, scale: int | None = None, metrics: tuple[str, ...] = METRICS,
          labels: dict | None = None) -> dict:
    """A horizontal bar chart of one row's numbers (by default the six arena metrics), laid
    out for an SVG template."""
    labels = labels or LABELS
    top = max(scale or 0, *row.numbers.values(), 1)
    bars = []
    for k, metric in enumerate(metrics):
        value = row.numbers[metric]
        top_y = GAP + k * (LABEL_H + BAR_H + GAP)
        bars.append({"metric": metric, "label": str(labels[metric]), "value": value,
                     "label_y": top_y + 13, "y": top_y + LABEL_H, "x": 0,
                     "w": round(BAR_MAX_W * value / top), "h": BAR_H,
                     "text_y": top_y + LABEL_H + BAR_H * 0.7})
    desc = "; ".join(f"{b['label']}: {b['value']}" for b in bars)
    longest = max((len(b["label"]) for b in bars), default=0)
    return {"title": title, "desc": desc, "bars": bars,
            "width": max(BAR_MAX_W + VALUE_W, CHAR_W * longest),
            "height": GAP + len(metrics) * (LABEL_H + BAR_H + GAP)}


def charts(rows: list, metrics: tuple[str, ...] = METRICS,
           labels: dict | None = None) -> list[dict]:
    """One chart per row, all on the same scale so they compare at a glance."""
    scale = max((max(r.numbers.values()) for r in rows), default=1)
    labels = translated(labels or LABELS)  # once, not once a bar
    return [chart(r.name, r, scale, metrics, labels) for r in rows]


def translated(labels: dict) -> dict[str, str]:
    """The labels in the reader's language, as plain strings: a lazy label looks its
    translation up each time it is shown, and the dashboard shows each label in every chart
    and table (about 150 look-ups a page)."""
    return {key: str(label) for key, label in labels.items()}
