"""Creating, editing and moving arenas through their statuses; who may see which arena."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select, text, update
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.models import Arena, Association, Invitation, Meeting
from app.models.arena import ARENA_THEMES, LOCAL_TZ, wall_clock_exists
from app.models.user import utcnow
from app.services import arena_notices, audit, form_once, notices
from app.services.errors import Conflict, DomainError, NotFound

FIELDS = (
    "title", "description", "theme", "date", "start_time", "end_time", "venue",
    "founder_capacity", "investor_capacity", "slot_minutes", "slot_count", "breaks",
    "table_count", "meeting_cap", "rsvp_deadline",
)

# Allowed moves; "cancelled" is reachable from every status before "done" (not once the
# arena is held with a published schedule: _cancel_refusal).
TRANSITIONS = {
    "draft": ("inviting", "cancelled"),
    "inviting": ("scheduled", "cancelled"),
    "scheduled": ("done", "cancelled"),
    "done": (),
    "cancelled": (),
}
OPEN_STATUSES = ("inviting", "scheduled")


# --- access ---------------------------------------------------------------------------------
def can_manage(user, arena: Arena) -> bool:
    """Admins manage every arena; staff those their association hosts."""
    if user is None or not getattr(user, "is_staff", False):
        return False
    return user.is_admin or arena.hosted_by(user.association_id)


def arena_for_staff(user, arena_id: int) -> Arena:
    """An arena the staff member manages; NotFound otherwise (its existence is not revealed)."""
    arena = db.session.get(Arena, arena_id)
    if arena is None or not can_manage(user, arena):
        raise NotFound(_("No such arena."))
    return arena


def staff_arenas(user) -> list[Arena]:
    """The arenas a staff member manages, soonest first."""
    query = select(Arena).order_by(Arena.date.desc(), Arena.id.desc())
    if not user.is_admin:
        query = query.where(Arena.hosts.any(Association.id == user.association_id))
    return list(db.session.scalars(query))


def upcoming(limit: int = 3) -> list[Arena]:
    """Arenas open to the public eye: inviting or scheduled, today or later."""
    today = datetime.now(LOCAL_TZ).date()
    query = (select(Arena).where(Arena.status.in_(OPEN_STATUSES), Arena.date >= today)
             .order_by(Arena.date, Arena.start_time, Arena.id).limit(limit))
    return list(db.session.scalars(query))


# --- validation -----------------------------------------------------------------------------
def local_to_utc(value: datetime) -> datetime:
    """A naive Oslo wall-clock time (as typed in a form) as an aware UTC datetime. A time
    autumn shows twice is its first occurrence (fold=0); _check refuses one spring skips."""
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


def _check(values: dict, hosts: list, user, before: Arena | None = None) -> None:
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


def _hosts(slugs: list[str] | None) -> list[Association]:
    if not slugs:
        return []
    return list(db.session.scalars(select(Association).where(Association.slug.in_(slugs))
                                   .order_by(Association.id)))


def _apply(arena: Arena, values: dict, hosts: list[Association]) -> None:
    for key in FIELDS:
        setattr(arena, key, values.get(key))
    arena.rsvp_deadline = local_to_utc(values["rsvp_deadline"])
    arena.breaks = list(values.get("breaks") or [])
    arena.hosts = hosts


def create_arena(user, values: dict, host_slugs: list[str],
                 form_token: str | None = None) -> Arena:
    """A new draft arena; raises DomainError on invalid values. With the form's one-time
    token (services/form_once), the arena an earlier send of the same form made, if one
    just did."""
    hosts = _hosts(host_slugs)
    _check(values, hosts, user)
    arena = Arena(status="draft", created_by_id=user.id)
    _apply(arena, values, hosts)
    db.session.add(arena)
    arena, new = form_once.commit_once(user, "arena", form_token, arena)
    if new:  # a send of the same form that lost the race made nothing
        audit.record("arena_created", actor=user, target=f"arena:{arena.id}")
    return arena


# What a held arena's meetings went by. Changing one after the arena would call off or move
# meetings that happened (which attendance, feedback and "met before" read) and tell
# everyone of a change to a past event; a new date or end could even make it no longer
# held, undoing every refusal a held arena gives. Its record (title, description, venue,
# hosts) can still be corrected.
HELD_PLAN = ("date", "start_time", "end_time", "slot_minutes", "slot_count", "breaks",
             "table_count", "meeting_cap")


def _check_held_plan_kept(arena: Arena, values: dict) -> None:
    """DomainError, at the first field changed, if the edit changes a held arena's plan."""
    for key in HELD_PLAN:
        new, old = values.get(key), getattr(arena, key)
        if key == "breaks":
            new, old = sorted(new or []), sorted(old or [])
        if new != old:
            raise DomainError(_("The arena has taken place: its date, times and meeting plan "
                                "can no longer be changed. The title, description, venue and "
                                "hosts can still be corrected."), key)


