"""Data protection: a user's data as JSON, deleting (anonymising) an account, and the
audited account changes staff make (role, deactivation).

Deleting keeps the rows that statistics count — interests, invitations, meetings, feedback,
the pitch and profile rows they point to — but strips everything that says who the person
is: name, e-mail, phone, contact fields, what they wrote. Sessions and API tokens end.
"""

from __future__ import annotations

import json
import re
import secrets
from datetime import UTC, date, datetime, time

from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, true, update
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
    MatchScore,
    Meeting,
    MeetingFeedback,
    MeetingRequest,
    Notification,
    Pitch,
    User,
)
from app.models.user import ROLES, new_session_token, utcnow
from app.services import api_tokens, audit, explain, matching
from app.services.errors import DomainError
from app.services.passwords import unusable_hash, verify_password
from app.services.text_search import contains

DELETED_NAME = "Deleted user"
DELETED_PITCH_TITLE = "Deleted pitch"
DELETED_DOMAIN = "deleted.invalid"
_SECRET_COLUMNS = {"password_hash", "session_token", "token_hash"}


def shown(value):
    """What a page shows for `value`: a deleted account's placeholder in the reader's
    language (it is stored in English, the source language), anything else as it is. Every
    template output goes through here (Jinja's finalize, app/templating.py)."""
    if value == DELETED_NAME:
        return _("Deleted user")
    if value == DELETED_PITCH_TITLE:
        return _("Deleted pitch")
    return value


def is_deleted(user) -> bool:
    """True for an account its owner deleted: what is left is a placeholder, no person."""
    return user is not None and (user.email or "").endswith(f"@{DELETED_DOMAIN}")


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
    if other_shown:
        terms, sentence = list(m.shared_terms or ()), explain.explain(m, viewpoint)
    else:
        terms = []
        sentence = explain.sentence(list(m.reasons or ()), [], explain.partner_support(m),
                                    viewpoint)
    own_pitch = viewpoint == explain.FOUNDER
    return {"pitch_id": m.pitch_id if own_pitch or other_shown else None,
            "investor_profile_id": m.investor_profile_id if not own_pitch or other_shown
            else None,
            "score": m.score, "components": dict(m.components or {}), "shared_terms": terms,
            "reasons": list(m.reasons or ()), "explanation": sentence,
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
    from app.services.pitch_access import readable_by  # it reads privacy.shown

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


def delete_account(user: User, password: str) -> None:
    """Delete the account after checking the password: personal data removed or anonymised
    in every table, sessions and tokens ended. Staff and admins are removed by an admin."""
    if not verify_password(user.password_hash, password or ""):
        raise DomainError(_("The password is wrong."), "password")
    if user.is_staff:
        raise DomainError(_("Staff accounts are closed by an administrator."), "password")
    anonymise(user)


def anonymise(user: User) -> None:
    """Strip the person from every table; the rows statistics count stay. Their part in
    the arenas not yet held ends first, their partners told (`departures`)."""
    from app.services import departures  # it reaches privacy.shown through the schedule

    departure = departures.leave_arenas(user)
    old_email = user.email
    now = utcnow()
    user.email = f"deleted-{user.id}-{secrets.token_hex(6)}@{DELETED_DOMAIN}"
    user.phone = None
    user.locale = None
    user.last_login_at = None
    user.password_hash = unusable_hash()
    user.active = False
    user.session_token = new_session_token()
    profile = db.session.scalar(select(InvestorProfile).where(InvestorProfile.user_id == user.id))
    pitches = list(db.session.scalars(select(Pitch).where(Pitch.owner_id == user.id)))
    _scrub_notifications(user, profile, pitches)
    user.name = DELETED_NAME
    if profile is not None:
        profile.organisation = DELETED_NAME
        profile.thesis = ""
        profile.contact_email = None
        profile.contact_phone = None
        profile.active = False
    for pitch in pitches:
        pitch.title = DELETED_PITCH_TITLE
        pitch.summary = ""
        pitch.description = ""
        pitch.website = None
        pitch.hidden = True
        pitch.hidden_reason = None
    db.session.execute(update(Interest).where(Interest.user_id == user.id)
                       .values(user_id=None))
    # The stored match scores stay for the counts, as the marks do (a rebuild leaves the
    # hidden pitches and inactive profiles out), but not the words the pair's texts shared.
    ours = [MatchScore.pitch_id.in_([p.id for p in pitches])]
    if profile is not None:
        ours.append(MatchScore.investor_profile_id == profile.id)
    db.session.execute(update(MatchScore).where(or_(*ours)).values(shared_terms=[]))
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    # the API's stored answers to Idempotency-Keys hold pitches as they were sent
    db.session.execute(delete(IdempotentRequest).where(IdempotentRequest.user_id == user.id))
    db.session.execute(update(ApiToken).where(ApiToken.user_id == user.id,
                                              ApiToken.revoked_at.is_(None))
                       .values(revoked_at=now))
    db.session.execute(update(ApiToken).where(ApiToken.user_id == user.id)
                       .values(name="(deleted)"))
    _scrub_audit_trail(user, old_email)
    audit.record("account_deleted", actor=user, target=f"user:{user.id}", commit=False)
    matching.note_texts_deleted()  # the hourly prune takes them out of the saved indexes
    db.session.commit()
    departures.announce(departure)


def _scrub_audit_trail(user: User, current_email: str) -> None:
    """Take every address the person was known by out of the audit trail, the events kept:
    the current one and the earlier ones their confirmed changes name ("old -> new"), where
    failed logins and any other detail hold them. An earlier address another account holds
    now is that person's: it is taken only out of this person's own events. The addresses
    they asked to move to are taken out of their requests (an address never confirmed may
    be someone else's)."""
    from app.services.audit_details import ARROW  # it reaches privacy through the arenas

    own = or_(AuditEvent.target == f"user:{user.id}", AuditEvent.actor_id == user.id)
    addresses = {current_email}
    for detail in db.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == "email_changed", AuditEvent.target == f"user:{user.id}")):
        addresses.update(part for part in (detail or "").split(ARROW) if part)
    held = set(db.session.scalars(select(User.email).where(
        User.email.in_(addresses), User.id != user.id)))
    for address in sorted(addresses, key=len, reverse=True):  # "ann@x.no" inside "jo.ann@x.no"
        found = or_(contains(AuditEvent.detail, address), contains(AuditEvent.target, address))
        for event in db.session.scalars(select(AuditEvent).where(
                found, own if address in held else true())):
            event.detail = _without(event.detail, address)
            event.target = _without(event.target, address)
    db.session.execute(update(AuditEvent).where(
        AuditEvent.action == "email_change_requested", AuditEvent.actor_id == user.id)
        .values(detail="(deleted)"))


