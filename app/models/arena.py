"""Arenas: staff-curated matchmaking events, their invitations, meeting requests, meetings
and feedback.

The slot plan: ``slot_count`` consecutive slots of ``slot_minutes`` each, from ``start_time``;
``breaks`` lists the slot indexes (0-based) in which nobody meets. An invitation's
``arrive_slot``/``leave_slot`` narrow a person's availability to ``arrive_slot ≤ slot <
leave_slot`` (None = from the first / until the last slot), and ``meeting_cap`` lowers their
meeting cap below the arena's (None = the arena's cap).

Times across a daylight-saving change: the slots follow each other in elapsed time, so a
night arena's slots skip the hour the clocks jump over in spring and pass through the hour
shown twice in autumn, each at its own instant. A start, end or deadline typed as an Oslo
clock time is read as that time's first occurrence when autumn shows it twice (fold=0: still
summer time), as RFC 5545 reads such a time in a calendar file; a time that spring skips is
refused where it is typed (see oslo_clock.wall_clock_exists).
"""

from __future__ import annotations

import datetime as dt
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    and_,
    bindparam,
    or_,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.extensions import db
from app.models.oslo_clock import LOCAL_TZ, clock_time, over_before
from app.models.user import utcnow

ARENA_THEMES = ("green", "founder", "open")
ARENA_STATUSES = ("draft", "inviting", "scheduled", "done", "cancelled")
SIDES = ("founder", "investor")
INVITATION_STATES = ("proposed", "waiting_list", "invited", "accepted", "declined", "cancelled")
# Answered no, or taken off the list: no times at the arena and no meetings.
NOT_COMING = ("declined", "cancelled")
REQUEST_STATES = ("pending", "accepted", "declined")
MEETING_SOURCES = ("mutual", "one_sided", "suggestion")
MEETING_STATES = ("scheduled", "cancelled", "cancelled_by_staff")


arena_host = Table(
    "arena_host",
    db.metadata,
    Column("arena_id", ForeignKey("arena.id", ondelete="CASCADE"), primary_key=True),
    Column("association_id", ForeignKey("association.id", ondelete="CASCADE"),
           primary_key=True),
)