def _conflict() -> Conflict:
    return Conflict(_("Someone changed this arena after you opened it. Nothing was saved; "
                      "your values are kept below. Save again to replace theirs."))


def _when_and_where(arena: Arena) -> tuple:
    """What everyone coming to the arena must be told of when it changes. The end time is
    not: no meeting moves with it (slots run from the start, and must fit before the end)."""
    return arena.date, arena.start_time, arena.venue


class ArenaSaved(NamedTuple):
    """What an edit changed besides the arena: meetings called off, people whose saved
    times no longer fitted the plan and were cut to it."""

    called_off: int
    times_fitted: int


def update_arena(user, arena: Arena, values: dict, host_slugs: list[str],
                 expected_version: int | None) -> ArenaSaved:
    """Save an edit unless the arena changed since version expected_version was loaded.
    Saved arrive/leave times the new plan has no room for are cut to it (or cleared to the
    whole arena); once scheduled, the meetings it has no room for are called off. A new
    date, start or venue of an open arena tells everyone coming or still invited, with
    their new times to those whose times were cut; otherwise those whose meetings moved
    (a new slot length), whose times were cut or whose meetings were called off are told.
    Each person once, with any meetings called off."""
    from app.services import availability  # they build on this module
    from app.services import schedule as schedule_service

    if expected_version is None or expected_version != arena.version:
        raise _conflict()
    hosts = _hosts(host_slugs)
    _check(values, hosts, user, before=arena)
    if arena.status in ("done", "cancelled"):
        raise DomainError(_("A finished or cancelled arena cannot be edited."))
    if arena.held:
        _check_held_plan_kept(arena, values)
    active = schedule_service.meetings(arena)
    was = _when_and_where(arena)
    # In UTC: within one zone the two 02:00s of the night the clocks go back compare equal.
    starts = {m.id: arena.slot_start(m.slot).astimezone(UTC) for m in active}
    _apply(arena, values, hosts)
    try:
        fitted = availability.fit_times_to_arena(arena)
        freed = availability.fit_schedule_to_arena(arena)
        called_off = [m for m in active if m.state != "scheduled"]
        # A corrected venue of a held arena is a fix to its record, not news to anyone
        if arena.status in OPEN_STATUSES and _when_and_where(arena) != was and not arena.held:
            told = arena_notices.arena_moved(arena, active, called_off, user,
                                             fitted=fitted)
        else:
            moved = [m for m in active
                     if m.state == "scheduled"
                     and arena.slot_start(m.slot).astimezone(UTC) != starts[m.id]]
            told = arena_notices.meetings_retimed(arena, moved, active, called_off, user,
                                                  fitted=fitted)
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise _conflict() from error
    notices.send(told)
    return ArenaSaved(freed, len(fitted))


def _cancel_refusal(arena: Arena) -> str | None:
    """Why the arena can no longer be cancelled, though its status allows it: once it is
    held with a published schedule, cancelling would call off the meetings that took place
    (which attendance, feedback and "met before" read) and tell everyone it was cancelled
    after they had been there. Held without a published schedule nobody met through Koble,
    and cancelling is how such an arena is closed."""
    if arena.held and arena.schedule_published:
        return _("The arena has taken place with its meetings, so it can no longer be "
                 "cancelled. Move it to “%(done)s” instead.", done=status_label("done"))
    return None