# An address ends where no address character follows (a final "." ends a sentence); the
# LIKE that found the event also finds "jo.ann@x.no" and "ann@x.no.uk", which stay.
_ADDRESS_CHAR = r"[\w.%+-]"


def _without(text: str | None, address: str) -> str | None:
    """`text` with `address` as a whole address replaced by "(deleted)"."""
    pattern = rf"(?<!{_ADDRESS_CHAR}){re.escape(address)}(?!{_ADDRESS_CHAR}*[\w-])"
    return re.sub(pattern, "(deleted)", text or "") or None


def _scrub_notifications(user: User, profile, pitches) -> None:
    """Other people's notifications name the person or their pitch: replace those words, a
    pitch's title with the deleted pitch's placeholder (a notice then reads 'the founder of
    "Deleted pitch"', as the pitch's own label does, not 'of "Deleted user"').

    A notice names them by what they were called when it was made, perhaps a name or title
    since changed, and another person may bear the same name: where a notice carries the
    ids, they decide (who_id for "who"; the pitch's id for its title; the pitch's and the
    profile's ids for "other", the founder in the investor's notice and the organisation in
    the founder's). Words without an id (notices made before they carried who_id) are found
    as they are now."""
    names = {w for w in (user.name, profile.organisation if profile else None) if w}
    titles = {p.title for p in pitches if p.title}
    pitch_ids = {p.id for p in pitches}
    for note in db.session.scalars(select(Notification)):
        params = dict(note.params or {})
        theirs = {}  # key: whether it names them, where the notice's ids tell
        if "who_id" in params:
            theirs["who"] = params["who_id"] == user.id
        if "pitch_id" in params:
            theirs["pitch"] = params["pitch_id"] in pitch_ids
        if "pitch_id" in params or "investor_id" in params:
            theirs["other"] = (params.get("pitch_id") in pitch_ids
                               or (profile is not None
                                   and params.get("investor_id") == profile.id))
        changed = {}
        for key, value in params.items():
            if key in theirs:
                if theirs[key]:
                    changed[key] = DELETED_PITCH_TITLE if key == "pitch" else DELETED_NAME
            elif value in names:
                changed[key] = DELETED_NAME
            elif value in titles:
                changed[key] = DELETED_PITCH_TITLE
        if changed:
            note.params = {**params, **changed}


