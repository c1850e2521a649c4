"""Invitations: one person's place in an arena, from proposed to attended.

An invitation's ``arrive_slot``/``leave_slot`` narrow a person's availability to
``arrive_slot ≤ slot < leave_slot`` (None = from the first / until the last slot of the
arena's slot plan, `app.models.arena`), and ``meeting_cap`` lowers their meeting cap below
the arena's (None = the arena's cap).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.extensions import db
from app.models.arena import Arena
from app.models.user import utcnow

SIDES = ("founder", "investor")
INVITATION_STATES = ("proposed", "waiting_list", "invited", "accepted", "declined", "cancelled")
# Answered no, or taken off the list: no times at the arena and no meetings.
NOT_COMING = ("declined", "cancelled")
# Who ended a cancelled invitation (Invitation.cancelled_by): the person themselves, the
# arena's staff, or an administrator (deactivation, role change, deleting the account).
CANCELLED_BY = ("self", "staff", "admin")


def calendar_status(state: str | None) -> str:
    """The STATUS of the arena's own event in the calendar of someone whose invitation is in
    `state`: sure once they said yes, tentative while invited (or waiting for a seat),
    cancelled otherwise."""
    if state == "accepted":
        return "CONFIRMED"
    if state in ("invited", "waiting_list"):
        return "TENTATIVE"
    return "CANCELLED"


class Invitation(db.Model):
    """One person's place in an arena: proposed, waiting, invited, answered, attended."""

    __tablename__ = "invitation"
    __table_args__ = (
        UniqueConstraint("arena_id", "user_id"),
        Index("ix_invitation_arena_state", "arena_id", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    arena_id: Mapped[int] = mapped_column(ForeignKey("arena.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    side: Mapped[str] = mapped_column(String(20))
    # Founders are invited through a published pitch.
    pitch_id: Mapped[int | None] = mapped_column(ForeignKey("pitch.id", ondelete="SET NULL"))
    state: Mapped[str] = mapped_column(String(20), default="proposed")
    rank: Mapped[int] = mapped_column(Integer, default=0)
    value: Mapped[float] = mapped_column(Float, default=0.0)
    # Why the engine proposed this person: {"value": .., "good_investors": .., "quota": ..}.
    reasons: Mapped[dict] = mapped_column(JSON, default=dict)
    invited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    arrive_slot: Mapped[int | None] = mapped_column(Integer)
    leave_slot: Mapped[int | None] = mapped_column(Integer)
    # The person's own "at most N meetings"; never above the arena's cap (None = that cap).
    meeting_cap: Mapped[int | None] = mapped_column(Integer)
    attended: Mapped[bool | None] = mapped_column(Boolean)
    # Who cancelled it (CANCELLED_BY), while the state is "cancelled": the person's own pages
    # say what happened ("You cancelled your participation", "The organisers took you off
    # the list") rather than "Cancelled", the word for an arena called off. None on rows
    # cancelled before it was stored, and on every other state.
    cancelled_by: Mapped[str | None] = mapped_column(String(10))
    # Raised each time the arena's event in their calendar changes status (invited, coming,
    # no longer coming: see _count_calendar_change): with the arena's calendar_sequence it
    # is the SEQUENCE of the arena's own event in their calendar file, and above 0 it says
    # they once had that event.
    calendar_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When calendar_sequence last rose (or the row was made): the DTSTAMP of the arena's
    # event in their file, with the arena's own. Not updated_at, which their times, a
    # reminder or attendance move too, and an unchanged event with a new DTSTAMP reads as a
    # new revision in some calendar apps. Nullable only so the migration adds it in place.
    calendar_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                                 default=utcnow)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )

    arena = relationship("Arena", backref=db.backref("invitations", passive_deletes=True,
                                                     lazy="dynamic"))
    user = relationship("User", lazy="joined")
    pitch = relationship("Pitch")

    @validates("state")
    def _count_calendar_change(self, _key: str, state: str) -> str:
        """Every path that changes what the arena's event in the person's calendar says
        (being invited: tentative, the invitation e-mail carries it; an answer, a withdrawal,
        staff taking them off the list) sets the state, so the count is kept here: a calendar
        app replaces or removes the event only for a higher SEQUENCE. Leaving "cancelled"
        (invited again) forgets who cancelled it."""
        if state != "cancelled":
            self.cancelled_by = None
        if calendar_status(self.state) != calendar_status(state):
            self.calendar_sequence = (self.calendar_sequence or 0) + 1
            self.calendar_changed_at = utcnow()
        return state

    @property
    def withdrawn(self) -> bool:
        """Cancelled before any answer: the organisers took the invited person off the list
        (invitation_edits.remove) while the invitation still awaited their answer. One who
        said yes and then stopped coming, or was taken off the list, has an answer. An
        administrator's doing (`cancelled_by` "admin": deactivation, role change) or the
        person's own is no withdrawal by the organisers; rows from before `cancelled_by` was
        stored (None) were read as one, and still are."""
        return (self.state == "cancelled" and self.invited_at is not None
                and self.answered_at is None and self.cancelled_by in (None, "staff"))

    @property
    def waiting_after_yes(self) -> bool:
        """On the waiting list after saying yes to a sent invitation (rsvp: every seat was
        taken), unlike the waiting list of an unsent proposal, which nobody has heard of:
        staff's Remove tells them (invitation_edits.remove), so it asks first and has no
        Undo, as for a sent invitation."""
        return self.state == "waiting_list" and self.invited_at is not None

    @property
    def has_times(self) -> bool:
        """Whether the person has times at the arena: not once they said no or were taken
        off the list (what they chose before is kept, should they accept again)."""
        return self.state not in NOT_COMING

    def available_slots(self, arena: Arena | None = None) -> list[int]:
        """The meeting slots this person can attend."""
        arena = arena or self.arena
        first = self.arrive_slot or 0
        last = arena.slot_count if self.leave_slot is None else self.leave_slot
        return [s for s in arena.meeting_slots if first <= s < last]

    def cap(self, arena: Arena | None = None) -> int:
        """The most meetings this person gets: their own cap, but never above the arena's
        (which staff may lower after the person chose)."""
        arena = arena or self.arena
        if self.meeting_cap is None:
            return arena.cap
        return max(0, min(self.meeting_cap, arena.cap))

    def most_meetings(self, arena: Arena | None = None) -> int:
        """How many meetings the person can get at most: their cap, and no more than the
        meeting slots between their arrival and leaving (09:30 to 09:45 fits one)."""
        arena = arena or self.arena
        return min(self.cap(arena), len(self.available_slots(arena)))

    def __repr__(self) -> str:
        return f"<Invitation {self.id} {self.side} {self.state}>"
