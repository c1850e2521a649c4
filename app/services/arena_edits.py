"""Creating an arena and saving an edit to it, telling those it moves or calls off.

Two edits of one arena must not silently undo each other, so the edit form sends back the
version of what it showed (`edit_version`), and a save over values changed since is refused
(changed_meanwhile), what was typed kept. That version is a digest of the form's own values,
not the row's version (Arena.version, the version_id_col): every schedule change (a move, a
cancelled meeting, a re-run, publishing) writes the arena row and raises that, and staff who
had opened the edit page to fix the venue were refused for a change the page does not show.
The arena is locked while the edit is checked and saved (arenas.lock_arena, as schedule
writes lock it), so no other write can come between the check and the commit.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC
from typing import NamedTuple

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.models import Arena, Association, Notification
from app.services import arena_notices, arena_values, audit, availability, form_once, notices
from app.services import schedule as schedule_service
from app.services.arena_values import local_to_utc
from app.services.arenas import OPEN_STATUSES, changed_meanwhile, lock_arena
from app.services.errors import DomainError, Problems

FIELDS = (
    "title", "description", "theme", "date", "start_time", "end_time", "venue",
    "founder_capacity", "investor_capacity", "slot_minutes", "slot_count", "breaks",
    "table_count", "meeting_cap", "rsvp_deadline",
)


def _hosts(slugs: list[str] | None) -> list[Association]:
    # The form's own check refuses a NUL, but the rules are checked on what it sent too, and
    # PostgreSQL refuses to compare text holding one (a 500): no slug holds one.
    slugs = [slug for slug in slugs or () if "\x00" not in slug]
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


def problems(user, values: dict, host_slugs: list[str], arena: Arena | None = None,
             unreadable=()) -> list[DomainError]:
    """Every rule a new arena's values (or an edit of `arena`) break, each at its field.
    The form asks with the fields it refused itself (`unreadable`), so that staff see the
    service's refusals in the same round as the form's."""
    found = arena_values.problems(values, _hosts(host_slugs), user, before=arena,
                                  unreadable=unreadable)
    if arena is not None and arena.held:
        taken = {problem.field for problem in found}
        found += arena_values.held_plan_problems(arena, values,
                                                 unreadable=set(unreadable) | taken)
    return found


def create_arena(user, values: dict, host_slugs: list[str],
                 form_token: str | None = None) -> Arena:
    """A new draft arena; raises DomainError on invalid values. With the form's one-time
    token (services/form_once), the arena an earlier send of the same form made, if one
    just did."""
    found = problems(user, values, host_slugs)
    if found:
        raise Problems(found)
    hosts = _hosts(host_slugs)
    arena = Arena(status="draft", created_by_id=user.id)
    _apply(arena, values, hosts)
    db.session.add(arena)
    arena, new = form_once.commit_once(user, "arena", form_token, arena)
    if new:  # a send of the same form that lost the race made nothing
        audit.record("arena_created", actor=user, target=f"arena:{arena.id}")
    return arena


def _when_and_where(arena: Arena) -> tuple:
    """What everyone coming to the arena must be told of when it changes. The end time is
    not: no meeting moves with it (slots run from the start, and must fit before the end)."""
    return arena.date, arena.start_time, arena.venue


def _invitation_notices_follow(arena: Arena) -> None:
    """An invitation's notice (arena_notices.invited) states the arena as it is now: the
    invitation stands, so a notice still naming the day (or title) it was sent with would
    send its reader to the wrong day. The move itself is news of its own (arena_moved)."""
    now = {"arena": arena.title, "date": arena.date.isoformat()}
    for note in db.session.scalars(select(Notification).where(
            Notification.kind == "arena_invited",
            Notification.params["arena_id"].as_integer() == arena.id)):
        if {key: (note.params or {}).get(key) for key in now} != now:
            note.params = {**(note.params or {}), **now}  # a new dict: JSON is not tracked


class CallsOffMeetings(DomainError):
    """The edit would call off meetings of a published schedule, and both people in each
    would be told at once by e-mail, which cannot be taken back: staff are asked first.
    Nothing is saved; `count` is how many."""

    def __init__(self, count: int):
        super().__init__(ngettext(
            "Saving this calls off %(num)d meeting of the published schedule: it no longer "
            "fits the arena's plan. Both people in it are told in the app and by e-mail.",
            "Saving this calls off %(num)d meetings of the published schedule: they no "
            "longer fit the arena's plan. Both people in each are told in the app and by "
            "e-mail.", count))
        self.count = count


class ArenaSaved(NamedTuple):
    """What an edit changed besides the arena: meetings called off, people whose saved
    times no longer fitted the plan and were cut to it; `changed`: whether the arena was
    saved holding anything it did not hold already (the same edit sent twice, or Save
    pressed without a change, is no edit to put in the audit log)."""

    called_off: int
    times_fitted: int
    changed: bool = True


def _shown(arena: Arena) -> list:
    """What the edit form shows of the saved arena (ArenaForm.load), as JSON values."""
    shown = [getattr(arena, key) for key in FIELDS if key not in ("rsvp_deadline", "breaks")]
    return [*(value.isoformat() if hasattr(value, "isoformat") else value for value in shown),
            arena.rsvp_deadline_utc.isoformat(), list(arena.breaks or []),
            sorted(a.id for a in arena.hosts)]


def edit_version(arena: Arena) -> str:
    """The version of what the edit form shows of the saved arena, for the form to send
    back: a digest of those values (20 hex digits), so that a write of anything else (the
    schedule, the status) is no conflict."""
    return hashlib.sha256(json.dumps(_shown(arena)).encode()).hexdigest()[:20]


def _still_as_shown(arena: Arena, expected_version: str | None) -> bool:
    """Whether the arena still holds what the form showed. A page drawn before the form
    carried a digest (or kept since, for a day) sends the row's version number: nothing may
    have changed since that, as before."""
    if expected_version is None:
        return False  # a form from nowhere
    if len(expected_version) <= 18 and expected_version.isdigit():
        return int(expected_version) == arena.version
    return expected_version == edit_version(arena)


def update_arena(user, arena: Arena, values: dict, host_slugs: list[str],
                 expected_version: str | None, *, call_off: int | None = None) -> ArenaSaved:
    """Save an edit unless what the edit form showed (`edit_version`, sent back as
    expected_version) has changed since it was drawn.
    Saved arrive/leave times the new plan has no room for are cut to it (or cleared to the
    whole arena); once scheduled, the meetings it has no room for are called off. A new
    date, start or venue of an open arena tells everyone coming or still invited, with
    their new times to those whose times were cut; otherwise those whose meetings moved
    (a new slot length), whose times were cut or whose meetings were called off are told.
    Each person once, with any meetings called off. An edit that would call off meetings of
    a published schedule raises CallsOffMeetings, saving nothing, unless `call_off` is the
    number staff were asked about and agreed to (a form changed after the question, calling
    off more or fewer, is asked again)."""
    arena = lock_arena(arena.id)  # read afresh: what another request committed counts
    if not _still_as_shown(arena, expected_version):
        if expected_version is not None and _holds(arena, values, host_slugs):
            # the same edit sent twice (Save clicked twice): saved
            return ArenaSaved(0, 0, changed=False)
        raise changed_meanwhile()
    if arena.status in ("done", "cancelled"):
        raise DomainError(_("A finished or cancelled arena cannot be edited."))
    found = problems(user, values, host_slugs, arena)
    if found:
        raise Problems(found)
    hosts = _hosts(host_slugs)
    active = schedule_service.meetings(arena)
    was = _when_and_where(arena)
    # In UTC: within one zone the two 02:00s of the night the clocks go back compare equal.
    starts = {m.id: arena.slot_start(m.slot).astimezone(UTC) for m in active}
    changed = not _holds(arena, values, host_slugs)
    _apply(arena, values, hosts)
    try:
        fitted = availability.fit_times_to_arena(arena)
        freed = availability.fit_schedule_to_arena(arena)
        called_off = [m for m in active if m.state != "scheduled"]
        if called_off and arena.schedule_published and call_off != len(called_off):
            db.session.rollback()  # the arena as it was: nothing saved, nobody told
            raise CallsOffMeetings(len(called_off))
        # A new slot length, start or day moves the meetings: each keeps where it was for
        # the agenda's "Moved: was …" (a new day or start moved none of them before).
        moved = [m for m in active
                 if m.state == "scheduled"
                 and arena.slot_start(m.slot).astimezone(UTC) != starts[m.id]]
        for m in moved:
            schedule_service.note_moved(arena, m, starts[m.id], m.table)
        # A corrected venue of a held arena is a fix to its record, not news to anyone
        if arena.status in OPEN_STATUSES and _when_and_where(arena) != was and not arena.held:
            told = arena_notices.arena_moved(arena, active, called_off, user,
                                             fitted=fitted, was_date=was[0], moved=moved)
        else:
            told = arena_notices.meetings_retimed(arena, moved, active, called_off, user,
                                                  fitted=fitted)
        _invitation_notices_follow(arena)
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        if _holds(arena, values, host_slugs):  # reloaded: the other save was this same edit
            return ArenaSaved(0, 0, changed=False)
        raise changed_meanwhile() from error
    notices.send(told)
    return ArenaSaved(freed, len(fitted), changed)


def _holds(arena: Arena, values: dict, host_slugs: list[str]) -> bool:
    """Whether the saved arena already holds what was sent: each field, the deadline (typed
    as Oslo time), the breaks and the hosts."""
    deadline = values.get("rsvp_deadline")
    return (all(getattr(arena, key) == values.get(key) for key in FIELDS
                if key not in ("rsvp_deadline", "breaks"))
            and deadline is not None and arena.rsvp_deadline_utc == local_to_utc(deadline)
            and list(arena.breaks or []) == list(values.get("breaks") or [])
            and sorted(a.slug for a in arena.hosts) == sorted(host_slugs or []))
