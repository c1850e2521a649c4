"""The staff dashboard's arena section: per arena, per association and per priority (arena
theme) — invited, accepted, attended, meetings held, worth it to both, follow-ups — and the
bar charts the whole dashboard draws. The platform funnel is app.services.dashboard_funnel.

Definitions (also shown on the page):
- invited: invitations sent; accepted: currently accepted; attended: marked present;
- meetings held: scheduled meetings where staff marked both people present;
- worth it to both: scheduled meetings both people said were worth it (not "mutual
  interest", which is both sides marking a pitch–investor pair "interested");
- follow-ups: scheduled meetings where at least one person will follow up.
An association counts its own members, and every meeting one of its members was in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

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


@dataclass
class _Data:
    invitations: list  # rows: arena_id, user_id, state, invited_at, attended, association_id
    meetings: list  # rows: id, arena_id, founder_user_id, investor_user_id
    attended: set[tuple[int, int]]
    feedback: dict[int, list]  # meeting id → rows: user_id, worth_it, will_follow_up
    association_of: dict[int, int | None]


def _load(arena_ids: list[int]) -> _Data:
    # Plain rows, not ORM objects: an admin's dashboard reads every arena's invitations and
    # meetings, and building thousands of objects (with their joined users) cost ~0.2 s.
    ids = arena_ids or [0]
    invitations = db.session.execute(
        select(Invitation.arena_id, Invitation.user_id, Invitation.state,
               Invitation.invited_at, Invitation.attended, User.association_id)
        .join(User, User.id == Invitation.user_id).where(Invitation.arena_id.in_(ids))).all()
    scheduled = (Meeting.arena_id.in_(ids), Meeting.state == "scheduled")
    meetings = db.session.execute(select(
        Meeting.id, Meeting.arena_id, Meeting.founder_user_id, Meeting.investor_user_id)
        .where(*scheduled)).all()
    feedback: dict[int, list] = {}
    for row in db.session.execute(
            select(MeetingFeedback.meeting_id, MeetingFeedback.user_id,
                   MeetingFeedback.worth_it, MeetingFeedback.will_follow_up)
            .join(Meeting, Meeting.id == MeetingFeedback.meeting_id).where(*scheduled)):
        feedback.setdefault(row.meeting_id, []).append(row)
    attended = {(i.arena_id, i.user_id) for i in invitations if i.attended}
    return _Data(invitations, meetings, attended, feedback,
                 {i.user_id: i.association_id for i in invitations})


def _add(row: Row, data: _Data, invitations, meetings) -> None:
    n = row.numbers
    for i in invitations:
        n["invited"] += i.invited_at is not None
        n["accepted"] += i.state == "accepted"
        n["attended"] += bool(i.attended)
    for m in meetings:
        n["meetings_held"] += ((m.arena_id, m.founder_user_id) in data.attended
                               and (m.arena_id, m.investor_user_id) in data.attended)
        answers = data.feedback.get(m.id, [])
        worth = {a.user_id for a in answers if a.worth_it}
        n["worth_it"] += {m.founder_user_id, m.investor_user_id} <= worth
        n["follow_ups"] += any(a.will_follow_up for a in answers)


def overview(user) -> dict:
    """Every table of the dashboard for the arenas the staff member manages."""
    arenas = arena_service.staff_arenas(user)
    data = _load([a.id for a in arenas])
    per_arena = []
    for arena in arenas:
        row = Row(str(arena.id), arena.title)
        _add(row, data, [i for i in data.invitations if i.arena_id == arena.id],
             [m for m in data.meetings if m.arena_id == arena.id])
        per_arena.append(row)
    per_association = []
    for assoc in db.session.scalars(select(Association).order_by(Association.id)):
        row = Row(assoc.slug, assoc.name)
        members = {uid for uid, a in data.association_of.items() if a == assoc.id}
        _add(row, data, [i for i in data.invitations if i.user_id in members],
             [m for m in data.meetings
              if m.founder_user_id in members or m.investor_user_id in members])
        per_association.append(row)
    per_theme = []
    for theme in THEMES:
        row = Row(theme, arena_service.theme_label(theme))
        ids = {a.id for a in arenas if a.theme == theme}
        _add(row, data, [i for i in data.invitations if i.arena_id in ids],
             [m for m in data.meetings if m.arena_id in ids])
        per_theme.append(row)
    total = Row("total", str(_l("All arenas")))
    _add(total, data, data.invitations, data.meetings)
    return {"arenas": per_arena, "associations": per_association, "themes": per_theme,
            "total": total}


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
    return [chart(r.name, r, scale, metrics, labels) for r in rows]
