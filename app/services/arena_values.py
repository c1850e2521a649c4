"""An arena's values as staff type them and as they are stored (Oslo wall-clock times, break
slots counted from 1), and the rules they must keep."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Invitation
from app.models.arena import ARENA_THEMES, LOCAL_TZ, wall_clock_exists
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
def check(values: dict, hosts: list, user, before: Arena | None = None) -> None:
    """Raise DomainError (with the field) on the first broken rule. `before` is the arena
    being edited: one held yesterday can still be corrected, but no arena moves into the past."""
    for key in ("founder_capacity", "investor_capacity", "table_count", "slot_count",
                "slot_minutes"):
        if values.get(key) is None or values[key] < 1:
            raise DomainError(_("Enter a whole number of at least 1."), key)
    if before is not None:
        _check_seats(before, values)
    if values.get("meeting_cap") is not None and values["meeting_cap"] < 1:
        raise DomainError(_("Enter a whole number of at least 1."), "meeting_cap")
    if values.get("theme") not in ARENA_THEMES:
        raise DomainError(_("Choose a theme."), "theme")
    start, end, day = values["start_time"], values["end_time"], values["date"]
    if (before is None or day != before.date) and day < datetime.now(LOCAL_TZ).date():
        raise DomainError(_("The arena's date has passed. Choose today or a later day."), "date")
    _check_clock_exists(day, start, end, values["rsvp_deadline"])
    if end <= start:
        raise DomainError(_("The arena must end after it starts."), "end_time")
    # Elapsed time, not the clock face: 01:30 to 04:00 is 90 minutes the night the clocks
    # go forward.
    minutes = int((datetime.combine(day, end, tzinfo=LOCAL_TZ)
                   - datetime.combine(day, start, tzinfo=LOCAL_TZ).astimezone(UTC)
                   ).total_seconds() // 60)
    needed = values["slot_count"] * values["slot_minutes"]
    if needed > minutes:
        raise DomainError(
            _("%(slots)d slots of %(minutes)d minutes take %(needed)d minutes, but the arena "
              "lasts %(available)d minutes.", slots=values["slot_count"],
              minutes=values["slot_minutes"], needed=needed, available=minutes),
            "slot_count")
    breaks = values.get("breaks") or []
    if any(b < 0 or b >= values["slot_count"] for b in breaks):
        raise DomainError(_("Break slots must be between 1 and the number of slots."), "breaks")
    if len(breaks) >= values["slot_count"]:
        raise DomainError(_("Leave at least one slot for meetings."), "breaks")
    deadline = values["rsvp_deadline"]
    starts = datetime.combine(day, start, tzinfo=LOCAL_TZ)
    if local_to_utc(deadline) >= starts:
        raise DomainError(_("The answer deadline must be before the arena starts."),
                          "rsvp_deadline")
    # A new arena whose deadline has passed could never send its invitations.
    if before is None and local_to_utc(deadline) <= datetime.now(UTC):
        raise DomainError(_("The answer deadline has passed. Choose a later one."),
                          "rsvp_deadline")
    if not hosts:
        raise DomainError(_("Choose at least one host association."), "hosts")
    if not user.is_admin and user.association_id not in {a.id for a in hosts}:
        raise DomainError(_("Your own association must be among the hosts."), "hosts")


def _check_clock_exists(day: date, start, end, deadline: datetime) -> None:
    """Refuse a start, end or deadline in the hour the clocks skip in spring; read as
    zoneinfo reads it, 02:30 would quietly become 03:30."""
    for key, moment in (("start_time", datetime.combine(day, start)),
                        ("end_time", datetime.combine(day, end)), ("rsvp_deadline", deadline)):
        if moment.tzinfo is None and not wall_clock_exists(moment):
            raise DomainError(
                _("%(time)s does not exist on %(date)s: the clocks go forward an hour that "
                  "night. Choose a time outside the hour that is skipped.",
                  time=moment.strftime("%H:%M"), date=format_date(moment.date(), "long")), key)


def _check_seats(arena: Arena, values: dict) -> None:
    """The seats are a hard limit (the room has as many): an edit cannot leave a side fewer
    seats than people who already said yes. Tables are not checked here: fewer tables calls
    off the meetings that no longer fit (availability.fit_schedule_to_arena)."""
    accepted = dict(db.session.execute(
        select(Invitation.side, func.count(Invitation.id))
        .where(Invitation.arena_id == arena.id, Invitation.state == "accepted")
        .group_by(Invitation.side)).all())
    founders = accepted.get("founder", 0)
    if values["founder_capacity"] < founders:
        raise DomainError(ngettext(
            "%(num)d founder has already said yes: keep at least %(num)d seat for founders.",
            "%(num)d founders have already said yes: keep at least %(num)d seats for "
            "founders.", founders), "founder_capacity")
    investors = accepted.get("investor", 0)
    if values["investor_capacity"] < investors:
        raise DomainError(ngettext(
            "%(num)d investor has already said yes: keep at least %(num)d seat for "
            "investors.",
            "%(num)d investors have already said yes: keep at least %(num)d seats for "
            "investors.", investors), "investor_capacity")


def check_held_plan_kept(arena: Arena, values: dict) -> None:
    """DomainError, at the first field changed, if the edit changes a held arena's plan."""
    for key in HELD_PLAN:
        new, old = values.get(key), getattr(arena, key)
        if key == "breaks":
            new, old = sorted(new or []), sorted(old or [])
        if new != old:
            raise DomainError(_("The arena has taken place: its date, times and meeting plan "
                                "can no longer be changed. The title, description, venue and "
                                "hosts can still be corrected."), key)
