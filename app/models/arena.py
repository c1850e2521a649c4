"""Arenas: staff-curated matchmaking events hosted by one or more associations, with a theme
and a slot plan. Who comes is in `app.models.invitation`; the meetings, the requests for them
and their follow-up in `app.models.meeting`.

The slot plan: ``slot_count`` consecutive slots of ``slot_minutes`` each, from ``start_time``;
``breaks`` lists the slot indexes (0-based) in which nobody meets. An invitation narrows a
person's availability and meeting cap within it (`Invitation.available_slots`,
`Invitation.cap`).

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
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    Time,
    and_,
    bindparam,
    inspect,
    or_,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.extensions import db
from app.models.oslo_clock import LOCAL_TZ, clock_time, over_before
from app.models.user import utcnow

ARENA_THEMES = ("green", "founder", "open")
ARENA_STATUSES = ("draft", "inviting", "scheduled", "done", "cancelled")
# What the arena's own event in a calendar file (agenda_calendar._arena_event) takes from the
# arena, besides its status: DTSTART/DTEND, SUMMARY and LOCATION.
CALENDAR_FIELDS = ("title", "date", "start_time", "end_time", "venue")


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
    # The SEQUENCE of the arena's own event in calendar files (with the person's
    # Invitation.calendar_sequence): raised only when what that event says changes (its
    # time, place, title, cancellation: _count_calendar_change). `version` would not do: a
    # schedule change (schedule_sequence, scheduled_at) writes the row and raises it too, and
    # calendar apps then showed the unchanged arena as "updated".
    calendar_sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When calendar_sequence last rose (or the arena was made): the arena's event's DTSTAMP.
    # Not updated_at, which every schedule change moves too: some calendar apps take a new
    # DTSTAMP for a new revision of the event, even with the SEQUENCE unchanged. Set on
    # every row (the migration started it at updated_at), though the column allows NULL.
    calendar_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True),
                                                                 default=utcnow)

    hosts = relationship("Association", secondary=arena_host, lazy="selectin",
                         order_by="Association.id")
    created_by = relationship("User", foreign_keys=[created_by_id])

    __mapper_args__ = {"version_id_col": version}

    @validates(*CALENDAR_FIELDS, "status")
    def _count_calendar_change(self, key: str, value):
        """Every change of what the arena's own calendar event says sets one of these, so
        the count is kept here, as Invitation keeps the person's, with when it rose
        (calendar_changed_at). An arena not yet saved is in nobody's calendar; of the status
        only a cancellation (or its undoing) shows."""
        if inspect(self).has_identity:
            old = getattr(self, key)
            changed = ((old == "cancelled") != (value == "cancelled") if key == "status"
                       else old != value)
            if changed:
                self.calendar_sequence = (self.calendar_sequence or 0) + 1
                self.calendar_changed_at = utcnow()
        return value

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

    def past_on(self, today: dt.date | None = None) -> bool:
        """Whether the arena's day is over: its date before `today` (Oslo's, as arena dates
        are; the real one when None). The lists put such an arena under "Past arenas"
        (arenas.upcoming_and_past), and its participants are no longer offered "Who comes"
        or "Add to calendar". Today's arena is not past all day, its agenda at hand."""
        return self.date < (today or datetime.now(LOCAL_TZ).date())

    @property
    def is_past(self) -> bool:
        """`past_on` today."""
        return self.past_on()

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
