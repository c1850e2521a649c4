"""Participants' pages at an arena: who comes, meeting requests, agenda, calendar file,
follow-up answers, and cancelling one's participation."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from app.database import id_from_form
from app.flashes import flash_once
from app.i18n import speak_as_link_owner
from app.meetings import call_or_abort, yes_no
from app.permissions import role_required
from app.services import agenda as agenda_service
from app.services import agenda_calendar, exports, meeting_changes, rsvp
from app.services import arenas as arena_service
from app.services import feedback as feedback_service
from app.services import meeting_requests as requests_service
from app.services import participants as participants_service
from app.services.errors import DomainError, NotFound
from app.services.request_pairs import outgoing_count

bp = Blueprint("meetings", __name__)
PARTICIPANT = ("founder", "investor")


def _me(arena_id: int):
    return call_or_abort(lambda: participants_service.participant_of(current_user, arena_id))


def _flash_result(action, success: str) -> None:
    try:
        call_or_abort(action)
    except requests_service.ArenaOver:
        pass  # the participants page says so above the list; flashed too, it read twice
    except DomainError as error:
        flash(error.message, "danger")
    else:
        # A double click's second answer finds the first one's message still waiting to
        # be shown: the page says it once.
        flash_once(success)


@bp.route("/meetings")
@role_required(*PARTICIPANT)
def mine():
    """The arenas the person takes part in, each with their meetings there (the ones the
    agenda shows: agenda.agenda_meetings) and links to who comes and the agenda."""
    invitations = participants_service.my_participations(current_user)
    upcoming, past = arena_service.upcoming_and_past(invitations)
    return render_template(
        "meetings/mine.html", invitations=invitations, upcoming=upcoming, past=past,
        meetings={i.arena_id: agenda_service.agenda_meetings(current_user, i.arena).meetings
                  for i in invitations})


@bp.route("/<int:arena_id>/participants")
@role_required(*PARTICIPANT)
def participants(arena_id: int):
    """The accepted people of the other side, best match first, with request buttons."""
    return _participants_page(_me(arena_id))


def _participants_page(me, token: str | None = None):
    """Who comes, as the participant `me` sees it; through a token (no login) read-only:
    asking and answering stay with the logged-in page."""
    arena = me.arena
    requests_open = requests_service.open_for_requests(arena)
    people = participants_service.other_side(me)
    return render_template(
        "meetings/participants.html", arena=arena, me=me, viewer=me.user, token=token,
        people=people, met=sum(1 for person in people if person.met),
        used=outgoing_count(me.arena_id, me.user_id),
        cap=requests_service.request_cap(arena, me),
        # an arena over or cancelled: why nothing can be asked, and requests still waiting
        # read as never answered, not as waiting (nobody can answer them now)
        over=requests_service.over_text(arena) if arena.held else "",
        cancelled=arena.status == "cancelled",
        requests_open=requests_open, open_for_requests=token is None and requests_open)


@bp.route("/<int:arena_id>/requests", methods=["POST"])
@role_required(*PARTICIPANT)
def make_request(arena_id: int):
    """Ask someone on the other side for a meeting."""
    to_user_id = id_from_form(request.form.get("to_user_id"))
    if to_user_id is None:
        abort(400)
    _flash_result(lambda: requests_service.request_meeting(current_user, arena_id, to_user_id),
                  _("Your meeting request is sent."))
    return redirect(_at_person(arena_id, to_user_id))


@bp.route("/<int:arena_id>/requests/<int:request_id>/answer", methods=["POST"])
@role_required(*PARTICIPANT)
def answer_request(arena_id: int, request_id: int):
    """Accept or decline a meeting request made to you."""
    choice = request.form.get("answer", "")
    if choice not in ("accept", "decline"):
        abort(400)
    accept = choice == "accept"
    _flash_result(
        lambda: requests_service.answer_request(current_user, arena_id, request_id, accept),
        _("You accepted the meeting.") if accept else _("You declined the meeting."))
    return redirect(_at_person(arena_id, id_from_form(request.form.get("person"))))


@bp.route("/<int:arena_id>/requests/<int:request_id>/take-back", methods=["POST"])
@role_required(*PARTICIPANT)
def take_back_request(arena_id: int, request_id: int):
    """Take back a meeting request of one's own that is still waiting for an answer."""
    _flash_result(lambda: requests_service.take_back(current_user, arena_id, request_id),
                  _("Your meeting request is taken back."))
    return redirect(_at_person(arena_id, id_from_form(request.form.get("person"))))


@bp.route("/<int:arena_id>/requests/<int:request_id>/take-back-agreed", methods=["POST"])
@role_required(*PARTICIPANT)
def take_back_agreed(arena_id: int, request_id: int):
    """Take back a meeting both sides agreed to, before the schedule is published."""
    _flash_result(lambda: requests_service.take_back_agreed(current_user, arena_id, request_id),
                  _("The agreed meeting is taken back."))
    return redirect(_at_person(arena_id, id_from_form(request.form.get("person"))))


def _at_person(arena_id: int, user_id: int | None) -> str:
    """The participants page at the card of the person a request or answer was about
    (#person-12; an answer's form sends the asker's id as `person`), where the button was
    and the card now says what changed, rather than at the top of a long list, where a
    keyboard or screen-reader user had to find their place again."""
    anchor = f"person-{user_id}" if user_id else None
    return url_for("meetings.participants", arena_id=arena_id, _anchor=anchor)


@bp.route("/<int:arena_id>/agenda")
@role_required(*PARTICIPANT)
def agenda(arena_id: int):
    """The participant's meetings: time, table, who and why."""
    return _agenda_page(call_or_abort(
        lambda: participants_service.agenda_holder(current_user, arena_id)))


