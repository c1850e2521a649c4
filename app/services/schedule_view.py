"""Which part of an arena's schedule the staff schedule page shows: everything, one slot
(every table's meeting at that time), one table, or one person's meetings.

At 300 people and 12 slots (1,800 meetings) the whole page weighed 3.6 MB and took the
server over a second and a browser several seconds to draw; on the day staff look at what
happens now, or at one person who asks. So a schedule of more than WHOLE_UP_TO meetings
opens at the slot running now (or the next, or the first), and the whole one is a choice
(for printing); a smaller one opens whole, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from flask_babel import gettext as _

from app.extensions import db
from app.models import Arena, Invitation, Meeting
from app.services import schedule as schedule_service
from app.services.participants import accepted

# 360 meetings drew in ~0.26 s and 0.77 MB; beyond about this many the whole page is slow
# to load and to scroll through, most of all on a phone.
WHOLE_UP_TO = 400

KINDS = ("person", "slot", "table", "all")


class StaffSchedule(NamedTuple):
    """The arena's schedule as staff see it, on the schedule page and over the API alike
    (GET /api/v1/arenas/{id}/schedule), so the two cannot tell different stories."""

    coming: list[Invitation]  # the accepted invitations, which bring their users
    every: list[Meeting]  # every row, for why someone has no meeting
    meetings: list[Meeting]  # those that take place: scheduled, both people still coming
    cancelled: list[Meeting]  # those staff cancelled, listed apart (they can restore them)


def staff_schedule(arena: Arena) -> StaffSchedule:
    """The arena's meetings by slot and table, draft or published. A meeting left
    "scheduled" with someone who no longer comes is in neither list: its slot is free (the
    page counts that person among those without meetings); the API picked by state alone and
    listed it. The meetings and who comes are read once: the page read them three times each
    (its meetings, the cancelled ones, and why some have none), a third of its time."""
    coming = accepted(arena.id)
    every = schedule_service.meetings(arena, active_only=False, people=False)
    present = {i.user_id for i in coming}
    return StaffSchedule(
        coming, every, [m for m in every if schedule_service.is_active(m, present)],
        [m for m in every if m.state == schedule_service.STAFF_CANCELLED])


@dataclass(frozen=True)
class View:
    """kind: "all", "slot", "table" or "person"; value: the slot or table (0-based, as
    stored) or the person's user id."""

    kind: str
    value: int | None = None

    def holds(self, meeting: Meeting) -> bool:
        if self.kind == "slot":
            return meeting.slot == self.value
        if self.kind == "table":
            return meeting.table == self.value
        if self.kind == "person":
            return self.value in (meeting.founder_user_id, meeting.investor_user_id)
        return True

    def args(self) -> dict[str, int]:
        """The address's query for this view (slots and tables as people count, from 1)."""
        if self.kind in ("slot", "table"):
            return {self.kind: self.value + 1}
        if self.kind == "person":
            return {"person": self.value}
        return {"all": 1}


def default(arena: Arena, meeting_count: int, now: datetime) -> View:
    """The whole schedule while it is small; else the slot under way now, or the next one
    (the first before the day, and again once the day is over)."""
    if meeting_count <= WHOLE_UP_TO or not arena.meeting_slots:
        return View("all")
    for slot in arena.meeting_slots:
        if arena.slot_end(slot) > now:
            return View("slot", slot)
    return View("slot", arena.meeting_slots[0])


def _number(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) <= 9 else None


def chosen(arena: Arena, args, people: set[int] | None) -> tuple[View | None, str | None]:
    """The view the address asks for (?slot=3, ?table=12, ?person=<user id> or ?all=1), or
    None when it asks for none; with why not, when it names a slot, table or person the
    schedule does not have (the page then shows its default and says so). `people`: who
    may be asked for (None: anyone, for a redirect the page itself checks again)."""
    for kind in KINDS:
        if kind not in args:
            continue
        if kind == "all":
            return View("all"), None
        number = _number(args.get(kind, ""))
        if kind == "slot":
            slots = arena.meeting_slots
            if number is not None and number - 1 in slots:
                return View("slot", number - 1), None
            return None, _("There is no meeting slot %(slot)s in this schedule: choose one "
                           "of its times below.", slot=args.get(kind, "")[:12])
        if kind == "table":
            if number is not None and 1 <= number <= arena.table_count:
                return View("table", number - 1), None
            return None, _("There is no table %(table)s in this schedule; its tables are "
                           "1 to %(last)d.", table=args.get(kind, "")[:12],
                           last=arena.table_count)
        if number is not None and (people is None or number in people):
            return View("person", number), None
        return None, _("That person is not among those coming to this arena.")
    return None, None


def holding(view: View, meeting: Meeting) -> View:
    """The view to come back to after a change to `meeting`: the one staff were in, or the
    slot the meeting is now in, when it moved out of that view (or the table view's
    table)."""
    if view.holds(meeting):
        return view
    if view.kind == "table":
        return View("table", meeting.table)
    return View("slot", meeting.slot)


def back_to(arena: Arena, args, meeting_id: int | None, now: datetime) -> dict[str, int]:
    """The address's query to send staff back to after a change: the view the form's
    address kept (`args`), or, for a change to one meeting, the view that holds it now
    (`holding`); none for the page's default view."""
    view, _wrong = chosen(arena, args, None)
    meeting = db.session.get(Meeting, meeting_id) if meeting_id else None
    if meeting is None or meeting.arena_id != arena.id or meeting.state != "scheduled":
        return view.args() if view else {}
    first = default(arena, len(schedule_service.meetings(arena)), now)
    there = holding(view or first, meeting)
    return {} if there == first else there.args()
