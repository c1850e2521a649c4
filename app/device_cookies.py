"""Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies").

The login counts tries per typed address, so anyone who knows an address could hold its
owner at "Too many attempts" by typing wrong passwords for it. A browser that has logged in
to an account gets a signed cookie naming that account; its later login tries for the same
account count against the cookie's own budget instead, so a stranger's tries lock out
strangers, not the owner on a computer they have logged in from before. Tries without such
a cookie (or with one for another account, or a forged one) count per account as before.

A cookie whose own budget runs out is no longer trusted (remembered in the limiter's
storage, as the budgets are): a stolen cookie gives one budget of guesses, then its tries
count against the account's like everyone else's. The next good login issues a new one.

A cookie also holds a digest of the password hash it was issued under, as the reset links
do (app/services/tokens.py): a password change or reset, what the owner does who fears
someone else got in, ends the trust of every cookie issued before it, the thief's too.
Not the session token: every logout rotates that.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask import current_app, g, request, url_for
from itsdangerous import BadData, URLSafeTimedSerializer
from limits import parse

from app.extensions import limiter
from app.services import accounts

COOKIE = "koble_device"
MAX_AGE = timedelta(days=365)
_SALT = "koble-device-cookie"
# Longer than any cookie lives: a distrusted cookie is never trusted again.
_DISTRUST = parse("1 per 400 days")


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=_SALT)


def _password_digest(user) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def issue(response, user) -> None:
    """Give the browser a fresh device cookie for the account it has just logged in to."""
    value = _serializer().dumps({"user": user.id, "nonce": secrets.token_urlsafe(16),
                                 "password": _password_digest(user)})
    # Sent only to the login: no other page needs it.
    response.set_cookie(COOKIE, value, max_age=int(MAX_AGE.total_seconds()),
                        path=url_for("auth.login"), httponly=True, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))


def _vouching_nonce() -> str | None:
    raw = request.cookies.get(COOKIE)
    email = request.form.get("email", "")
    if not raw or not email or "\x00" in email or len(email) > 254:
        return None
    try:
        data = _serializer().loads(raw, max_age=int(MAX_AGE.total_seconds()))
    except BadData:
        return None
    if not isinstance(data, dict):
        return None
    user_id, nonce = data.get("user"), data.get("nonce")
    if not isinstance(user_id, int) or not isinstance(nonce, str):
        return None
    user = accounts.find_user(email)
    if user is None or user.id != user_id or data.get("password") != _password_digest(user):
        return None
    if not limiter.limiter.test(_DISTRUST, "device-distrusted", nonce):
        return None
    return nonce


def vouching_nonce() -> str | None:
    """The nonce of the request's device cookie if it is genuine, names the account typed
    into the login form and has not been distrusted; else None."""
    if "device_nonce" not in g:
        g.device_nonce = _vouching_nonce()
    return g.device_nonce


def vouches() -> bool:
    return vouching_nonce() is not None


def untrusted() -> bool:
    return vouching_nonce() is None


def device_key() -> str:
    return f"device:{vouching_nonce()}"


def distrust(_request_limit=None) -> None:
    """The cookie's own budget ran out (flask-limiter's on_breach)."""
    nonce = vouching_nonce()
    if nonce is not None:
        limiter.limiter.hit(_DISTRUST, "device-distrusted", nonce)
