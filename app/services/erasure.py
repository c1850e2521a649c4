"""Deleting an account: the person's data removed or anonymised in every table.

Deleting keeps the rows that statistics count — interests, invitations, meetings, feedback,
the pitch and profile rows they point to — but strips everything that says who the person
is: name, e-mail, phone, contact fields, what they wrote. Sessions and API tokens end. What
is left shows as a deleted account (`deleted_accounts`).
"""

from __future__ import annotations

import re
import secrets

from flask_babel import gettext as _
from sqlalchemy import delete, or_, select, true, update

from app.extensions import db
from app.models import (
    ApiToken,
    AuditEvent,
    IdempotentRequest,
    Interest,
    InvestorProfile,
    KeptForm,
    MatchScore,
    Notification,
    Pitch,
    User,
)
from app.models.user import new_session_token, utcnow
from app.services import (
    account_notices,
    api_tokens,
    audit,
    deleted_texts,
    departures,
    erasure_ledger,
)
from app.services.audit_details import ARROW
from app.services.deleted_accounts import DELETED_DOMAIN, DELETED_NAME, DELETED_PITCH_TITLE
from app.services.errors import DomainError
from app.services.passwords import unusable_hash, verify_password
from app.services.text_search import contains


def delete_account(user: User, password: str) -> None:
    """Delete the account after checking the password: personal data removed or anonymised
    in every table, sessions and tokens ended. Staff and admins are removed by an admin."""
    if not verify_password(user.password_hash, password or ""):
        raise DomainError(_("The password is wrong."), "password")
    if user.is_staff:
        raise DomainError(_("Staff accounts are closed by an administrator."), "password")
    anonymise(user)


def anonymise(user: User, *, again: bool = False, actor: User | None = None,
              by_admin: bool = False, first_by: str | None = None) -> departures.Departure:
    """Strip the person from every table; the rows statistics count stay. Their part in
    the arenas not yet held ends first, their partners told (`departures`). The deletion is
    noted outside the database (`erasure_ledger`), so that a restored backup loses it again:
    `again` is that second time, when the people around them were told already: audited as
    "erased_again_after_restore", by nobody, with how it went the first time (`first_by`, the
    ledger's "by": the person or an administrator; None when the ledger does not say).

    `by_admin`: an administrator (`actor`, None on the command line) deletes the account
    (account_access.delete_user, where the rules are), audited as "user_deleted" in their
    name; otherwise the person deleted it themselves ("account_deleted"). Returns what it
    ended (the `departures.Departure`, with the API tokens revoked)."""
    # who to tell, taken before their address is erased; told once the deletion is saved
    # (a deletion of their own is said on the page, and a restore's again was told before)
    told = account_notices.addressee(user) if by_admin and not again else None
    departure = departures.leave_arenas(user, actor=actor if by_admin else None,
                                        by="admin" if by_admin else "self")
    departure.tokens = len(api_tokens.live_tokens(user))
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
    # a form sent after being logged out is kept for a day with all it held (kept_forms);
    # the row stays here, so its ON DELETE CASCADE never fires
    db.session.execute(delete(KeptForm).where(KeptForm.user_id == user.id))
    db.session.execute(update(ApiToken).where(ApiToken.user_id == user.id,
                                              ApiToken.revoked_at.is_(None))
                       .values(revoked_at=now))
    db.session.execute(update(ApiToken).where(ApiToken.user_id == user.id)
                       .values(name="(deleted)"))
    _scrub_audit_trail(user, old_email)
    if again:
        # the restored database lost the first deletion's event: not the person's own now
        audit.record("erased_again_after_restore", target=f"user:{user.id}",
                     detail=f"first={first_by}" if first_by else None, commit=False)
    elif by_admin:
        audit.record("user_deleted", actor=actor, target=f"user:{user.id}", commit=False)
    else:
        audit.record("account_deleted", actor=user, target=f"user:{user.id}", commit=False)
    deleted_texts.note_texts_deleted()  # the hourly prune takes them out of the saved indexes
    db.session.commit()
    if again:
        return departure
    erasure_ledger.note(erasure_ledger.USER, user.id, user.created_at,
                        by=erasure_ledger.BY_ADMIN if by_admin else erasure_ledger.BY_SELF)
    departures.announce(departure)
    if told is not None:
        account_notices.mail_deleted(told)
    return departure


def _scrub_audit_trail(user: User, current_email: str) -> None:
    """Take every address the person was known by out of the audit trail, the events kept:
    the current one and the earlier ones their confirmed changes name ("old -> new"), where
    failed logins and any other detail hold them. An earlier address another account holds
    now is that person's: it is taken only out of this person's own events. The addresses
    they asked to move to are taken out of their requests (an address never confirmed may
    be someone else's)."""
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
