"""A person's data download: everything Koble holds about them as one JSON document (the
right of access), with what the matching engine worked out about them. Never a secret
(password hash, session or token hash); other people only as the person may see them on Koble.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

from sqlalchemy import or_, select
from sqlalchemy.orm import lazyload

from app.extensions import db
from app.models import (
    ApiToken,
    Arena,
    AuditEvent,
    IdempotentRequest,
    Interest,
    InvestorProfile,
    Invitation,
    KeptForm,
    MatchScore,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Notification,
    Pitch,
    User,
)
from app.models.user import utcnow
from app.services import explain
from app.services.pitch_access import readable_by

_SECRET_COLUMNS = {"password_hash", "session_token", "token_hash"}

# /2: "arenas" became a list of {id, title, date} like every other collection (in /1 it was
# an object of titles keyed by id), and every timestamp carries its UTC offset.
EXPORT_FORMAT = "koble-personal-data/2"


def _value(value):
    if isinstance(value, datetime):
        # Columns are DateTime(timezone=True) and hold UTC, but SQLite hands them back
        # naive while rows made in this session are aware: one form, ISO 8601 in UTC.
        aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return aware.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def _row(obj, skip: set[str] = frozenset()) -> dict:
    """Every column of a row, as JSON-ready values; never a secret."""
    return {c.key: _value(getattr(obj, c.key)) for c in obj.__mapper__.column_attrs
            if c.key not in _SECRET_COLUMNS | skip}


def _stored_answer(row: IdempotentRequest) -> dict:
    """An API answer kept for an Idempotency-Key, its body as the JSON it was sent back as
    (a string of JSON inside the export read as one opaque value)."""
    values = _row(row, skip={"body", "fingerprint"})
    try:
        values["body"] = json.loads(row.body) if row.body else None
    except ValueError:
        values["body"] = row.body
    return values


def export_data(user: User) -> dict:
    """Everything Koble holds about the user, as one JSON-ready dict."""
    profile = db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))
    account = _row(user)
    account["association"] = user.association.slug if user.association else None
    arenas = [{"id": a.id, "title": a.title, "date": _value(a.date)}
              for a in db.session.scalars(select(Arena).where(
                  Arena.id.in_(select(Invitation.arena_id).where(Invitation.user_id == user.id)))
                  .order_by(Arena.id))]

    def rows(query, skip=frozenset()):
        return [_row(r, skip) for r in db.session.scalars(query)]

    return {
        "format": EXPORT_FORMAT,
        "exported_at": _value(utcnow()),
        "account": account,
        "pitches": rows(select(Pitch).where(Pitch.owner_id == user.id).order_by(Pitch.id)),
        "investor_profile": _row(profile) if profile else None,
        "interests": rows(select(Interest).where(Interest.user_id == user.id)
                          .order_by(Interest.id)),
        "notifications": rows(select(Notification).where(Notification.user_id == user.id)
                              .order_by(Notification.id)),
        "api_tokens": rows(select(ApiToken).where(ApiToken.user_id == user.id)
                           .order_by(ApiToken.id)),
        # The API's answers kept for Idempotency-Keys hold pitches as they were sent.
        # Expired ones are listed too: they stay stored until a new key or the hourly
        # `flask prune` deletes them.
        "api_idempotency_keys": [_stored_answer(r) for r in db.session.scalars(
            select(IdempotentRequest).where(IdempotentRequest.user_id == user.id)
            .order_by(IdempotentRequest.created_at, IdempotentRequest.key))],
        # A form sent after being logged out, kept a day to be sent again (kept_forms);
        # the token that gives it back stays out, as a session's does.
        "kept_forms": [{"path": r.path, "fields": json.loads(r.fields),
                        "created_at": _value(r.created_at)}
                       for r in db.session.scalars(select(KeptForm).where(
                           KeptForm.user_id == user.id).order_by(KeptForm.created_at))],
        "arenas": arenas,
        # With what the engine gave the invitation: its value, rank and reasons.
        "invitations": [_invitation(i) for i in db.session.scalars(
            select(Invitation).where(Invitation.user_id == user.id).order_by(Invitation.id))],
        "meeting_requests": rows(select(MeetingRequest).where(or_(
            MeetingRequest.from_user_id == user.id, MeetingRequest.to_user_id == user.id))
            .order_by(MeetingRequest.id)),
        # A draft schedule is staff's plan, not yet the person's: its meetings come with
        # the published schedule, as on the agenda. `value`: the pair's match score the
        # schedule placed them by (None: they meet because one asked).
        "meetings": rows(select(Meeting).join(Arena, Arena.id == Meeting.arena_id).where(
            or_(Meeting.founder_user_id == user.id, Meeting.investor_user_id == user.id),
            Arena.schedule_published)
            .order_by(Meeting.id)),
        "meeting_feedback": rows(select(MeetingFeedback).where(
            MeetingFeedback.user_id == user.id).order_by(MeetingFeedback.id)),
        "security_events": _events_about(user),
        # What the matching engine worked out about the person (the right of access covers
        # profiling): the stored scores of their pitches and of their investor profile.
        "pitch_match_scores": _pitch_scores(user),
        "investor_match_scores": _investor_scores(user, profile),
    }


# Invitation.reasons["top"] names the best matches in the room: other people's pitch titles
# or organisations (a pitch perhaps withdrawn since), not the person's data.
_OTHERS_IN_INVITATION_REASONS = frozenset({"top"})


def _invitation(row: Invitation) -> dict:
    """An invitation with the engine's value, rank and reasons, less the others it names."""
    values = _row(row)
    values["reasons"] = {key: value for key, value in (row.reasons or {}).items()
                         if key not in _OTHERS_IN_INVITATION_REASONS}
    return values


