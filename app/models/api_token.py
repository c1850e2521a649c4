"""Personal API tokens: a user's named, scoped, expiring keys for /api/v1.

Only a SHA-256 hash of the token is stored; the short public ``prefix`` finds the row.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.user import utcnow

TOKEN_SCOPES = ("read", "read-write")


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:  # SQLite hands back naive datetimes
        return value.replace(tzinfo=UTC)
    return value


class ApiToken(db.Model):
    """One personal API token of a user."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(20), default="read")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user = relationship("User", lazy="joined")

    @property
    def can_write(self) -> bool:
        return self.scope == "read-write"

    @property
    def expires_utc(self) -> datetime:
        return _aware(self.expires_at)

    def is_usable(self, now: datetime | None = None) -> bool:
        """Not revoked, not expired."""
        return self.revoked_at is None and (now or utcnow()) < self.expires_utc

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} {self.prefix} {self.scope}>"
