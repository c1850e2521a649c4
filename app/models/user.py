"""People who log in: founders, investors, staff and admins."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, exists, false, select
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship

from app.extensions import db
from app.models.types import TagList

ROLES = ("founder", "investor", "staff", "admin")


def utcnow() -> datetime:
    """Timezone-aware now, stored as UTC."""
    return datetime.now(UTC)


def aware_utc(value: datetime) -> datetime:
    """A stored UTC time as an aware datetime: SQLite hands DateTime(timezone=True) columns
    back naive."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def new_session_token() -> str:
    """A fresh random token; changing it ends every session of the user."""
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    """An account with one role."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), index=True)
    association_id: Mapped[int | None] = mapped_column(ForeignKey("association.id"), index=True)
    municipality: Mapped[str | None] = mapped_column(String(40))
    # "Decide from my municipality" was the choice (registration, the account page): the
    # association then follows a change of municipality; one picked by name stays.
    association_from_municipality: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false())
    phone: Mapped[str | None] = mapped_column(String(40))
    locale: Mapped[str | None] = mapped_column(String(5))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When the person showed they read this address (services/email_confirmation.py). Only
    # self-registration leaves it empty: staff typed an invited or imported member's address
    # and that person gets in only by the link mailed to it, and a changed address is
    # confirmed by its own link.
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                                default=utcnow)
    # raised with every committed change that concerns only this user's pages
    page_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # the notice e-mail groups the person turned off (services/mail_preferences.py)
    notice_mail_off: Mapped[list[str]] = mapped_column(TagList, default=list, server_default="")

    association = relationship("Association", lazy="joined")

    def get_id(self) -> str:
        # Flask-Login asks once, at login, and puts the answer in the session and the
        # remember-me cookie. The token is part of it so a rotated token invalidates old
        # cookies; the login time so the server, not only the browser, ends a remember-me
        # login after REMEMBER_COOKIE_DURATION (see app.sessions.load_user).
        return f"{self.id}:{self.session_token}:{int(time.time())}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_founder(self) -> bool:
        return self.role == "founder"

    @property
    def is_investor(self) -> bool:
        return self.role == "investor"

    @property
    def is_staff(self) -> bool:
        return self.role in ("staff", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


def active_account(user_id_column):
    """SQL: the account `user_id_column` points at is active. Its own alias, so that a query
    already joining `user` (as another person) does not correlate it away."""
    account = aliased(User)
    return exists(select(account.id).where(account.id == user_id_column,
                                            account.active.is_(True)))


def active_account_in_role(user_id_column, role: str):
    """SQL: the account `user_id_column` points at is active and has `role`. A founder's
    pitches are shown and matched only while they are a founder, an investor's profile only
    while they are an investor: an administrator's role change withdraws them, and changing
    the role back shows them again (app.services.account_access.withdrawn_by_role)."""
    account = aliased(User)
    return exists(select(account.id).where(account.id == user_id_column,
                                            account.active.is_(True), account.role == role))
