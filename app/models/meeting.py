"""Meetings at an arena: the requests participants make to meet someone, the 1:1 meetings
the schedule places at a slot and table, and each participant's follow-up on a meeting.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.user import utcnow

REQUEST_STATES = ("pending", "accepted", "declined")
MEETING_SOURCES = ("mutual", "one_sided", "suggestion")
MEETING_STATES = ("scheduled", "cancelled", "cancelled_by_staff")


class MeetingRequest(db.Model):
    """A participant asks to meet someone on the other side at an arena."""

    __tablename__ = "meeting_request"
    __table_args__ = (UniqueConstraint("arena_id", "from_user_id", "to_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    arena_id: Mapped[int] = mapped_column(ForeignKey("arena.id", ondelete="CASCADE"),
                                          index=True)
    from_user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    to_user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                            index=True)
    state: Mapped[str] = mapped_column(String(20), default="pending")
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    arena = relationship("Arena")
    from_user = relationship("User", foreign_keys=[from_user_id], lazy="joined")
    to_user = relationship("User", foreign_keys=[to_user_id], lazy="joined")

    def __repr__(self) -> str:
        return f"<MeetingRequest {self.id} {self.state}>"


class Meeting(db.Model):
    """A scheduled 1:1 meeting between a founder and an investor at a slot and table."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_arena_slot", "arena_id", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    arena_id: Mapped[int] = mapped_column(ForeignKey("arena.id", ondelete="CASCADE"))
    founder_user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                                 index=True)
    investor_user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                                  index=True)
    pitch_id: Mapped[int | None] = mapped_column(ForeignKey("pitch.id", ondelete="SET NULL"))
    slot: Mapped[int] = mapped_column(Integer)
    table: Mapped[int] = mapped_column("table_no", Integer)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20), default="suggestion")
    # The pair's stored match score when the schedule placed it; None for a pair that meets
    # because they asked to and the engine has no score for (not a weak match: no match).
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    state: Mapped[str] = mapped_column(String(20), default="scheduled")
    # Where its people knew the meeting before staff moved it after the schedule was
    # published (the start, in UTC, and the table from 0), for the agenda's "Moved: was
    # 10:00, table 3": a printed agenda or a remembered time still says that place. None
    # when it never moved, or moved back there (schedule.note_moved).
    moved_from_start: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    moved_from_table: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    arena = relationship("Arena")
    founder = relationship("User", foreign_keys=[founder_user_id], lazy="joined")
    investor = relationship("User", foreign_keys=[investor_user_id], lazy="joined")
    pitch = relationship("Pitch")

    def __repr__(self) -> str:
        return f"<Meeting {self.id} slot {self.slot} table {self.table}>"


class MeetingFeedback(db.Model):
    """A participant's one-question follow-up on a meeting; feedback for the engine."""

    __tablename__ = "meeting_feedback"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    worth_it: Mapped[bool | None] = mapped_column(Boolean)
    will_follow_up: Mapped[bool | None] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    meeting = relationship("Meeting", backref=db.backref("feedback", passive_deletes=True))
    user = relationship("User")

    def __repr__(self) -> str:
        return f"<MeetingFeedback {self.id}>"
