"""Reading the audit trail: the admin's list of events, newest first, with filters.

Writing lives in app.services.audit; this module only reads. Each event's target is stored as
"kind:key" (user:12, arena:3, association:asker); the list names the subject in words and
says whether it still exists, so the page can link to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, false, func, or_, select

from app.extensions import db
from app.models import Arena, Association, AuditEvent, Pitch, User
from app.models.arena import LOCAL_TZ
from app.services import audit_details
from app.services.deleted_accounts import DELETED_DOMAIN
from app.services.errors import DomainError
from app.services.paging import CountedPagination, paginate
from app.services.pitch_access import moderated, staff_title
from app.services.text_search import contains

PER_PAGE = 50

# What each recorded action is called, grouped for the filter's list. An action recorded by
# code that is newer than this table is still listed, under its own name.
ACTION_GROUPS: dict[str, dict[str, object]] = {
    "accounts": {
        "register": _l("Registered"),
        "login": _l("Logged in"),
        "login_failed": _l("Failed login"),
        "logout": _l("Logged out"),
        "password_changed": _l("Changed password"),
        "password_reset_requested": _l("Asked for a password reset"),
        "password_reset": _l("Reset password"),
        "email_change_requested": _l("Asked to change e-mail address"),
        "email_changed": _l("Changed e-mail address"),
        "email_confirmed": _l("Confirmed e-mail address"),
        "municipality_changed": _l("Changed municipality"),
        "api_token_created": _l("Created an API token"),
        "api_token_password_wrong": _l("Wrong password when creating an API token"),
        "api_token_revoked": _l("Revoked an API token"),
        "account_deleted": _l("Deleted the account"),
    },
    "administration": {
        "role_changed": _l("Role changed"),
        "association_changed": _l("Association changed"),
        "association_created": _l("Added an association"),
        "user_deactivated": _l("Deactivated"),
        "user_reactivated": _l("Reactivated"),
        "user_deleted": _l("Deleted by an administrator"),
        "staff_invited": _l("Invited as staff"),
        "members_imported": _l("Imported members"),
        "engine_weights": _l("Changed the engine's weights"),
        "engine_rebuild": _l("Rebuilt the engine's index"),
        "erasures_reapplied": _l("Deleted again after a backup was restored"),
        "erased_again_after_restore": _l("Account deleted again after a backup was restored"),
    },
    "pitches": {
        "pitch_hidden": _l("Hid a pitch"),
        "pitch_unhidden": _l("Showed a hidden pitch again"),
        "pitch_withdrawn_by_role": _l("Pitch withdrawn: its founder's role changed"),
        "pitch_shown_by_role": _l("Pitch shown again: its owner is a founder again"),
        "pitch_deleted_again_after_restore": _l("Pitch deleted again after a backup was "
                                                "restored"),
    },
    "arenas": {
        "arena_created": _l("Created an arena"),
        "arena_edited": _l("Edited an arena"),
        "arena_status": _l("Changed an arena's status"),
        "invitations_proposed": _l("Proposed invitations"),
        "invitation_added": _l("Added an invitation"),
        "invitation_removed": _l("Removed an invitation"),
        "invitation_moved": _l("Moved an invitation"),
        "invitations_sent": _l("Sent invitations"),
        "invitations_reminded": _l("Sent reminders"),
        "attendance_marked": _l("Marked attendance"),
        "availability_set": _l("Set available times"),
        "schedule_built": _l("Built the meeting schedule"),
        "schedule_published": _l("Published the meeting schedule"),
        "meeting_locked": _l("Locked a meeting"),
        "meeting_unlocked": _l("Unlocked a meeting"),
        "meeting_moved": _l("Moved a meeting"),
        "meeting_cancelled": _l("Called off a meeting"),
        "meeting_restored": _l("Restored a meeting"),
        "participation_cancelled": _l("Cancelled participation"),
    },
}
GROUP_LABELS = {"accounts": _l("Accounts and security"), "administration": _l("Administration"),
                "pitches": _l("Pitches"), "arenas": _l("Arenas and meetings")}
ACTIONS = {action: label for group in ACTION_GROUPS.values() for action, label in group.items()}

# The kinds of subject the filter offers; "engine" stands for both of the engine's targets.
SUBJECT_KINDS = {"user": _l("Person"), "pitch": _l("Pitch"), "arena": _l("Arena"),
                 "association": _l("Association"), "api_token": _l("API token"),
                 "engine": _l("Engine"), "members": _l("Members")}
_ENGINE_TARGETS = ("engine_settings:1", "engine_index")
SUBJECT_KEY = re.compile(r"[A-Za-z0-9_-]{1,60}")
# Subjects found by their number (an association goes by its short name). No row's number
# is larger than an INTEGER key holds: a larger one finds nothing (SQLite refused to compare
# it at all, a 500).
_NUMBERED = ("user", "pitch", "arena", "api_token")
_LARGEST_ID = 2**31 - 1


def action_label(action: str) -> str:
    """The action in the reader's language; an unknown one as it was recorded."""
    label = ACTIONS.get(action)
    return str(label) if label is not None else action