def _passed_by(side: str, *where) -> set[tuple[int, int]]:
    """(pitch id, profile id) of the pairs `side` marked "not for me"."""
    return set(db.session.execute(select(Interest.pitch_id, Interest.investor_profile_id).where(
        Interest.side == side, Interest.kind == "not_for_me", *where)).tuples())


def _score(m: MatchScore, viewpoint: str, other_shown: bool) -> dict:
    """A stored match score with its explanation in the person's language, as `viewpoint`
    (their side) reads it on their pages. The other side comes only as the person may see
    it on Koble (`other_shown`); else without its id, and without the words the two texts
    share, which are the other's words too."""
    reasons = list(explain.said_reasons(m))  # the reasons its sentence says
    if other_shown:
        terms, sentence = list(m.shared_terms or ()), explain.explain(m, viewpoint, reasons)
    else:
        terms = []
        sentence = explain.sentence(list(reasons), [], explain.partner_support(m), viewpoint)
    own_pitch = viewpoint == explain.FOUNDER
    return {"pitch_id": m.pitch_id if own_pitch or other_shown else None,
            "investor_profile_id": m.investor_profile_id if not own_pitch or other_shown
            else None,
            "score": m.score, "components": dict(m.components or {}), "shared_terms": terms,
            "reasons": reasons, "explanation": sentence,
            "engine_version": m.engine_version, "computed_at": _value(m.computed_at)}


def _pitch_scores(user: User) -> list[dict]:
    """The stored scores of the person's pitches against investors, best first per pitch.
    An investor is named only as the pitch's page shows it: while founders can find the
    profile, and unless the investor said "not for me" to the pitch (the page leaves those
    out, and the investor's answer is theirs)."""
    own = select(Pitch.id).where(Pitch.owner_id == user.id)
    passed = _passed_by("investor", Interest.pitch_id.in_(own))
    out = []
    for m in db.session.scalars(select(MatchScore).where(MatchScore.pitch_id.in_(own))
                                # their own few pitches: loaded once each, not joined per row
                                .options(lazyload(MatchScore.pitch))
                                .order_by(MatchScore.pitch_id, MatchScore.score.desc(),
                                          MatchScore.investor_profile_id)):
        shown_ = m.investor.is_listed and (m.pitch_id, m.investor_profile_id) not in passed
        row = {"pitch_title": m.pitch.title,
               "investor_organisation": m.investor.organisation if shown_ else None}
        out.append(row | _score(m, explain.FOUNDER, shown_))
    return out


def _investor_scores(user: User, profile: InvestorProfile | None) -> list[dict]:
    """The stored scores of the person's investor profile against pitches, best first. A
    pitch is named only as their recommendations show it: while they may read it
    (pitch_access.readable_by: a draft or hidden pitch carries nothing of itself to others),
    and unless its founder said "not for me" to them."""
    if profile is None:
        return []
    passed = _passed_by("founder", Interest.investor_profile_id == profile.id)
    out = []
    for m in db.session.scalars(select(MatchScore)
                                .where(MatchScore.investor_profile_id == profile.id)
                                .options(lazyload(MatchScore.investor))  # it is `profile`
                                .order_by(MatchScore.score.desc(), MatchScore.pitch_id)):
        shown_ = (readable_by(user, m.pitch)
                  and (m.pitch_id, m.investor_profile_id) not in passed)
        out.append({"pitch_title": m.pitch.title if shown_ else None}
                   | _score(m, explain.INVESTOR, shown_))
    return out


def _events_about(user: User) -> list[dict]:
    """The audit trail's events about the person: what they did, what staff did to their
    account or their place in an arena (the target, or a detail that begins "user:<id>"),
    and the failed logins with their address typed. The address an event was made from is
    theirs only in their own events: another's attempt or staff's change comes without it."""
    me = f"user:{user.id}"
    query = select(AuditEvent).where(or_(
        AuditEvent.actor_id == user.id, AuditEvent.target == me, AuditEvent.detail == me,
        AuditEvent.detail.like(f"{me} %"),
        (AuditEvent.action == "login_failed") & (AuditEvent.detail == (user.email or "").lower()),
    )).order_by(AuditEvent.id)
    return [_row(e, skip=set() if e.actor_id == user.id else {"ip"})
            for e in db.session.scalars(query)]
