"""API requests sent with an ``Idempotency-Key``: what the first one answered.

A client that times out cannot tell whether its POST made anything, so it sends the same
request again. With the same key (per user) and the same body within a day it gets the
first answer back instead of a second pitch. The answer is stored whole (status, body,
Location) because the client must see what it would have seen, not the thing as it stands
now (it may have been edited since). A pitch deleted for good takes the answers holding it
with it: the key is then new again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.user import aware_utc, utcnow


class IdempotentRequest(db.Model):
    """One user's key: the request it was first sent with, and that request's answer
    (none yet while the request is being handled)."""

    __tablename__ = "idempotent_request"

    # per user: the same key from someone else is their own key
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    # SHA-256 of method, path and the body read as JSON: the same key with another
    # request is refused, not answered with the first one's result
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[int | None] = mapped_column(Integer)
    body: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(500))
    # the pitch the answer holds: deleting the pitch deletes the answer, in the same
    # statement, whichever way it is deleted (indexed for that)
    pitch_id: Mapped[int | None] = mapped_column(ForeignKey("pitch.id", ondelete="CASCADE"),
                                                 index=True)
    # indexed: expired keys are pruned by it whenever a new key is stored
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)

    @property
    def created_utc(self) -> datetime:
        """created_at, aware (SQLite hands back naive datetimes)."""
        return aware_utc(self.created_at)
