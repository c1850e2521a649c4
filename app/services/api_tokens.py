"""Personal API tokens: create (shown once), list, revoke, and authenticate a request.

A token reads ``kbl_<prefix>_<secret>``: the prefix (public, 10 characters) finds the row,
the whole string's SHA-256 is compared in constant time. Nothing else is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models.api_token import TOKEN_SCOPES, ApiToken
from app.models.user import utcnow
from app.services import audit, form_once
from app.services.errors import DomainError, NotFound, Problems
from app.services.passwords import verify_password

PREFIX = "kbl_"
MAX_DAYS = 365
MAX_TOKENS = 20  # live tokens per user


class TokenInvalid(Exception):
    """Missing, malformed, unknown, expired or revoked token, or a deactivated user."""


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def split_prefix(token: str) -> str | None:
    """The lookup prefix of a well-formed token, else None (no database work needed)."""
    if not token.startswith(PREFIX) or len(token) > 200:
        return None
    prefix, sep, secret = token[len(PREFIX):].partition("_")
    if not sep or len(prefix) != 10 or not prefix.isalnum() or len(secret) < 20:
        return None
    return prefix


@dataclass
class NewToken:
    """A freshly created token: the row and the plain text, shown once."""

    token: ApiToken
    plain: str | None  # None: the same form made it before, and its plain text was shown then


def _problems(user, name: str, scope: str, days, skip=frozenset()) -> list[DomainError]:
    """Everything wrong with a new token's values, each at its field (the count of live
    tokens at none: no field can mend it), but not for the fields in `skip`."""
    found = []
    name = (name or "").strip()
    if "name" not in skip and (not name or len(name) > 80):
        found.append(DomainError(_("Give the token a name of at most 80 characters."), "name"))
    if "scope" not in skip and scope not in TOKEN_SCOPES:
        found.append(DomainError(_("Choose read or read-write."), "scope"))
    if "days" not in skip and (isinstance(days, bool) or not isinstance(days, int)
                               or not 1 <= days <= MAX_DAYS):
        found.append(DomainError(_("A token lives from 1 to %(max)d days.", max=MAX_DAYS),
                                 "days"))
    if len(live_tokens(user)) >= MAX_TOKENS:
        found.append(DomainError(_("You have too many tokens; revoke one first.")))
    return found


def _refuse(found: list[DomainError]) -> None:
    if len(found) == 1:
        raise found[0]
    if found:
        raise Problems(found)


def create(user, name: str, scope: str, days: int, form_token: str | None = None) -> NewToken:
    """A new token; its plain text is returned here and never again. With the form's
    one-time token (services/form_once), the token an earlier send of the same form made,
    if one did (a page reloaded, sent again after Back, a double click), without its plain
    text, instead of a second key."""
    _refuse(_problems(user, name, scope, days))
    name = name.strip()
    prefix = secrets.token_hex(5)
    plain = f"{PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(user_id=user.id, name=name, prefix=prefix, token_hash=hash_token(plain),
                     scope=scope, expires_at=utcnow() + timedelta(days=days))
    db.session.add(token)
    db.session.flush()
    audit.record("api_token_created", actor=user, target=f"api_token:{token.id}",
                 detail=f"{scope}, {days} days", commit=False)
    token, new = form_once.commit_once(user, "api_token", form_token, token)
    return NewToken(token, plain if new else None)


def create_confirmed(user, password: str, name: str, scope: str, days: int,
                     refused: Iterable[str] = (), form_token: str | None = None
                     ) -> NewToken | None:
    """`create`, once the account's password is given: a token outlives the session it was
    made in, so a session alone (a computer left unlocked and logged in) must not be enough
    to make one. A wrong password makes nothing and is audited, as a failed login is.

    Every problem is said at once (Problems), the password's last, as the form lists its
    fields: the password is checked even when another value is wrong, so that the person
    does not fix the name only to hear next that the password was wrong too. `refused`: the
    fields the caller's form refused itself, left to its own messages; with any, nothing is
    made and None is answered when nothing else is wrong."""
    refused = set(refused)
    found = _problems(user, name, scope, days, refused)
    if "password" not in refused and not verify_password(user.password_hash, password or ""):
        audit.record("api_token_password_wrong", actor=user, target=f"user:{user.id}")
        found.append(DomainError(_("The password is wrong."), "password"))
    _refuse(found)
    if refused:
        return None
    return create(user, name, scope, days, form_token)


def tokens_of(user) -> list[ApiToken]:
    """Every token of the user, newest first (revoked and expired included)."""
    return list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                                   .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())))


def live_tokens(user) -> list[ApiToken]:
    now = utcnow()
    return [t for t in tokens_of(user) if t.is_usable(now)]


def own_token(user, token_id: int) -> ApiToken:
    """One of the user's own tokens (someone else's, or none: NotFound)."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound(_("No such token."))
    return token


def revoke(user, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens (someone else's: NotFound)."""
    token = own_token(user, token_id)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record("api_token_revoked", actor=user, target=f"api_token:{token.id}",
                     commit=False)
        db.session.commit()
    return token


def revoke_all(user, actor) -> int:
    """Revoke every token of the user that still works, in the caller's transaction (not
    committed), audited as `actor`'s doing; returns how many. For a password reset
    (accounts.set_password) and a deactivation (account_access.set_active)."""
    live = live_tokens(user)
    now = utcnow()
    for token in live:
        token.revoked_at = now
        audit.record("api_token_revoked", actor=actor, target=f"api_token:{token.id}",
                     commit=False)
    return len(live)


def authenticate(plain: str) -> ApiToken:
    """The usable token for this plain text (its user active), else TokenInvalid."""
    prefix = split_prefix(plain or "")
    if prefix is None:
        raise TokenInvalid
    token = db.session.scalar(select(ApiToken).where(ApiToken.prefix == prefix))
    if token is None or not hmac.compare_digest(token.token_hash, hash_token(plain)):
        raise TokenInvalid
    if not token.is_usable() or token.user is None or not token.user.active:
        raise TokenInvalid
    return token


def touch(token: ApiToken) -> None:
    """Record use, at most once a minute per token (keeps reads nearly write-free)."""
    now = utcnow()
    last = token.last_used_at
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=now.tzinfo)
    if last is None or now - last > timedelta(minutes=1):
        token.last_used_at = now
        db.session.commit()
