"""A founder's pitch: draft until published."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, and_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.text_index import trigram_index
from app.models.types import TagList
from app.models.user import active_account_in_role, utcnow

PITCH_STATUSES = ("draft", "published")


class Pitch(db.Model):
    """What a founder wants funded, and with which help."""

    __tablename__ = "pitch"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    sectors: Mapped[list[str]] = mapped_column(TagList, default=list)
    stage: Mapped[str] = mapped_column(String(20), index=True)
    ask_nok: Mapped[int | None] = mapped_column(Integer)
    funding_type: Mapped[str | None] = mapped_column(String(30))
    municipality: Mapped[str | None] = mapped_column(String(40), index=True)
    green_objectives: Mapped[list[str]] = mapped_column(TagList, default=list)
    support_needs: Mapped[list[str]] = mapped_column(TagList, default=list)
    team_size: Mapped[int | None] = mapped_column(Integer)
    founded_year: Mapped[int | None] = mapped_column(Integer)
    website: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    hidden_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    owner = relationship("User", lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_published(self) -> bool:
        return self.status == "published"

    @property
    def is_visible(self) -> bool:
        """Others may see it: published, not hidden by staff, and its founder still on Koble
        (a deactivated or deleted account's pitches leave every list and page with them) and
        still a founder (an administrator who makes them an investor, staff or an admin
        withdraws their pitches; making them a founder again shows them again)."""
        return (self.status == "published" and not self.hidden
                and (self.owner is None
                     or (self.owner.active and self.owner.role == "founder")))

    @classmethod
    def visible_clause(cls):
        """`is_visible` as an SQL condition: the one rule for every query that lists or
        opens pitches for others."""
        return and_(cls.status == "published", cls.hidden.is_(False),
                    active_account_in_role(cls.owner_id, "founder"))

    def __repr__(self) -> str:
        return f"<Pitch {self.id} {self.status}>"


# the text search reads these three columns as one (app/services/text_search.py)
trigram_index("ix_pitch_search_text", Pitch.title, Pitch.summary, Pitch.description)
