"""Loading users from the session, and session timeouts."""

from __future__ import annotations

import time

from flask import Flask, current_app, g, request, session
from flask_login import current_user, logout_user, user_loaded_from_cookie, user_logged_in
from sqlalchemy import bindparam, select

from app.extensions import db
from app.models import PageVersion, User
from app.services.accounts import record_login
from app.static_files import is_static_request


def load_user(user_id: str) -> User | None:
    """Find the user whose id and session token match the cookie, if the login it carries
    is younger than REMEMBER_COOKIE_DURATION (the longest any login may last)."""
    uid, _, rest = user_id.partition(":")
    token, _, stamp = rest.partition(":")
    if not uid.isdigit() or not token or not stamp.isdigit():
        return None
    age = time.time() - int(stamp)
    if not -60 <= age <= current_app.config["REMEMBER_COOKIE_DURATION"].total_seconds():
        return None
    # The site-wide page version comes with the user, in the same statement: cached pages
    # are keyed by it (app.services.page_cache) and it costs no extra round trip here.
    row = db.session.execute(_USER_AND_PAGE_VERSION, {"user_id": int(uid)}).first()
    if row is None:
        return None
    user, g.page_version = row
    if user.session_token != token or not user.active:
        return None
    return user


_PAGE_VERSION = select(PageVersion.version).where(PageVersion.id == 1).scalar_subquery()
# Built once, the id bound at execution: every signed-in request runs it, a page served
# from the page cache too, and building the select and its cache key each time cost about
# a third of running it.
_USER_AND_PAGE_VERSION = select(User, _PAGE_VERSION).where(User.id == bindparam("user_id"))


SEEN_STEP = 60.0  # seconds


def _session_started(_app, user=None, **_extra) -> None:
    """A login (or a remember-me cookie) starts the clock of the absolute timeout."""
    now = time.time()
    session["login_at"] = now
    session["seen"] = now
    session.permanent = True


def _login_recorded(_app, user=None, **_extra) -> None:
    """Every way into a session (login, registration, a new password) is a login: it was
    recorded by the login form alone, so someone who registered and used the site read
    "Last login: never" on the admin's page."""
    if user is not None:
        record_login(user)


def init_app(app: Flask) -> None:
    """Enforce the idle and absolute timeouts on every request."""
    idle = app.config["SESSION_IDLE_TIMEOUT"].total_seconds()
    absolute = app.config["PERMANENT_SESSION_LIFETIME"].total_seconds()
    user_logged_in.connect(_session_started, app)
    user_logged_in.connect(_login_recorded, app)
    user_loaded_from_cookie.connect(_session_started, app)

    @app.before_request
    def _session_timeouts():
        # Not for a static file: it does not depend on who asks (no Vary: Cookie, so caches
        # can keep it) and costs no user lookup; the page that asked for it moved the clock.
        if is_static_request() or not current_user.is_authenticated:
            return
        now = time.time()
        seen = session.get("seen", now)
        login_at = session.setdefault("login_at", now)
        # A clock that went backwards, or a forged future stamp, counts as expired too.
        if now - seen > idle or now - login_at > absolute or login_at > now + 60:
            user = current_user._get_current_object()
            logout_user()
            end_session(user)
            # Timed out means logged out: the remember-me cookie must not bring the user back.
            if current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies:
                session["_remember"] = "clear"
            return
        # The idle clock moves in steps of a minute: a session written on every request is a
        # new cookie (serialised, signed, sent) on every response. The timeout stays exact to
        # the minute, on the strict side.
        if "seen" not in session or now - seen >= SEEN_STEP:
            session["seen"] = now
        if not session.permanent:
            session.permanent = True


def end_session(user: User | None = None) -> None:
    """Empty the session at a logout, keeping the language the person reads in (the
    session's choice, else the account's): clearing it left an English reader's
    "You are logged out." and every page after it in bokmål. The session remembers that
    someone logged out, and who, so a form still open in another tab, sent with the token
    that went with the old session, is answered "you were logged out" and what it holds is
    kept for that account until they log in again (app/errors.py)."""
    languages = current_app.config["LANGUAGES"]
    lang = session.get("lang")
    if lang not in languages:
        lang = getattr(user, "locale", None)
    session.clear()
    if lang in languages:
        session["lang"] = lang
    session[LOGGED_OUT] = user.id if user is not None else True


LOGGED_OUT = "logged_out"
# Set when someone logged out picks a language in the menu: the login that follows saves it
# on the account. A language only kept from a logout (end_session) is not someone's choice.
LANGUAGE_CHOSEN = "lang_chosen"


def end_other_sessions(user: User) -> None:
    """Rotate the session token so every other cookie stops working."""
    from app.models.user import new_session_token

    user.session_token = new_session_token()


def user_by_email(email: str) -> User | None:
    """Look up a user by e-mail, case-insensitively."""
    return db.session.scalar(select(User).where(User.email == email.strip().lower()))