def action_choices() -> dict[str, list[tuple[str, str]]]:
    """The actions for a select, in groups (optgroups), each group in the reader's order."""
    return {str(GROUP_LABELS[group]): sorted(((key, str(label)) for key, label in
                                              actions.items()), key=lambda pair: pair[1])
            for group, actions in ACTION_GROUPS.items()}


@dataclass(frozen=True)
class Subject:
    """What an event was done to: its kind, its key (an id or slug) and, when it still
    exists, its name and id, so a page can link to it."""

    kind: str
    key: str
    name: str | None = None
    id: int | None = None
    # a person whose account was deleted (erased, the row kept): said as such, where a key
    # with no row at all can only be called unknown
    deleted: bool = False

    @property
    def kind_label(self) -> str:
        """The kind in the reader's language."""
        if self.kind in ("engine_settings", "engine_index"):
            return str(SUBJECT_KINDS["engine"])
        label = SUBJECT_KINDS.get(self.kind)
        return str(label) if label is not None else self.kind

    @property
    def exists(self) -> bool:
        """Whether the subject is still there to be opened."""
        return self.id is not None or self.kind in ("engine_settings", "engine_index")


@dataclass(frozen=True)
class Row:
    """One event as the list shows it."""

    event: AuditEvent
    actor: User | None
    subject: Subject | None
    detail: str = ""  # in the reader's language (app.services.audit_details)

    @property
    def action_label(self) -> str:
        """What was done, in the reader's language."""
        return action_label(self.event.action)

    @property
    def actor_has_page(self) -> bool:
        """Whether the actor's account is still there to open (a deleted one is not)."""
        return self.actor is not None and not self.actor.email.endswith(f"@{DELETED_DOMAIN}")


def _day_start(day: date) -> datetime:
    """Midnight at the associations' clock, as the stored (UTC) times compare."""
    return datetime.combine(day, time.min, tzinfo=LOCAL_TZ)


def search(actor: str = "", action: str | None = None, since: date | None = None,
           until: date | None = None, subject_kind: str | None = None,
           subject_key: str | None = None, page: int = 1) -> CountedPagination:
    """One page of events, newest first. `actor` matches the actor's name or e-mail; the
    dates are whole days on the associations' clock, both included; a subject is a kind,
    or a kind and its id (or slug). A person's subject also finds what they did without a
    target (changing their password, logging out)."""
    query = select(AuditEvent)
    words = (actor or "").strip().lower().split()
    if words:
        people = select(User.id)
        for word in words[:8]:
            people = people.where(or_(contains(func.lower(User.name), word),
                                      contains(func.lower(User.email), word)))
        query = query.where(AuditEvent.actor_id.in_(people))
    if action:
        query = query.where(AuditEvent.action == action)
    if since and until and since > until:
        raise DomainError(_("The end date is before the start date."), "until")
    if since:
        query = query.where(AuditEvent.at >= _day_start(since))
    if until:
        query = query.where(AuditEvent.at < _day_start(until + timedelta(days=1)))
    if subject_key and not subject_kind:
        raise DomainError(_("Choose the kind of subject the id belongs to."), "subject_kind")
    if subject_kind:
        query = query.where(_subject_clause(subject_kind, subject_key))
    return paginate(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()), page, PER_PAGE)