def transitions(arena: Arena) -> tuple[str, ...]:
    """The statuses staff can move the arena to now."""
    allowed = TRANSITIONS.get(arena.status, ())
    if _cancel_refusal(arena) is not None:
        return tuple(to for to in allowed if to != "cancelled")
    return allowed


def change_status(arena: Arena, to: str, actor=None) -> Arena:
    """Move the arena to another status when the rules allow it. A cancelled arena's
    participants and open invitees are told (not `actor`, who cancelled it)."""
    if to not in TRANSITIONS.get(arena.status, ()):
        raise DomainError(_("An arena cannot go from “%(a)s” to “%(b)s”.",
                            a=status_label(arena.status), b=status_label(to)))
    refusal = _cancel_refusal(arena) if to == "cancelled" else None
    if refusal is not None:
        raise DomainError(refusal)
    was_draft = arena.status == "draft"
    arena.status = to
    told = []
    if to == "cancelled":
        _call_off_every_meeting(arena)
        if not was_draft:  # nobody was invited to a draft
            told = arena_notices.arena_cancelled(arena, actor)
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise _conflict() from error
    notices.send(told)
    return arena


def _call_off_every_meeting(arena: Arena) -> None:
    """A cancelled arena holds no meetings: each is cancelled, and the schedule's SEQUENCE
    goes up so the participants' calendar apps take the cancellation from the .ics."""
    called_off = db.session.execute(
        update(Meeting).where(Meeting.arena_id == arena.id, Meeting.state == "scheduled")
        .values(state="cancelled", locked=False)).rowcount
    if called_off:
        arena.schedule_sequence = (arena.schedule_sequence or 0) + 1
        arena.scheduled_at = utcnow()


def status_label(status: str) -> str:
    labels = {"draft": _("Draft"), "inviting": _("Inviting"), "scheduled": _("Scheduled"),
              "done": _("Done"), "cancelled": _("Cancelled")}
    return labels.get(status, status)


def theme_label(theme: str) -> str:
    labels = {"green": _("Green transition"), "founder": _("Founder support"),
              "open": _("Open")}
    return labels.get(theme, theme)


# --- locking --------------------------------------------------------------------------------
def lock_arena(arena_id: int) -> Arena:
    """Load the arena row locked for the rest of the transaction.

    PostgreSQL: SELECT … FOR UPDATE. SQLite ignores FOR UPDATE, so a no-op UPDATE takes the
    database's write lock first; the reads after it then see every committed change.
    """
    if db.session.get_bind().dialect.name == "sqlite":
        db.session.execute(text("UPDATE arena SET status = status WHERE id = :id"),
                           {"id": arena_id})
    arena = db.session.scalars(
        select(Arena).where(Arena.id == arena_id).with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if arena is None:
        raise NotFound(_("No such arena."))
    return arena


# --- participants ---------------------------------------------------------------------------
def my_invitations(user) -> list[Invitation]:
    """The invitations a person has received (never the unsent proposals), soonest first."""
    query = (select(Invitation).join(Arena).where(
        Invitation.user_id == user.id, Invitation.invited_at.is_not(None),
        Arena.status != "draft").order_by(Arena.date.desc(), Arena.id.desc()))
    return list(db.session.scalars(query))


def invitation_of(user, arena_id: int) -> Invitation:
    """The person's received invitation to the arena; NotFound otherwise."""
    invitation = db.session.scalar(select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == user.id,
        Invitation.invited_at.is_not(None)))
    if invitation is None:
        raise NotFound(_("No such arena."))
    return invitation


def default_deadline(day: date) -> datetime:
    """A week before the arena, at noon (for new-arena forms)."""
    return datetime.combine(day - timedelta(days=7), datetime.min.time()).replace(hour=12)
