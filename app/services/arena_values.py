"""An arena's values as staff type them and as they are stored (Oslo wall-clock times, break
slots counted from 1), and the rules they must keep."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Invitation
from app.models.arena import ARENA_THEMES
from app.models.oslo_clock import LOCAL_TZ, wall_clock_exists
from app.services.errors import DomainError

# What a held arena's meetings went by. Changing one after the arena would call off or move
# meetings that happened (which attendance, feedback and "met before" read) and tell
# everyone of a change to a past event; a new date or end could even make it no longer
# held, undoing every refusal a held arena gives. Its record (title, description, venue,
# hosts) can still be corrected.
HELD_PLAN = ("date", "start_time", "end_time", "slot_minutes", "slot_count", "breaks",
             "table_count", "meeting_cap")


# --- form values ----------------------------------------------------------------------------
def local_to_utc(value: datetime) -> datetime:
    """A naive Oslo wall-clock time (as typed in a form) as an aware UTC datetime. A time
    autumn shows twice is its first occurrence (fold=0); check refuses one spring skips."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=LOCAL_TZ)
    return value.astimezone(UTC)


def utc_to_local(value: datetime | None) -> datetime | None:
    """A stored UTC datetime as naive Oslo wall-clock time, for a form."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL_TZ).replace(tzinfo=None)


def parse_breaks(raw: str | None) -> list[int]:
    """"3, 6" (slot numbers as people count, from 1) → [2, 5] (0-based indexes)."""
    items = [part.strip() for part in (raw or "").replace(";", ",").split(",") if part.strip()]
    # ASCII only: "²".isdigit() is true, but int("²") raises (a 500 on the arena form).
    if not all(item.isascii() and item.isdigit() for item in items):
        raise DomainError(_("List break slots as numbers separated by commas, e.g. 4, 8."),
                          "breaks")
    return sorted({int(item) - 1 for item in items})


def format_breaks(breaks: list[int] | None) -> str:
    return ", ".join(str(b + 1) for b in sorted(breaks or []))


def default_deadline(day: date) -> datetime:
    """A week before the arena, at noon (for new-arena forms)."""
    return datetime.combine(day - timedelta(days=7), datetime.min.time()).replace(hour=12)


# --- rules ----------------------------------------------------------------------------------
def problems(values: dict, hosts: list, user, before: Arena | None = None,
             unreadable=()) -> list[DomainError]:
    """Every broken rule at once, each at its field: staff fix them all in one round. The
    fields in `unreadable` are the ones the form refused already (their values are None or
    out of range); a rule that reads one of them is skipped, as is one that reads a value
    another rule here found unusable (slots against an arena that ends before it starts).
    `before` is the arena being edited: one held yesterday can still be corrected, but no
    arena moves into the past."""
    found: list[DomainError] = []
    unusable = set(unreadable)

    def usable(*keys) -> bool:
        return not any(key in unusable or values.get(key) is None for key in keys)

    def refuse(message: str, key: str, *, spoils: bool = False) -> None:
        found.append(DomainError(message, key))
        if spoils:
            unusable.add(key)

    for key in ("founder_capacity", "investor_capacity", "table_count", "slot_count",
                "slot_minutes"):
        if key not in unusable and (values.get(key) is None or values[key] < 1):
            refuse(_("Enter a whole number of at least 1."), key, spoils=True)
    if before is not None:
        for problem in _seat_problems(before, values, usable):
            refuse(problem.message, problem.field)
    if usable("meeting_cap") and values["meeting_cap"] < 1:
        refuse(_("Enter a whole number of at least 1."), "meeting_cap")
    if "theme" not in unusable and values.get("theme") not in ARENA_THEMES:
        refuse(_("Choose a theme."), "theme")
    day = values.get("date")
    if (usable("date") and (before is None or day != before.date)
            and day < datetime.now(LOCAL_TZ).date()):
        # A past date is still a date: the deadline is checked against it as typed.
        refuse(_("The arena's date has passed. Choose today or a later day."), "date")
    for problem in _clock_problems(values, usable):
        refuse(problem.message, problem.field)
    if usable("start_time", "end_time") and values["end_time"] <= values["start_time"]:
        refuse(_("The arena must end after it starts."), "end_time", spoils=True)
    if usable("date", "start_time", "end_time", "slot_count", "slot_minutes"):
        minutes = _lasts(values)
        needed = values["slot_count"] * values["slot_minutes"]
        if needed > minutes:
            refuse(_("%(slots)d slots of %(minutes)d minutes take %(needed)d minutes, but "
                     "the arena lasts %(available)d minutes.", slots=values["slot_count"],
                     minutes=values["slot_minutes"], needed=needed, available=minutes),
                   "slot_count")
    if usable("breaks", "slot_count"):
        breaks = values["breaks"]
        if any(b < 0 or b >= values["slot_count"] for b in breaks):
            refuse(_("Break slots must be between 1 and %(count)d, the number of slots.",
                     count=values["slot_count"]), "breaks")
        elif len(breaks) >= values["slot_count"]:
            refuse(_("Leave at least one slot for meetings."), "breaks")
    if usable("rsvp_deadline"):
        deadline = local_to_utc(values["rsvp_deadline"])
        if usable("date", "start_time") and deadline >= datetime.combine(
                day, values["start_time"], tzinfo=LOCAL_TZ):
            refuse(_("The answer deadline must be before the arena starts."), "rsvp_deadline")
        # A new arena whose deadline has passed could never send its invitations.
        elif before is None and deadline <= datetime.now(UTC):
            refuse(_("The answer deadline has passed. Choose a later one."), "rsvp_deadline")
    if "hosts" not in unusable:
        if not hosts:
            refuse(_("Choose at least one host association."), "hosts")
        elif not user.is_admin and user.association_id not in {a.id for a in hosts}:
            refuse(_("Your own association must be among the hosts."), "hosts")
    return found


def _lasts(values: dict) -> int:
    """The arena's length in minutes. Elapsed time, not the clock face: 01:30 to 04:00 is
    90 minutes the night the clocks go forward."""
    day = values["date"]
    return int((datetime.combine(day, values["end_time"], tzinfo=LOCAL_TZ)
                - datetime.combine(day, values["start_time"], tzinfo=LOCAL_TZ).astimezone(UTC)
                ).total_seconds() // 60)


def _clock_problems(values: dict, usable) -> list[DomainError]:
    """A start, end or deadline in the hour the clocks skip in spring; read as zoneinfo
    reads it, 02:30 would quietly become 03:30."""
    moments = []
    if usable("date", "start_time"):
        moments.append(("start_time", datetime.combine(values["date"], values["start_time"])))
    if usable("date", "end_time"):
        moments.append(("end_time", datetime.combine(values["date"], values["end_time"])))
    if usable("rsvp_deadline"):
        moments.append(("rsvp_deadline", values["rsvp_deadline"]))
    return [DomainError(
        _("%(time)s does not exist on %(date)s: the clocks go forward an hour that night. "
          "Choose a time outside the hour that is skipped.",
          time=moment.strftime("%H:%M"), date=format_date(moment.date(), "long")), key)
        for key, moment in moments
        if moment.tzinfo is None and not wall_clock_exists(moment)]


def _seat_problems(arena: Arena, values: dict, usable) -> list[DomainError]:
    """The seats are a hard limit (the room has as many): an edit cannot leave a side fewer
    seats than people who already said yes. Tables are not checked here: fewer tables calls
    off the meetings that no longer fit (availability.fit_schedule_to_arena)."""
    accepted = dict(db.session.execute(
        select(Invitation.side, func.count(Invitation.id))
        .where(Invitation.arena_id == arena.id, Invitation.state == "accepted")
        .group_by(Invitation.side)).all())
    found = []
    founders = accepted.get("founder", 0)
    if usable("founder_capacity") and values["founder_capacity"] < founders:
        found.append(DomainError(ngettext(
            "%(num)d founder has already said yes: keep at least %(num)d seat for founders.",
            "%(num)d founders have already said yes: keep at least %(num)d seats for "
            "founders.", founders), "founder_capacity"))
    investors = accepted.get("investor", 0)
    if usable("investor_capacity") and values["investor_capacity"] < investors:
        found.append(DomainError(ngettext(
            "%(num)d investor has already said yes: keep at least %(num)d seat for "
            "investors.",
            "%(num)d investors have already said yes: keep at least %(num)d seats for "
            "investors.", investors), "investor_capacity"))
    return found


def held_plan_problems(arena: Arena, values: dict, unreadable=()) -> list[DomainError]:
    """A refusal, at the first field changed, if the edit changes a held arena's plan (one
    message: it names everything that can and cannot change)."""
    for key in HELD_PLAN:
        if key in unreadable:
            continue
        new, old = values.get(key), getattr(arena, key)
        if key == "breaks":
            new, old = sorted(new or []), sorted(old or [])
        if new != old:
            return [DomainError(_("The arena has taken place: its date, times and meeting "
                                  "plan can no longer be changed. The title, description, "
                                  "venue and hosts can still be corrected."), key)]
    return []