class Arena(db.Model):
    """A meeting place hosted by one or more associations, with a theme and a slot plan."""

    __tablename__ = "arena"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[str] = mapped_column(String(20), default="open")
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(200), default="")
    founder_capacity: Mapped[int] = mapped_column(Integer)
    investor_capacity: Mapped[int] = mapped_column(Integer)
    slot_minutes: Mapped[int] = mapped_column(Integer, default=15)
    slot_count: Mapped[int] = mapped_column(Integer, default=8)
    breaks: Mapped[list[int]] = mapped_column(JSON, default=list)
    table_count: Mapped[int] = mapped_column(Integer, default=10)
    # Per-person cap on meetings; None = one per meeting slot (Arena.cap). Also the cap on a
    # person's outgoing meeting requests, where None = meeting_requests.DEFAULT_REQUEST_CAP;
    # neither above the meetings that fit the person's window (Invitation.most_meetings).
    meeting_cap: Mapped[int | None] = mapped_column(Integer)
    # Every proposed founder should have at least this many good investors in the room.
    good_investors_k: Mapped[int] = mapped_column(Integer, default=3)
    rsvp_deadline: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    # Raised each time the schedule changes; the calendar files' SEQUENCE.
    schedule_sequence: Mapped[int] = mapped_column(Integer, default=0)
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # When staff published the meeting schedule. Until then a built schedule is a draft that
    # only staff see: staff rebuild and move it freely, and nobody is told of it.
    schedule_published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    hosts = relationship("Association", secondary=arena_host, lazy="selectin",
                         order_by="Association.id")
    created_by = relationship("User", foreign_keys=[created_by_id])

    __mapper_args__ = {"version_id_col": version}

    # --- the slot plan -------------------------------------------------------------------
    @property
    def starts_at(self) -> datetime:
        """Start of the arena as an aware datetime in Oslo time."""
        return datetime.combine(self.date, self.start_time, tzinfo=LOCAL_TZ)

    @property
    def ends_at(self) -> datetime:
        return datetime.combine(self.date, self.end_time, tzinfo=LOCAL_TZ)

    def _after(self, minutes: int) -> datetime:
        """`minutes` of elapsed time after the start, in Oslo time. Adding to an Oslo
        datetime itself would move the clock face: across the spring change that lands in
        the skipped hour, and two slots then share one instant."""
        return (self.starts_at.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(LOCAL_TZ)

    def slot_start(self, slot: int) -> datetime:
        """When slot number `slot` (0-based) begins. In autumn's repeated hour the second
        02:30 has fold=1: compare such times in UTC, as same-zone comparison ignores fold."""
        return self._after(self.slot_minutes * slot)

    def slot_end(self, slot: int) -> datetime:
        return self._after(self.slot_minutes * (slot + 1))

    @property
    def elapsed_minutes(self) -> int:
        """How long the arena lasts in real time: 150 clock minutes from 01:30 to 04:00 are
        90 on the night the clocks go forward, 210 on the night they go back."""
        return int((self.ends_at - self.starts_at.astimezone(UTC)).total_seconds() // 60)

    @property
    def meeting_slots(self) -> list[int]:
        """The slot indexes in which meetings can take place (all but the breaks)."""
        breaks = set(self.breaks or [])
        return [s for s in range(self.slot_count or 0) if s not in breaks]

    @property
    def meeting_hours(self) -> tuple[datetime, datetime] | None:
        """When the first meeting slot starts and the last one ends, or None when that is
        the arena's own start and end: 10 slots of 15 minutes from 09:00 end at 11:30, and
        an arena shown as 09:00–12:00 must say so, or "you are there 09:00–11:30" puzzles."""
        slots = self.meeting_slots
        if not slots:
            return None
        first, last = self.slot_start(slots[0]), self.slot_end(slots[-1])
        if (first.astimezone(UTC) == self.starts_at.astimezone(UTC)
                and last.astimezone(UTC) == self.ends_at.astimezone(UTC)):
            return None
        return first, last

    @property
    def held(self) -> bool:
        """Whether the arena has taken place: marked done, or not cancelled and over. The end
        and now are compared as instants: two Oslo times compare by clock face, fold ignored,
        so at the second 02:15 of autumn's repeated hour an arena that ended at the first
        02:30, 45 minutes before, read as not over yet."""
        return self.held_at()

    def held_at(self, now: datetime | None = None) -> bool:
        """`held` as of `now` (an aware instant; the real clock when None), for a caller
        that reads the rest of its answer at that instant too. held_sql is the same rule
        as an SQL condition."""
        if self.status == "done":
            return True
        return self.status != "cancelled" and (self.ends_at.astimezone(UTC)
                                               < (now or datetime.now(UTC)))

    @classmethod
    def held_sql(cls, now: datetime | None = None):
        """`held_at` as an SQL condition on Arena, for queries ("met before"). The end is
        compared as an Oslo clock time with the clock time at which ends are over
        (over_before): the database knows no Oslo time (SQLite none at all). Without `now`
        the clock is read each time the statement runs, so a statement built once (the
        recommendations cache theirs) stays right later."""
        if now is None:
            threshold = bindparam(None, callable_=over_before, type_=DateTime)
        else:
            threshold = bindparam(None, over_before(now), type_=DateTime)
        return or_(cls.status == "done",
                   and_(cls.status != "cancelled", clock_time(cls.date, cls.end_time) < threshold))

    @hybrid_property
    def schedule_published(self) -> bool:
        """Whether participants see the schedule (their agendas, calendar files, the API).
        Also an SQL condition (Arena.schedule_published): every count of meetings people
        were told of reads only published schedules through it."""
        return self.schedule_published_at is not None

    @schedule_published.inplace.expression
    @classmethod
    def _schedule_published_sql(cls):
        return cls.schedule_published_at.is_not(None)

    @property
    def cap(self) -> int:
        """Per-person meeting cap."""
        return self.meeting_cap or len(self.meeting_slots)

    # --- who and when --------------------------------------------------------------------
    @property
    def host_ids(self) -> set[int]:
        return {a.id for a in self.hosts}

    def hosted_by(self, association_id: int | None) -> bool:
        return association_id is not None and association_id in self.host_ids

    @property
    def rsvp_deadline_utc(self) -> datetime:
        """The deadline as an aware UTC datetime (it is always stored as UTC)."""
        deadline = self.rsvp_deadline
        if deadline.tzinfo is None:  # SQLite hands back naive datetimes
            return deadline.replace(tzinfo=UTC)
        return deadline.astimezone(UTC)

    def deadline_passed(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) > self.rsvp_deadline_utc

    def capacity(self, side: str) -> int:
        return self.founder_capacity if side == "founder" else self.investor_capacity

    def __repr__(self) -> str:
        return f"<Arena {self.id} {self.status}>"


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
    # Raised each time the arena's event in their calendar changes status (invited, coming,
    # no longer coming: see _count_calendar_change): with
    # the arena's version it is the SEQUENCE of the arena's own event in their calendar file,
    # and above 0 it says they once had that event.
    calendar_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
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
        app replaces or removes the event only for a higher SEQUENCE."""
        if calendar_status(self.state) != calendar_status(state):
            self.calendar_sequence = (self.calendar_sequence or 0) + 1
        return state

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
