"""Answering arena invitations: signed RSVP links, accept/decline with a capacity that is never
exceeded, the waiting list, and the invitation and reminder e-mails."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Invitation
from app.models.user import utcnow
from app.services import (
    agenda_calendar,
    arena_notices,
    links,
    mail_preferences,
    meeting_changes,
    notifications,
)
from app.services import arenas as arena_service
from app.services.arena_values import utc_to_local
from app.services.errors import DomainError, NotFound
from app.services.mailer import Attachment, deliver
from app.services.participants import participant_of
from app.services.tokens import sign, unsign

SALT = "arena-rsvp"
# A link older than this never works; before that, the arena's RSVP deadline decides.
LINK_MAX_AGE = 180 * 24 * 3600
SEATED = ("invited", "accepted")
ANSWERABLE = ("invited", "accepted", "declined", "waiting_list")


class AnswerRefused(DomainError):
    """The answer was not recorded (deadline passed, arena closed, no seat left)."""


class AnswerOver(AnswerRefused):
    """An answer to an arena that has taken place; its message is `over_text`."""


class AnswerWithdrawn(AnswerRefused):
    """An answer to an invitation the organisers withdrew (Invitation.withdrawn); its
    message is `withdrawn_text`."""


# --- links ----------------------------------------------------------------------------------
def make_token(invitation: Invitation) -> str:
    """A signed token naming the invitation and its invitee."""
    return sign({"i": invitation.id, "u": invitation.user_id, "a": invitation.arena_id}, SALT)


def invitation_for_token(token: str) -> Invitation:
    """The invitation a valid token names; NotFound for forged, altered or expired tokens."""
    data = unsign(token, SALT, max_age=LINK_MAX_AGE)
    if not data or not all(isinstance(data.get(key), int) for key in ("i", "u", "a")):
        raise NotFound(_("This answer link is not valid or has expired. Log in to answer, "
                         "or ask the organisers for a new invitation."))
    invitation = db.session.get(Invitation, data["i"])
    if (invitation is None or invitation.user_id != data["u"]
            or invitation.arena_id != data["a"] or invitation.invited_at is None):
        raise NotFound(_("This answer link is not valid or has expired. Log in to answer, "
                         "or ask the organisers for a new invitation."))
    return invitation


def participant_for_token(token: str) -> Invitation:
    """The accepted invitation behind a valid token, for that arena's agenda and list of who
    comes (read-only). The same rule as for the logged-in pages (participant_of): NotFound
    for a bad token or a draft arena, Forbidden for someone who has not accepted (declined,
    waiting, taken off the list, no longer coming). The token opens that arena only, and
    logs nobody in."""
    invitation = _reader(token)
    return participant_of(invitation.user, invitation.arena_id)


def calendar_reader_for_token(token: str) -> Invitation:
    """Whose calendar file a valid token fetches: as agenda_calendar.calendar_reader decides
    for the logged-in file (someone who once came still gets it, to cancel what they
    imported)."""
    invitation = _reader(token)
    return agenda_calendar.calendar_reader(invitation.user, invitation.arena_id)


def _reader(token: str) -> Invitation:
    invitation = invitation_for_token(token)
    # A deactivated account shows nothing of itself, through a link no more than a login.
    if not invitation.user.active:
        raise NotFound(_("This answer link is not valid or has expired. Log in to answer, "
                         "or ask the organisers for a new invitation."))
    return invitation


def rsvp_link(invitation: Invitation) -> str:
    """The absolute RSVP link, also from the CLI (no request)."""
    return links.url("arenas.rsvp", token=make_token(invitation), external=True)


def mail_invitation(invitation: Invitation, reminder: bool = False) -> bool:
    """Send the invitation (or a reminder) with the RSVP link and the arena as a calendar
    file (a tentative event until they answer: the same UID and rising SEQUENCE as their
    agenda's file, so answering updates it), in the invitee's language; best effort
    (mailer.deliver): whether it went out."""
    arena = invitation.arena
    user = invitation.user
    subject = (_l("Reminder: please answer the invitation to %(title)s", title=arena.title)
               if reminder else _l("Invitation: %(title)s", title=arena.title))
    calendar = Attachment(agenda_calendar.calendar_filename(arena),
                          lambda: agenda_calendar.calendar(user, arena, invitation).decode(),
                          "text/calendar")
    return deliver(user.email, subject, "email/arena_invitation", locale=user.locale,
                   attachments=[calendar],
                   user=user, arena=arena, invitation=invitation, link=rsvp_link(invitation),
                   reminder=reminder, settings_link=mail_preferences.settings_link(),
                   deadline=utc_to_local(arena.rsvp_deadline_utc))


# --- answering ------------------------------------------------------------------------------
def seats_taken(arena_id: int, side: str) -> int:
    return db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.arena_id == arena_id, Invitation.side == side,
        Invitation.state == "accepted")) or 0


def over_text(arena: Arena) -> str:
    """Why an invitation to an arena that has taken place (Arena.held: marked done, or its
    end has passed) can no longer be answered: the refusal, and the page's note where the
    buttons were. Said before the deadline's sentence, whose "contact the organisers if
    your plans have changed" means nothing after the event."""
    return _("“%(arena)s” is over, so the invitation can no longer be answered.",
             arena=arena.title)


def over_note(arena: Arena, invitation: Invitation) -> str:
    """The invitation page's one note at an arena that has taken place. Someone who said yes
    had two, each where its form was (the answer; their times), and read "is over" twice."""
    if invitation.state == "accepted":
        return _("“%(arena)s” is over, so your answer, your times and number of meetings can "
                 "no longer be changed.", arena=arena.title)
    return over_text(arena)


def withdrawn_text() -> str:
    """Why an invitation the organisers withdrew before it was answered
    (Invitation.withdrawn) takes no answer: the refusal, and the page's note where the
    buttons were. "This invitation can no longer be answered." gave no reason."""
    return _("The organisers have withdrawn this invitation, so it can no longer be "
             "answered.")


def can_answer(arena: Arena, invitation: Invitation) -> bool:
    """Whether the invitation takes an answer now (answer's checks, _check_open): the arena
    page shows its Yes and No buttons, and the agenda's cancel is its No."""
    return (arena.status in arena_service.OPEN_STATUSES and not arena.deadline_passed()
            and not arena.held and invitation.state in ANSWERABLE)


def _check_open(arena: Arena, invitation: Invitation) -> None:
    if arena.held:
        raise AnswerOver(over_text(arena))
    if arena.status not in arena_service.OPEN_STATUSES:
        raise AnswerRefused(_("This arena no longer takes answers."))
    if invitation.withdrawn:  # before the deadline's "contact the organisers if ..."
        raise AnswerWithdrawn(withdrawn_text())
    if arena.deadline_passed():
        raise AnswerRefused(_("The deadline for answering has passed, so your answer was not "
                              "recorded. Contact the organisers if your plans have changed."))
    if invitation.state not in ANSWERABLE:
        raise AnswerRefused(_("This invitation can no longer be answered."))


def answer(invitation_id: int, accept: bool) -> tuple[Invitation, str]:
    """Record an answer in one locked transaction. Returns the invitation and the outcome:
    "accepted", "declined", "unchanged" or "waiting_list" (no seat left)."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None:
        raise NotFound(_("No such invitation."))
    arena_id = invitation.arena_id
    db.session.rollback()  # start a fresh transaction; the lock must come first
    try:
        arena = arena_service.lock_arena(arena_id)
        invitation = db.session.scalars(select(Invitation).where(Invitation.id == invitation_id)
                                        .execution_options(populate_existing=True)).one()
        _check_open(arena, invitation)
        # answered, whichever way: the notice asking for it has had its say
        notifications.settle(invitation.user_id, "arena_invited", arena_id=arena.id)
        if accept:
            outcome = _accept(arena, invitation)
            if outcome == "accepted":
                arena_notices.late_answer(arena, invitation.user, said_yes=True)
        elif invitation.state == "declined":
            outcome = "unchanged"
        else:
            _decline(arena, invitation)
            return invitation, "declined"
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return invitation, outcome


def _accept(arena: Arena, invitation: Invitation) -> str:
    if invitation.state == "accepted":
        return "unchanged"
    now = utcnow()
    if seats_taken(arena.id, invitation.side) >= arena.capacity(invitation.side):
        if invitation.state != "waiting_list":
            invitation.state = "waiting_list"
            invitation.answered_at = now
        return "waiting_list"
    invitation.state = "accepted"
    invitation.answered_at = now
    return "accepted"


def _decline(arena: Arena, invitation: Invitation) -> None:
    """A no stops the person coming as a participant's cancel does (withdraw): after a yes
    their meetings are called off and the partners told; the seat goes to the waiting list.
    It ends declined, with the answer's time, and with no audit entry (answers are not
    audited). After a yes, the host staff are told how many meetings it called off (once
    the schedule is published). Commits and sends."""
    gives_up_a_place = invitation.state == "accepted"
    invitation.answered_at = utcnow()
    freed, told, newly = meeting_changes.stop_coming(
        arena, invitation,
        lambda mine: arena_notices.partner_withdrew(arena, invitation.user, mine),
        state="declined")
    if gives_up_a_place:  # in the app only, saved with seat_freed's commit
        arena_notices.late_answer(arena, invitation.user, said_yes=False, freed=freed)
    arena_notices.seat_given(arena, newly)  # likewise, whoever got the seat
    meeting_changes.seat_freed(arena, invitation.user, told, newly)


def fill_seats(arena: Arena, side: str) -> list[Invitation]:
    """Invite the next ranked people on the waiting list while seats are free, each with a
    notice in the app (caller holds the arena lock and commits). Returns the newly invited,
    to be e-mailed after commit."""
    if arena.status not in arena_service.OPEN_STATUSES or arena.deadline_passed():
        return []
    seated = db.session.scalar(select(func.count(Invitation.id)).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state.in_(SEATED))) or 0
    free = arena.capacity(side) - seated
    if free <= 0:
        return []
    waiting = list(db.session.scalars(select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.side == side,
        Invitation.state == "waiting_list").order_by(Invitation.rank, Invitation.id)
        .limit(free)))
    now = utcnow()
    for invitation in waiting:
        invitation.state = "invited"
        invitation.invited_at = now
        invitation.answered_at = None
    arena_notices.invited(arena, waiting)
    return waiting


def outcome_message(outcome: str) -> str:
    """What to tell the invitee after an answer."""
    return {
        "accepted": _("Thank you! Your place is confirmed."),
        "declined": _("Thank you for letting us know. You have declined the invitation."),
        "unchanged": _("Your answer was already recorded; nothing changed."),
        "waiting_list": _("Sorry, every seat is taken. You are on the waiting list and will "
                          "get an e-mail if a seat becomes free."),
    }.get(outcome, "")