def _subject_clause(kind: str, key: str | None):
    if kind not in SUBJECT_KINDS:
        raise DomainError(_("Choose one of the listed kinds."), "subject_kind")
    if kind == "engine":
        return AuditEvent.target.in_(_ENGINE_TARGETS)
    if kind == "members":
        return AuditEvent.target == "members"
    if not key:
        return AuditEvent.target.like(f"{kind}:%")
    key = key.strip()
    if not SUBJECT_KEY.fullmatch(key):
        raise DomainError(_("Enter a number, or an association's short name."), "subject_key")
    if kind in _NUMBERED:
        if not key.isdigit():
            raise DomainError(_("Enter a number."), "subject_key")
        if int(key) > _LARGEST_ID:
            return false()
        key = str(int(key))  # 007 is 7
    clause = AuditEvent.target == f"{kind}:{key}"
    if kind == "user":
        return _about_person(int(key), clause)
    return clause


def _about_person(user_id: int, clause):
    """A person's events: those done to their account (`clause`), what they did without a
    target (a password change, logging out), staff's changes to their place in an arena
    (a detail that begins "user:<id>") and the failed logins typed with their address, as
    their data download counts them (personal_data._events_about). An admin looking into "I
    cannot log in" found no failed login on the person's page of the log."""
    me = f"user:{user_id}"
    about = [clause, and_(AuditEvent.target.is_(None), AuditEvent.actor_id == user_id),
             AuditEvent.detail == me, AuditEvent.detail.like(f"{me} %")]
    email = db.session.scalar(select(User.email).where(User.id == user_id))
    if email:
        about.append(and_(AuditEvent.action == "login_failed",
                          AuditEvent.detail == email.lower()))
    return or_(*about)


def _split(target: str | None) -> tuple[str, str] | None:
    if not target:
        return None
    kind, _sep, key = target.partition(":")
    return kind, key


def _ids(pairs, kind: str) -> set[int]:
    return {int(key) for k, key in pairs if k == kind and key.isdigit()}


def rows(events: list[AuditEvent]) -> list[Row]:
    """The events with their actors and named subjects, in a few queries for the page."""
    pairs = [pair for pair in map(_split, (e.target for e in events)) if pair]
    mentioned = audit_details.mentioned_people(e.detail for e in events)
    user_ids = _ids(pairs, "user") | {e.actor_id for e in events if e.actor_id} | mentioned
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(user_ids)))}
    pitches = {p.id: p for p in db.session.scalars(
        select(Pitch).where(Pitch.id.in_(_ids(pairs, "pitch"))))}
    arenas = {a.id: a for a in db.session.scalars(
        select(Arena).where(Arena.id.in_(_ids(pairs, "arena"))))}
    slugs = {key for kind, key in pairs if kind == "association"}
    wanted = select(Association)
    if not any(e.action in audit_details.NAMES_ASSOCIATIONS for e in events):
        # (else the details name them by slug too: all six are read)
        wanted = wanted.where(Association.slug.in_(slugs))
    associations = {a.slug: a for a in db.session.scalars(wanted)}
    names = audit_details.Names(
        people={i: u.name for i, u in users.items()
                if i in mentioned and not u.email.endswith(f"@{DELETED_DOMAIN}")},
        associations={slug: a.name for slug, a in associations.items()})

    def subject(target: str | None) -> Subject | None:
        pair = _split(target)
        if pair is None:
            return None
        kind, key = pair
        if kind == "engine_settings":  # the one settings row: its number tells a reader nothing
            return Subject(kind, "")
        number = int(key) if key.isdigit() else None
        if kind == "user" and number in users:
            person = users[number]
            if person.email.endswith(f"@{DELETED_DOMAIN}"):
                return Subject(kind, key, deleted=True)
            return Subject(kind, key, person.name, person.id)
        elif kind == "pitch" and number in pitches:
            pitch = pitches[number]
            if not moderated(pitch.status):  # a draft's title is its founder's alone
                return Subject(kind, key, staff_title(pitch.title, pitch.status))
            return Subject(kind, key, pitch.title, number)
        elif kind == "arena" and number in arenas:
            return Subject(kind, key, arenas[number].title, number)
        elif kind == "association" and key in associations:
            found = associations[key]
            return Subject(kind, key, found.name, found.id)
        return Subject(kind, key)

    return [Row(e, users.get(e.actor_id), subject(e.target),
                audit_details.describe(e.action, e.detail, names)) for e in events]
