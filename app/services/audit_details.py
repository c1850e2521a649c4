"""The audit list's detail column in the reader's language.

The trail stores each detail language-neutral, as its writer records it: keys, numbers, ids
and e-mail addresses ("meeting:12 slot=3 table=2", "user:5 attended=True", "read, 30 days").
This module knows each action's shape and says it in words; a detail in no known shape (an
older or a newer writer) is shown as it was recorded, never dropped.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _

from app.services.arena_status import status_label
from app.services.match_bars import COMPONENT_LABELS
from app.vocabulary import MUNICIPALITIES, label

PERSON = re.compile(r"user:(\d+)")
ARROW = " -> "
# Actions whose detail names associations by slug.
NAMES_ASSOCIATIONS = ("staff_invited", "association_changed")


@dataclass(frozen=True)
class Names:
    """What the details mention by key, by name: people by id, associations by slug."""

    people: Mapping[int, str] = field(default_factory=dict)
    associations: Mapping[str, str] = field(default_factory=dict)


def mentioned_people(details) -> set[int]:
    """The ids of the people the details name ("user:5"), to look their names up at once."""
    return {int(n) for detail in details if detail for n in PERSON.findall(detail)}


def describe(action: str, detail: str | None, names: Names) -> str:
    """`detail` of an event of `action` in the reader's language; `names` holds the names of
    what it may mention (see mentioned_people and NAMES_ASSOCIATIONS)."""
    if not detail:
        return ""
    reader = _READERS.get(action)
    if reader is None:
        return detail
    try:
        said = reader(detail, names)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, SyntaxError):
        said = None  # not the shape its writer records: shown as it is
    return detail if said is None else said


def _person(key: str, names: Names) -> str:
    number = int(PERSON.fullmatch(key).group(1))
    return names.people.get(number) or _("Person %(id)s", id=number)


def _pairs(text: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in text.split())


def _erased_again(detail, names):
    """How an account deleted again after a restore went the first time (erasure_ledger)."""
    return {"first=self": _("First deleted by the person themselves"),
            "first=admin": _("First deleted by an administrator")}[detail]


def _login_failed(detail, names):
    return _("(not an e-mail address)") if detail == "(not an e-mail address)" else detail


def _arrow(detail, names, label: Callable[[str], str] = str):
    old, new = detail.split(ARROW)
    return f"{label(old)} → {label(new)}"


def _role(key: str) -> str:
    labels = {"founder": _("Founder"), "investor": _("Investor"), "staff": _("Staff"),
              "admin": _("Administrator")}
    return labels.get(key, key)


def _municipality(key: str) -> str:
    return _("none") if key == "none" else label(MUNICIPALITIES, key)


def _association_changed(detail, names):
    if ARROW in detail:  # a person moved between associations
        return _arrow(detail, names, lambda slug: _association(slug, names))
    fields = {"name": _("name"), "contact_email": _("contact e-mail"),
              "website": _("website")}
    return _("Changed: %(fields)s", fields=", ".join(
        fields[key] for key in detail.split(", ")))


def _engine_weights(detail, names):
    before, after = (ast.literal_eval(part) for part in detail.split(ARROW))
    changed = [f"{COMPONENT_LABELS.get(key, key)}: {_number(before.get(key))} → "
               f"{_number(value)}" for key, value in after.items() if before.get(key) != value]
    return "; ".join(changed) or _("No change")


def _number(value) -> str:
    return "–" if value is None else format_decimal(value)


def _api_token(detail, names):
    scope, days = detail.split(", ")
    scopes = {"read": _("Read only"), "read-write": _("Read and write")}
    number = int(re.fullmatch(r"(\d+) days", days).group(1))
    return ngettext("%(scope)s, valid for %(num)d day", "%(scope)s, valid for %(num)d days",
                    number, scope=scopes[scope])


def _meeting(detail, names):
    parts = detail.split()
    number = re.fullmatch(r"meeting:(\d+)", parts[0]).group(1)
    said = _("Meeting %(id)s", id=number)
    values = _pairs(" ".join(parts[1:]))
    if "slot" in values:
        said = _("Meeting %(id)s, to time slot %(slot)s at table %(table)s", id=number,
                 slot=values["slot"], table=values["table"])
    if "scheduled" in values:
        said += "; " + (_("back in the schedule") if values["scheduled"] == "yes"
                        else _("no time fits, left for the next build"))
    return said


def _participation(detail, names):
    found = re.fullmatch(r"(left Koble, |role changed, )?meetings freed=(\d+)", detail)
    if found is None:
        return None
    if found.group(1) == "role changed, ":  # an administrator changed the person's role
        return _("Role changed; meetings called off: %(num)s", num=found.group(2))
    if found.group(1):
        return _("Left Koble; meetings called off: %(num)s", num=found.group(2))
    return _("Meetings called off: %(num)s", num=found.group(2))


def _arena_edited(detail, names):
    number = re.fullmatch(r"meetings called off=(\d+)", detail).group(1)
    return _("Meetings called off: %(num)s", num=number)


def _arena_status(detail, names):
    return _("New status: %(status)s", status=status_label(detail))


def _schedule_built(detail, names):
    values = {key: int(value) for key, value in _pairs(detail).items()}
    return _("Meetings placed: %(total)d (mutual interest: %(mutual)d, asked for by one "
             "side: %(one_sided)d, suggested: %(suggestion)d); locked: %(locked)d", **values)


def _schedule_published(detail, names):
    values = {key: int(value) for key, value in _pairs(detail).items()}
    return _("People with meetings: %(with_)d; without: %(without)d",
             with_=values["with"], without=values["without"])


def _proposed(detail, names):
    values = {key: int(value) for key, value in _pairs(detail).items()}
    return _("Founders: %(founders)d; investors: %(investors)d; good investors per "
             "founder: %(k)d", **values)


def _invitation(detail, names):
    person, *rest = detail.split()
    who = _person(person, names)
    if not rest:
        return who
    notes = {"undo": _("undoing a removal"), "up": _("one place up"),
             "down": _("one place down")}
    return f"{who}: {notes[rest[0]]}" if len(rest) == 1 else None


def _mailed(kind: str):
    def read(detail, names):
        found = re.fullmatch(rf"(\d+) {kind}, (\d+) e-mails failed", detail)
        if found is None:
            return None
        sent, failed = found.groups()
        if kind == "invitations":
            return _("Invitations sent: %(sent)s; e-mails that failed: %(failed)s",
                     sent=sent, failed=failed)
        return _("Reminders sent: %(sent)s; e-mails that failed: %(failed)s",
                 sent=sent, failed=failed)
    return read


def _attendance(detail, names):
    person, pair = detail.split()
    attended = _pairs(pair)["attended"]
    state = {"True": _("attended"), "False": _("did not attend"),
             "None": _("not marked")}[attended]
    return f"{_person(person, names)}: {state}"


def _availability(detail, names):
    person, rest = detail.split(" ", 1)
    main, _sep, called = rest.partition(" meetings called off=")
    values = _pairs(main)
    if values["cap"] == "arena":
        said = _("%(name)s: from %(arrive)s to %(leave)s, the arena's meeting limit",
                 name=_person(person, names), arrive=values["arrive"], leave=values["leave"])
    else:
        said = _("%(name)s: from %(arrive)s to %(leave)s, at most %(cap)s meetings",
                 name=_person(person, names), arrive=values["arrive"],
                 leave=values["leave"], cap=int(values["cap"]))
    if called:
        said += "; " + _("meetings called off: %(num)s", num=int(called))
    return said


def _imported(detail, names):
    found = re.fullmatch(r"created (\d+), updated (\d+), rejected (\d+)", detail)
    if found is None:
        return None
    created, updated, rejected = found.groups()
    return _("Created: %(created)s; updated: %(updated)s; refused: %(rejected)s",
             created=created, updated=updated, rejected=rejected)


def _new_address(detail, names):
    return _("New address: %(email)s", email=detail)


def _association(slug: str, names: Names) -> str:
    return _("none") if slug == "none" else names.associations.get(slug, slug)


def _staff_invited(detail, names):
    return _association(detail, names)


_READERS: dict[str, Callable[[str, Names], str | None]] = {
    "login_failed": _login_failed,
    "erased_again_after_restore": _erased_again,
    "email_change_requested": _new_address,
    "email_changed": _arrow,
    "municipality_changed": lambda detail, names: _arrow(detail, names, _municipality),
    "role_changed": lambda detail, names: _arrow(detail, names, _role),
    "pitch_withdrawn_by_role": lambda detail, names: _arrow(detail, names, _role),
    "pitch_shown_by_role": lambda detail, names: _arrow(detail, names, _role),
    "association_changed": _association_changed,
    "staff_invited": _staff_invited,
    "engine_weights": _engine_weights,
    "api_token_created": _api_token,
    "meeting_locked": _meeting,
    "meeting_unlocked": _meeting,
    "meeting_cancelled": _meeting,
    "meeting_moved": _meeting,
    "meeting_restored": _meeting,
    "participation_cancelled": _participation,
    "arena_edited": _arena_edited,
    "arena_status": _arena_status,
    "schedule_built": _schedule_built,
    "schedule_published": _schedule_published,
    "invitations_proposed": _proposed,
    "invitation_added": _invitation,
    "invitation_removed": _invitation,
    "invitation_moved": _invitation,
    "invitations_sent": _mailed("invitations"),
    "invitations_reminded": _mailed("reminders"),
    "attendance_marked": _attendance,
    "availability_set": _availability,
    "members_imported": _imported,
}