def set_role(user: User, role: str, actor=None, association=None) -> None:
    """Change a user's role and, for staff and admins, their association (audited).

    The one place the rules live, for the CLI and the admin's page alike: staff belong to an
    association (an admin may or may not); a founder's or investor's association stays as it
    is; nobody removes their own admin role, and the last active admin stays. A new role ends
    the user's sessions so the new rights apply at once.
    """
    if role not in ROLES:
        raise DomainError(_("Unknown role."), "role")
    if role == "staff" and association is None:
        raise DomainError(_("Staff belong to an association: choose one."), "association")
    old, old_association = user.role, user.association
    new_association = association if role in ("staff", "admin") else old_association
    if old == role and old_association == new_association:
        return
    if old == "admin" and role != "admin":
        if actor is not None and actor.id == user.id:
            raise DomainError(_("You cannot remove your own admin role. Ask another "
                                "administrator."), "role")
        _not_the_last_admin(user, "role")
    user.role = role
    user.association = new_association
    if old != role:
        user.session_token = new_session_token()
        audit.record("role_changed", actor=actor, target=f"user:{user.id}",
                     detail=f"{old} -> {role}", commit=False)
    if old_association != new_association:
        audit.record("association_changed", actor=actor, target=f"user:{user.id}",
                     detail=f"{_slug(old_association)} -> {_slug(new_association)}",
                     commit=False)
    db.session.commit()


def set_active(user: User, active: bool, actor=None):
    """Deactivate (ending every session, revoking every API token, and ending their part in
    the arenas not yet held, their partners told) or reactivate a user; audited. Nobody
    deactivates themselves, and the last active admin stays. Reactivating brings no
    called-off meeting back, and no token: deactivating means cutting the person's access,
    and a reactivation (perhaps months later, perhaps a mistake undone) must not quietly
    give scripts somewhere access again; the person makes new tokens, with their password.
    Returns the `departures.Departure` (what deactivating ended; empty otherwise)."""
    from app.services import departures  # it reaches privacy.shown through the schedule

    departure = departures.Departure()
    if user.active == active:
        return departure
    if not active:
        _not_oneself(user, actor)
        if user.role == "admin":
            _not_the_last_admin(user, "active")
        departure = departures.leave_arenas(user, actor=actor)
    user.active = active
    if not active:
        user.session_token = new_session_token()
    # Reactivating revokes too: tokens left live by a deactivation made before deactivating
    # revoked them (they were only refused while the account was off) must not come back.
    departure.tokens = api_tokens.revoke_all(user, actor=actor)
    audit.record("user_reactivated" if active else "user_deactivated", actor=actor,
                 target=f"user:{user.id}", commit=False)
    db.session.commit()
    departures.announce(departure)
    return departure


def deactivation_ahead(user: User, actor=None):
    """What deactivating the account would end, counted without changing anything: a
    `departures.Departure` with its arena invitations, meetings and meeting requests, and
    the API tokens that would be revoked. DomainError when `actor` is the user themselves,
    as `set_active` would refuse."""
    from app.services import departures

    _not_oneself(user, actor)
    ahead = departures.ahead(user)
    ahead.tokens = len(api_tokens.live_tokens(user))
    return ahead


def _not_oneself(user: User, actor) -> None:
    if actor is not None and actor.id == user.id:
        raise DomainError(_("You cannot deactivate your own account."), "active")


def _slug(association) -> str:
    return association.slug if association is not None else "none"


def _not_the_last_admin(user: User, field: str) -> None:
    """Refuse to take the admin rights of the last active admin.

    The active admins' rows are written (a no-op) before they are counted: the write locks
    them (PostgreSQL) or the whole database (SQLite) until this transaction ends, so two
    admins demoting each other at the same moment cannot both succeed.
    """
    if not user.active:
        return
    admins = (User.role == "admin", User.active.is_(True))
    db.session.execute(update(User).where(*admins).values(role=User.role)
                       .execution_options(synchronize_session=False))
    others = db.session.scalar(select(func.count(User.id)).where(*admins, User.id != user.id))
    if not others:
        db.session.rollback()
        raise DomainError(_("This is the last active administrator. Make someone else an "
                            "administrator first."), field)
