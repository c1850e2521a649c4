"""Who calls the API and what they may do: bearer-token authentication, the token's scope,
the caller's role.

Session cookies are ignored: the caller is the token's user (``caller()``), never
Flask-Login's ``current_user``.
"""

from __future__ import annotations

from functools import wraps

from flask import g, request
from flask_babel import force_locale
from flask_babel import gettext as _

from app.api.language import anonymous_locale
from app.api.refusals import ApiError
from app.i18n import saved_locale
from app.services import api_tokens

WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def authenticate():
    """Every API request names a usable token; a write needs the read-write scope."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        with force_locale(anonymous_locale()):
            raise ApiError(401, _("Send a personal API token: Authorization: Bearer <token>."))
    token = bearer_token()
    if token is None:
        with force_locale(anonymous_locale()):
            raise ApiError(401, _("The token is invalid, expired or revoked."))
    if request.method in WRITE_METHODS and not token.can_write:
        with force_locale(saved_locale(token.user)):
            raise ApiError(403, _("This token is read-only: it can read but not change "
                                  "anything. Make a read-write token under API tokens."),
                           code="insufficient_scope")
    g.api_token = token
    g.api_user = token.user
    api_tokens.touch(token)


def bearer_token():
    """The usable token the request's Authorization header names, else None; looked up
    once per request, as the rate limit's key (which runs first) needs it too."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    if "api_bearer" not in g:
        try:
            g.api_bearer = api_tokens.authenticate(value.strip())
        except api_tokens.TokenInvalid:
            g.api_bearer = None
    return g.api_bearer


def caller():
    """The user the request's token belongs to."""
    return g.api_user


def roles(*allowed: str):
    """Only these roles (admin counts as staff); others get 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = caller()
            ok = user.role in allowed or (user.role == "admin" and "staff" in allowed)
            if not ok:
                raise ApiError(403, _("Your role may not use this endpoint."))
            return view(*args, **kwargs)

        wrapped._roles = allowed
        return wrapped

    return decorator
