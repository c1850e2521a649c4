"""A form sent by someone who was no longer logged in: what they wrote, kept for a while.

Logged out in another tab, or timed out while writing a long pitch, the person used to get
"Nothing was saved" and lose the text. The form's fields (never a password or the CSRF
token) are kept under a random token for their account; after logging in again the form's
page is drawn with them, to check and send again. Nothing is saved by keeping them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.user import aware_utc, utcnow


class KeptForm(db.Model):
    """One form's fields, sent after its writer's session ended."""

    __tablename__ = "kept_form"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    # only this account, logged in again, gets them back; deleting it deletes them. None:
    # sent by a browser whose session cookie had expired (nobody known), until the first
    # login that follows the link given to that browser takes them
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                                index=True)
    path: Mapped[str] = mapped_column(String(500))  # the form's page, where they go back
    fields: Mapped[str] = mapped_column(Text)  # JSON: [[name, value], …] in the order sent
    # indexed: expired ones are deleted by it whenever a new one is kept
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow,
                                                 index=True)

    @property
    def created_utc(self) -> datetime:
        """created_at, aware (SQLite hands back naive datetimes)."""
        return aware_utc(self.created_at)
