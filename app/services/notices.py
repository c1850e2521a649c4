"""Telling people what staff changed for them: an in-app notification and, when mail is
configured, an e-mail, both in the recipient's saved language (not the staff member's).

Callers add the notices with `tell` before they commit their change, so the notices and
the change are saved together, and `send` the e-mails after the commit: nobody is mailed
about a change that was refused or rolled back.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import current_app, has_request_context
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from app.models import Notification, User
from app.services import links, mail_preferences, notifications
from app.services.deleted_accounts import shown


def link(endpoint: str, **values) -> str:
    """The path a notice opens; also outside a request (the CLI)."""
    return links.url(endpoint, **values)


def _absolute(path: str) -> str:
    if has_request_context():
        from flask import request

        return request.host_url.rstrip("/") + path
    return links.base_url().rstrip("/") + path


def tell(users: Iterable[User | None], kind: str, path: str, actor=None,
         **params) -> list[Notification]:
    """Add the notice `kind` for each user, once each, never for the staff member who made
    the change (`actor`); the caller commits, then passes the result to `send`."""
    actor_id = getattr(actor, "id", None)
    seen: set[int] = set()
    notes = []
    for user in users:
        if user is None or user.id == actor_id or user.id in seen:
            continue
        seen.add(user.id)
        notes.append(notifications.notify(user, kind, path, **params))
    return notes


def mail_enabled() -> bool:
    """Whether e-mail is configured (the file backend in development, SMTP in production)."""
    return bool(current_app.config.get("MAIL_BACKEND"))


def send(notes: Iterable[Notification]) -> None:
    """E-mail each notice to its (active) recipient in their language, when mail is
    configured. Best effort: the change stands, a failure is logged."""
    if not mail_enabled():
        return
    from app.extensions import db
    from app.services.mailer import send_mail

    for note in notes:
        user = db.session.get(User, note.user_id)
        if user is None or not user.active or not user.email:
            continue
        if not mail_preferences.wants_mail(user, note.kind):
            continue  # they turned this group's e-mails off; the notice itself stays
        locale = user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
        try:
            with force_locale(locale):
                subject = subject_of(note)
                sentence = notifications.text(note)
            send_mail(user.email, subject, "email/notice", locale=locale, user=user,
                      sentence=sentence, link=_absolute(note.link) if note.link else "",
                      settings_link=mail_preferences.settings_link(),
                      attachments=_calendar(note, user))
        except Exception:  # noqa: BLE001 - the change stands; mail is best effort
            current_app.logger.exception("Notice e-mail (%s) to user %s failed", note.kind,
                                         user.id)


# Notices that change someone's meetings at an arena carry their calendar file, as the
# invitation does: opened, it adds, moves or cancels the events (same UIDs, a higher
# SEQUENCE), so the calendar on their phone follows the schedule without a visit to the
# agenda. Before, only the invitation carried one: a meeting moved on the day stayed at
# its old time in the calendar of whoever had imported the agenda.
CALENDAR_KINDS = frozenset({
    "schedule_ready", "schedule_changed", "meeting_moved", "meeting_cancelled",
    "meeting_restored", "meetings_called_off", "meetings_retimed", "meeting_called_off",
    "partner_withdrew", "partner_left", "times_changed_called_off", "times_fitted",
    "removed_from_arena", "invitation_withdrawn", "removed_from_waiting_list"})


def _calendar(note: Notification, user: User) -> list:
    """The recipient's calendar file for the notice's arena, when the notice changes their
    meetings there and the file is theirs to read (agenda_calendar.calendar_reader's rule),
    and the arena's day is not over: a past arena (Arena.is_past) offers no calendar action,
    on its pages or in an e-mail."""
    arena_id = (note.params or {}).get("arena_id")
    if note.kind not in CALENDAR_KINDS or arena_id is None:
        return []
    from app.extensions import db
    from app.models import Arena, Invitation
    from app.services import agenda_calendar
    from app.services.mailer import Attachment

    arena = db.session.get(Arena, arena_id)
    invitation = db.session.scalar(db.select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == user.id))
    if arena is None or arena.is_past or invitation is None or not (
            invitation.state == "accepted" or invitation.calendar_sequence):
        return []
    return [Attachment(agenda_calendar.calendar_filename(arena),
                       lambda: agenda_calendar.calendar(user, arena, invitation).decode(),
                       "text/calendar")]


def subject_of(note: Notification) -> str:
    """The e-mail's subject line for a notice, in the current locale."""
    p = {key: shown(value) for key, value in (note.params or {}).items()}
    arena, pitch, who = p.get("arena", ""), p.get("pitch", ""), p.get("who", "")

    def called_off() -> str:
        # as many as the sentence says: one meeting is no "Meetings called off"
        return ngettext("A meeting at %(arena)s is called off",
                        "%(num)d meetings at %(arena)s are called off",
                        int(p.get("count") or 1), arena=arena)

    subjects = {
        "schedule_ready": lambda: _("Your agenda for %(arena)s is ready", arena=arena),
        "schedule_changed": lambda: _("Your agenda for %(arena)s has changed", arena=arena),
        "schedule_no_meetings": lambda: _("No meetings for you at %(arena)s", arena=arena),
        "meeting_moved": lambda: _("A meeting at %(arena)s has moved", arena=arena),
        "meetings_called_off": lambda: called_off(),
        "meetings_retimed": lambda: _("New meeting times at %(arena)s", arena=arena),
        "meeting_cancelled": lambda: _("A meeting at %(arena)s is cancelled", arena=arena),
        "times_changed_called_off": lambda: called_off(),
        "times_fitted": lambda: _("Your times at %(arena)s have changed", arena=arena),
        "meeting_called_off": lambda: _("A meeting at %(arena)s is cancelled", arena=arena),
        "removed_from_arena": lambda: _("You are no longer on the list for %(arena)s",
                                        arena=arena),
        "invitation_withdrawn": lambda: _("Your invitation to %(arena)s is withdrawn",
                                          arena=arena),
        "removed_from_waiting_list": lambda: _(
            "You are no longer on the waiting list for %(arena)s", arena=arena),
        "partner_withdrew": lambda: _("A meeting at %(arena)s is cancelled", arena=arena),
        "partner_left": lambda: _("A meeting at %(arena)s is cancelled", arena=arena),
        "meeting_request_withdrawn": lambda: _("A meeting request at %(arena)s is closed",
                                               arena=arena),
        "arena_moved": lambda: _("New time or place: %(arena)s", arena=arena),
        "meeting_restored": lambda: _("A meeting at %(arena)s is back on", arena=arena),
        "arena_cancelled": lambda: _("Cancelled: %(arena)s", arena=arena),
        # at two arenas at once, the arena says which request it was
        "meeting_request_accepted": lambda: _("%(who)s said yes to meeting you at %(arena)s",
                                              who=who, arena=arena),
        "meeting_request_declined": lambda: _("%(who)s declined your meeting request at "
                                              "%(arena)s", who=who, arena=arena),
        "meeting_agreement_withdrawn": lambda: _("%(who)s took back your agreed meeting at "
                                                 "%(arena)s", who=who, arena=arena),
        "pitch_hidden": lambda: _("Your pitch “%(pitch)s” is hidden", pitch=pitch),
        "pitch_unhidden": lambda: _("Your pitch “%(pitch)s” is no longer hidden",
                                         pitch=pitch),
        "pitch_republished": lambda: (
            _("A pitch you hid is published again: “%(pitch)s”", pitch=pitch)
            if p.get("hid_by", "you") == "you"
            else _("A hidden pitch is published again: “%(pitch)s”", pitch=pitch)),
    }
    make = subjects.get(note.kind)
    return make() if make else _("News from Koble")
