"""Loading users from the session, and session timeouts."""

from __future__ import annotations

import time

from flask import Flask, session
from flask_login import current_user, logout_user
from sqlalchemy import select

from app.extensions import db
from app.models import User


def load_user(user_id: str) -> User | None:
    """Find the user whose id and session token match the cookie."""
    uid, _, token = user_id.partition(":")
    if not uid.isdigit() or not token:
        return None
    user = db.session.get(User, int(uid))
    if user is None or user.session_token != token or not user.active:
        return None
    return user


def init_app(app: Flask) -> None:
    """Enforce the idle timeout on every request."""
    idle = app.config["SESSION_IDLE_TIMEOUT"].total_seconds()

    @app.before_request
    def _idle_timeout():
        if not current_user.is_authenticated:
            return
        now = time.time()
        seen = session.get("seen", now)
        if now - seen > idle:
            logout_user()
            session.clear()
            return
        session["seen"] = now
        session.permanent = True


def end_other_sessions(user: User) -> None:
    """Rotate the session token so every other cookie stops working."""
    from app.models.user import new_session_token

    user.session_token = new_session_token()


def user_by_email(email: str) -> User | None:
    """Look up a user by e-mail, case-insensitively."""
    return db.session.scalar(select(User).where(User.email == email.strip().lower()))
