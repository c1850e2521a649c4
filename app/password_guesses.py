"""The signed-in pages that ask for the password again (e-mail change, a new API token, a
password change, deleting the account) share one budget of tries per account, the size of
the login's: a session left open on someone else's computer is no way to guess the
password, and four such pages do not give four times the guesses.

There is no budget per client address here, as the login has. Every guess needs the
account's own session and counts against that account, so one per address would stop no
guessing; it would only let whoever shares the address (an office, the venue's wifi at an
arena, even a visitor not logged in) use up the tries of everyone else there."""

from __future__ import annotations

from flask import current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user

from app.extensions import limiter


def _limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_key() -> str:
    # The limit is checked before login_required runs: an anonymous POST counts by address,
    # apart from every account's count ("user:<id>"), and checks no password.
    if current_user.is_authenticated:
        return f"user:{current_user.id}"
    return get_remote_address()


def counted(view):
    """Count the view's POSTs against the account's budget (a GET only shows the form)."""
    return limiter.shared_limit(_limit, "password-tries-account", methods=["POST"],
                                key_func=_account_key)(view)
