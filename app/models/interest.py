"""Interest marks: each side says "interested", "not for me" or "save" about a pair."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.user import utcnow

INTEREST_SIDES = ("founder", "investor")
INTEREST_KINDS = ("interested", "not_for_me", "saved")


class Interest(db.Model):
    """One side's current answer about a pitch–investor pair; kept as feedback for learning."""

    __tablename__ = "interest"
    __table_args__ = (
        UniqueConstraint("side", "pitch_id", "investor_profile_id", name="uq_interest_pair"),
        Index("ix_interest_investor_kind", "investor_profile_id", "kind"),
        Index("ix_interest_pitch_kind", "pitch_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    pitch_id: Mapped[int] = mapped_column(ForeignKey("pitch.id", ondelete="CASCADE"))
    investor_profile_id: Mapped[int] = mapped_column(
        ForeignKey("investor_profile.id", ondelete="CASCADE")
    )
    side: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(20))
    # The answer a standing "not for me" replaced ("saved", "interested"; empty when there was
    # none), so Undo on the not-for-me lists puts it back as the message's Undo does, long
    # after that message is gone.
    replaced_kind: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    def __repr__(self) -> str:
        return f"<Interest {self.side} p{self.pitch_id} i{self.investor_profile_id} {self.kind}>"
