"""Signed, expiring tokens for links sent by e-mail."""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.extensions import db
from app.models import User

RESET_MAX_AGE = 3600
# The link to confirm a new e-mail address: a day, as it may be read on another device later.
EMAIL_CHANGE_MAX_AGE = 24 * 3600
EMAIL_CHANGE_SALT = "email-change"


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _fingerprint(user: User) -> str:
    # Bound to the current password hash, so the token dies once it has been used, and to
    # the e-mail address, so a link mailed to an address the account no longer has dies with
    # the change (and a confirmed address change cannot be confirmed twice).
    state = f"{user.password_hash}\0{user.email}"
    return hashlib.sha256(state.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    """A password-reset token that expires and works only once."""
    return _serializer("password-reset").dumps({"u": user.id, "f": _fingerprint(user)})


# The link that a new account (imported member, invited staff) chooses its first password
# with: 7 days, as the registration's address link, since the invitation may be read days
# later. It opens the reset page as the reset link does and dies in the same way once used
# (the fingerprint); the "Forgot your password?" link keeps its hour.
WELCOME_MAX_AGE = 7 * 24 * 3600
WELCOME_SALT = "welcome"


def make_welcome_token(user: User) -> str:
    """A set-password token for a new account: works once, for WELCOME_MAX_AGE."""
    return _serializer(WELCOME_SALT).dumps({"u": user.id, "f": _fingerprint(user)})


def user_for_reset_token(token: str, max_age: int = RESET_MAX_AGE) -> User | None:
    """The user a valid, unused, unexpired reset token (within `max_age`) or welcome token
    (within WELCOME_MAX_AGE) belongs to."""
    found = (_signed_for_user("password-reset", token, max_age)
             or _signed_for_user(WELCOME_SALT, token, WELCOME_MAX_AGE))
    return found[0] if found else None


def _signed_for_user(salt: str, token: str, max_age: int) -> tuple[User, dict] | None:
    """The active user and the payload of a valid, unexpired token signed with `salt` whose
    fingerprint still matches: a new password or address since it was made kills it."""
    try:
        data = _serializer(salt).loads(token, max_age=max_age)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = db.session.get(User, data["u"])
    if user is None or not user.active or data.get("f") != _fingerprint(user):
        return None
    return user, data


def make_email_change_token(user: User, new_email: str) -> str:
    """A token that confirms moving the account to `new_email`: it expires, works once, and
    dies when the password or the address changes first."""
    return _serializer(EMAIL_CHANGE_SALT).dumps(
        {"u": user.id, "e": new_email, "f": _fingerprint(user)})


def email_change_for_token(token: str,
                           max_age: int = EMAIL_CHANGE_MAX_AGE) -> tuple[User, str] | None:
    """The user and the new address of a valid, unused, unexpired e-mail change token."""
    found = _signed_for_user(EMAIL_CHANGE_SALT, token, max_age)
    if found is None or not isinstance(found[1].get("e"), str):
        return None
    return found[0], found[1]["e"]


# The link mailed at registration: a week, as a newcomer may come back to it after days.
ADDRESS_CONFIRM_MAX_AGE = 7 * 24 * 3600
ADDRESS_CONFIRM_SALT = "email-confirm"


def make_address_token(user: User) -> str:
    """A token that confirms the account's current address: it expires, and dies when the
    password or the address changes (confirming twice does nothing more)."""
    return _serializer(ADDRESS_CONFIRM_SALT).dumps({"u": user.id, "f": _fingerprint(user)})


def user_for_address_token(token: str, max_age: int = ADDRESS_CONFIRM_MAX_AGE) -> User | None:
    """The user a valid, unexpired address confirmation token belongs to."""
    found = _signed_for_user(ADDRESS_CONFIRM_SALT, token, max_age)
    return found[0] if found else None


def sign(payload: dict, salt: str) -> str:
    """Sign a payload for a link (e.g. an RSVP)."""
    return _serializer(salt).dumps(payload)


def unsign(token: str, salt: str, max_age: int) -> dict | None:
    """The payload of a valid, unexpired signed token, or None."""
    try:
        data = _serializer(salt).loads(token, max_age=max_age)
    except (BadSignature, TypeError, ValueError):
        return None
    return data if isinstance(data, dict) else None
