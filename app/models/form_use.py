"""One-time tokens of the create forms (a new pitch, a new arena).

The form's page carries a fresh token; the first save records it with what it made. The same
form sent again, after the browser's Back restored it filled in, or a second click that
arrives while the first is still being saved, finds that row and leads to what was made
instead of making a second, identical one.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.user import utcnow


class FormUse(db.Model):
    """A create form's token that has saved something, and what it saved."""

    __tablename__ = "form_use"

    # per user: a token sent by someone else finds nothing of theirs
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "pitch", "arena"
    object_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
