"""Signed, expiring tokens for links sent by e-mail."""

from __future__ import annotations

import hashlib

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.extensions import db
from app.models import User

RESET_MAX_AGE = 3600


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _fingerprint(user: User) -> str:
    # Bound to the current password hash, so the token dies once it has been used.
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def make_reset_token(user: User) -> str:
    """A password-reset token that expires and works only once."""
    return _serializer("password-reset").dumps({"u": user.id, "f": _fingerprint(user)})


def user_for_reset_token(token: str, max_age: int = RESET_MAX_AGE) -> User | None:
    """The user a valid, unused, unexpired reset token belongs to."""
    try:
        data = _serializer("password-reset").loads(token, max_age=max_age)
    except (BadSignature, TypeError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    user = db.session.get(User, data["u"])
    if user is None or not user.active or data.get("f") != _fingerprint(user):
        return None
    return user


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
