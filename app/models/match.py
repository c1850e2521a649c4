"""Stored match scores: the engine's answer for one pitch–investor pair."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.user import utcnow


class MatchScore(db.Model):
    """A pair's score with its components and explanation, as computed by one index version."""

    __tablename__ = "match_score"
    __table_args__ = (
        UniqueConstraint("pitch_id", "investor_profile_id", name="uq_match_score_pair"),
        Index("ix_match_score_pitch_score", "pitch_id", "score"),
        Index("ix_match_score_investor_score", "investor_profile_id", "score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pitch_id: Mapped[int] = mapped_column(ForeignKey("pitch.id", ondelete="CASCADE"))
    investor_profile_id: Mapped[int] = mapped_column(
        ForeignKey("investor_profile.id", ondelete="CASCADE")
    )
    score: Mapped[float] = mapped_column(Float)
    components: Mapped[dict] = mapped_column(JSON, default=dict)
    shared_terms: Mapped[list] = mapped_column(JSON, default=list)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    engine_version: Mapped[int] = mapped_column(Integer, default=0)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    pitch = relationship("Pitch", lazy="joined", passive_deletes=True)
    investor = relationship("InvestorProfile", lazy="joined", passive_deletes=True)

    def __repr__(self) -> str:
        return f"<MatchScore p{self.pitch_id} i{self.investor_profile_id} {self.score:.3f}>"
