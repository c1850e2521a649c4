"""Loader steps for what demo people did: interest marks, notifications and arenas (with
their invitations, meeting requests, meetings and feedback).

Notifications get the params and links `app.services.interest_notices` (an invitation's:
`app.services.arena_notices`) gives them (outside a request, the paths it falls back to), so
the notifications page words them in the reader's language like any other.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import insert

from app.demo.load_base import LoadContext, chunks, inserted
from app.extensions import db
from app.models import (
    Arena,
    Interest,
    Invitation,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Notification,
)
from app.models.arena import arena_host
from app.services import notices


def _insert(model, rows: list[dict], ctx: LoadContext) -> None:
    for chunk in chunks(rows):
        db.session.execute(insert(model.__table__), chunk)
        ctx.progress(len(chunk))


def load_interests(ctx: LoadContext) -> int:
    """Every interest mark, made by the founder of the pitch or by the investor."""
    pitches = ctx.data.pitches
    rows = [{"user_id": ctx.user_ids[pitches[m["pitch"]]["owner"] if m["side"] == "founder"
                                     else m["investor"]],
             "pitch_id": ctx.pitch_ids[m["pitch"]],
             "investor_profile_id": ctx.profile_ids[m["investor"]],
             "side": m["side"], "kind": m["kind"], "created_at": m["created_at"],
             "updated_at": m["updated_at"]} for m in ctx.data.interests]
    _insert(Interest, rows, ctx)
    return len(rows)


def _notice(ctx: LoadContext, note: dict, names: dict[str, str],
            organisations: dict[str, str]) -> dict:
    """The notification row as `app.services.interest_notices` (or, for an arena's invitation,
    `app.services.arena_notices`) would have stored it."""
    if note["kind"] == "arena_invited":
        return _arena_notice(ctx, note)
    pitch = ctx.data.pitches[note["pitch"]]
    pitch_id, investor_id = ctx.pitch_ids[note["pitch"]], ctx.profile_ids[note["investor"]]
    ids = {"pitch": pitch["title"], "pitch_id": pitch_id, "investor_id": investor_id}
    kind = note["kind"]
    if kind == "mutual_match":
        other = (organisations[note["investor"]] if note["user"] == pitch["owner"]
                 else names[pitch["owner"]])
        params, link = {"other": other, **ids}, "/matches/mutual"
    elif kind == "interest_from_investor":
        params = {**ids, "other": organisations[note["investor"]]}
        link = f"/pitches/{pitch_id}/matches#interested"
    else:
        params, link = ids, f"/pitches/{pitch_id}"
    return {"user_id": ctx.user_ids[note["user"]], "kind": kind, "params": params,
            "link": link, "read_at": note["read_at"], "created_at": note["created_at"]}


def _arena_notice(ctx: LoadContext, note: dict) -> dict:
    arena, arena_id = ctx.data.arenas[note["arena"]], ctx.arena_ids[note["arena"]]
    return {"user_id": ctx.user_ids[note["user"]], "kind": note["kind"],
            "params": {"arena": arena["title"], "arena_id": arena_id,
                       "date": arena["date"].isoformat()},
            "link": notices.link("arenas.view", arena_id=arena_id),
            "read_at": note["read_at"], "created_at": note["created_at"]}


def load_notifications(ctx: LoadContext) -> int:
    """The notices of one-sided interest and mutual matches the marks would have sent, and
    of the arenas' invitations (after the arenas: they name them by id)."""
    if not ctx.data.notifications:
        return 0
    names = {u["email"]: u["name"] for u in ctx.data.users}
    organisations = {q["user"]: q["organisation"] for q in ctx.data.investors}
    rows = [_notice(ctx, n, names, organisations) for n in ctx.data.notifications]
    _insert(Notification, rows, ctx)
    return len(rows)


def load_arenas(ctx: LoadContext) -> int:
    """The arenas and their hosts."""
    rows = []
    for a in ctx.data.arenas:
        row = {k: v for k, v in a.items() if k not in ("hosts", "created_by")}
        row["created_by_id"] = ctx.user_ids.get(a["created_by"])
        row["version"] = 1
        rows.append(row)
    ctx.arena_ids = inserted(Arena, rows)
    hosts = [{"arena_id": arena_id, "association_id": ctx.association_ids[slug]}
             for arena_id, a in zip(ctx.arena_ids, ctx.data.arenas, strict=True)
             for slug in a["hosts"]]
    if hosts:
        db.session.execute(insert(arena_host), hosts)
    ctx.progress(len(rows))
    return len(rows)


def load_invitations(ctx: LoadContext) -> int:
    """Every invitation; founders' through their pitch. Picked by staff, not proposed by
    the engine (whose scores do not exist yet), which the staff page says."""
    rows = [{**{k: v for k, v in i.items() if k not in ("arena", "user", "pitch")},
             "arena_id": ctx.arena_ids[i["arena"]], "user_id": ctx.user_ids[i["user"]],
             "pitch_id": ctx.pitch_ids[i["pitch"]] if i["pitch"] is not None else None,
             "value": 0.0, "reasons": {"added_by_staff": True}, "updated_at": i["created_at"]}
            for i in ctx.data.invitations]
    _insert(Invitation, rows, ctx)
    return len(rows)


def load_meeting_requests(ctx: LoadContext) -> int:
    rows = [{"arena_id": ctx.arena_ids[r["arena"]], "from_user_id": ctx.user_ids[r["from"]],
             "to_user_id": ctx.user_ids[r["to"]], "state": r["state"],
             "created": r["created"], "answered_at": r["answered_at"]}
            for r in ctx.data.meeting_requests]
    _insert(MeetingRequest, rows, ctx)
    return len(rows)


def load_meetings(ctx: LoadContext) -> int:
    rows = [{**{k: v for k, v in m.items() if k not in ("arena", "founder", "investor",
                                                         "pitch", "table")},
             "table_no": m["table"], "arena_id": ctx.arena_ids[m["arena"]],
             "founder_user_id": ctx.user_ids[m["founder"]],
             "investor_user_id": ctx.user_ids[m["investor"]],
             "pitch_id": ctx.pitch_ids[m["pitch"]], "updated_at": m["created_at"]}
            for m in ctx.data.meetings]
    ctx.meeting_ids = inserted(Meeting, rows)
    ctx.progress(len(rows))
    return len(rows)


def load_meeting_feedback(ctx: LoadContext) -> int:
    rows = [{"meeting_id": ctx.meeting_ids[f["meeting"]], "user_id": ctx.user_ids[f["user"]],
             "worth_it": f["worth_it"], "will_follow_up": f["will_follow_up"],
             "created_at": f["created_at"]} for f in ctx.data.meeting_feedback]
    _insert(MeetingFeedback, rows, ctx)
    return len(rows)


ACTIVITY_STEPS: list[tuple[str, Callable[[LoadContext], int]]] = [
    ("interest marks", load_interests),
    ("arenas", load_arenas),
    ("invitations", load_invitations),
    ("notifications", load_notifications),
    ("meeting requests", load_meeting_requests),
    ("meetings", load_meetings),
    ("meeting feedback", load_meeting_feedback),
]
ACTIVITY_TABLES = tuple(model.__tablename__ for model in (
    Interest, Notification, Arena, Invitation, MeetingRequest, Meeting, MeetingFeedback))