def _agenda_page(me, token: str | None = None):
    """The participant `me`'s agenda; through a token (no login) read-only: no follow-up
    answers and no cancelling, which stay with the logged-in page."""
    arena = me.arena
    items = agenda_service.page_items(me.user, arena)
    # A meeting staff cancelled is shown, marked so, but is no meeting: with only such rows
    # the page still says why there is none.
    empty_because = (agenda_service.why_empty(me.user, arena)
                     if not any(i.active for i in items) or arena.status == "cancelled"
                     else "")
    current, upcoming = agenda_service.now_and_next(arena, items)
    return render_template(
        "meetings/agenda.html", arena=arena, me=me, items=items, token=token,
        current=current, upcoming=upcoming,
        contacts_to_come=agenda_service.contacts_to_come(items),
        scheduled=arena.status in ("scheduled", "done"), empty_because=empty_because,
        withdraw_closed=meeting_changes.withdraw_closed_because(arena),
        # Until the deadline, cancelling is the arena page's No: an answer the person can
        # change back until then, as that page says; after it, a cancel is final.
        cancel_is_no=token is None and rsvp.can_answer(arena, me),
        feedback_open={i.meeting.id: token is None and i.active and i.absent is None
                       and feedback_service.feedback_open(arena, i.meeting) for i in items})


@bp.route("/<int:arena_id>/agenda.ics")
@role_required(*PARTICIPANT)
def agenda_ics(arena_id: int):
    """The agenda as a calendar file; importing it again updates the events. Someone who
    no longer comes gets it too: it cancels what they imported."""
    return _calendar_file(call_or_abort(
        lambda: agenda_calendar.calendar_reader(current_user, arena_id)))


def _calendar_file(me) -> Response:
    body = agenda_calendar.calendar(me.user, me.arena, me)
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Type"] = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = exports.attachment(
        agenda_calendar.calendar_filename(me.arena))
    response.headers["Cache-Control"] = "no-store"
    return response


# --- the same three through the e-mailed RSVP link, without logging in -------------------
def _by_token(token: str, reader, page, why=None):
    """Run `page` for the invitation a valid token names (`reader` applies the logged-in
    pages' rule); a bad token gets the RSVP link's own 404 page, someone who does not come
    a 403 that leads back to their invitation and says why, as the logged-in pages do
    (`why` of the invitation's state, participant_of's words without it). Never cached:
    the URL holds the token."""
    try:
        me = reader(token)
    except NotFound as error:
        response = make_response(
            render_template("arenas/rsvp_invalid.html", message=error.message), 404)
    except participants_service.NotParticipant:
        invitation = rsvp.invitation_for_token(token)
        speak_as_link_owner(invitation.user)
        response = make_response(render_template(
            "meetings/rsvp_refused.html",
            message=why(invitation.state) if why else participants_service.not_accepted_text(),
            token=token, arena=invitation.arena), 403)
    else:
        speak_as_link_owner(me.user)
        response = make_response(page(me, token))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/rsvp/<token>/participants", endpoint="rsvp_participants")
def rsvp_participants(token: str):
    """Who comes, through the e-mailed link: the arena the token names, read-only."""
    return _by_token(token, rsvp.participant_for_token, _participants_page)


@bp.route("/rsvp/<token>/agenda", endpoint="rsvp_agenda")
def rsvp_agenda(token: str):
    """One's agenda, through the e-mailed link: the arena the token names, read-only."""
    return _by_token(token, rsvp.participant_for_token, _agenda_page,
                     participants_service.no_agenda_text)


@bp.route("/rsvp/<token>/calendar.ics", endpoint="rsvp_calendar")
def rsvp_calendar(token: str):
    """One's calendar file, through the e-mailed link (also for someone who stopped coming:
    it cancels what they imported)."""
    return _by_token(token, rsvp.calendar_reader_for_token, lambda me, _token: _calendar_file(me))


@bp.route("/<int:arena_id>/meetings/<int:meeting_id>/feedback", methods=["POST"])
@role_required(*PARTICIPANT)
def feedback(arena_id: int, meeting_id: int):
    """The one-question follow-up: was it worth it, will you follow up?"""
    worth_it = yes_no(request.form.get("worth_it"))
    follow_up = yes_no(request.form.get("will_follow_up"))
    try:
        call_or_abort(lambda: feedback_service.answer(current_user, arena_id, meeting_id,
                                                      worth_it, follow_up))
    except DomainError as error:
        flash(error.message, "danger")  # said at the top, where the page opens
        return redirect(url_for("meetings.agenda", arena_id=arena_id))
    flash_once(_("Thank you for your answer."))
    # Back at the meeting answered, which says so: on a phone the agenda is a column of
    # cards, and the top of the page left the next meeting to answer screens away.
    return redirect(url_for("meetings.agenda", arena_id=arena_id,
                            _anchor=f"meeting-{meeting_id}"))


@bp.route("/<int:arena_id>/withdraw", methods=["POST"])
@role_required(*PARTICIPANT)
def withdraw(arena_id: int):
    """Cancel one's participation after accepting; one's meetings are called off."""
    try:
        ended = call_or_abort(lambda: meeting_changes.withdraw(current_user, arena_id))
    except DomainError as error:
        flash(error.message, "danger")
    else:
        # Only partners of a published schedule's meetings hear of it: a draft's are news
        # to nobody, so the sentence must not say anyone is told.
        flash(_("You have cancelled your participation. The people you were to meet are "
                "told that your meetings are called off.") if ended.partners_told
              else _("You have cancelled your participation."), "success")
    return redirect(url_for("arenas.mine"))
