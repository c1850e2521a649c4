"""Invitees' pages: my arenas, one arena with the answer buttons and one's times there, and
the RSVP link."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.arenas.forms import AvailabilityForm
from app.i18n import speak_as_link_owner
from app.services import arenas as arena_service
from app.services import availability, rsvp
from app.services.arena_values import utc_to_local
from app.services.errors import DomainError, NotFound
from app.services.schedule import meetings

bp = Blueprint("arenas", __name__)


def _answer(invitation_id: int) -> None:
    """Record the posted answer and flash what happened."""
    choice = request.form.get("answer", "")
    if choice not in ("accept", "decline"):
        abort(400)
    try:
        _invitation, outcome = rsvp.answer(invitation_id, accept=choice == "accept")
    except (rsvp.AnswerOver, rsvp.AnswerWithdrawn):
        pass  # the page says so where the buttons were; flashed too, it read twice
    except rsvp.AnswerRefused as error:
        flash(error.message, "danger")
    except NotFound:
        abort(404)
    except DomainError as error:
        flash(error.message, "danger")
    else:
        category = "warning" if outcome == "waiting_list" else "success"
        flash(rsvp.outcome_message(outcome), category)


def _page(invitation, token=None, form=None, status=200):
    arena = invitation.arena
    # A no after a yes calls off the person's meetings in a published schedule and tells
    # the other side: the page says so, and how many, before the button that does it.
    at_stake = (len(meetings(arena, user_id=invitation.user_id, people=False))
                if invitation.state == "accepted" and arena.schedule_published else 0)
    if form is None:
        form = AvailabilityForm(formdata=None).setup(arena)
        form.load(invitation)
    return render_template(
        "arenas/view.html", arena=arena, invitation=invitation, token=token, form=form,
        deadline=utc_to_local(arena.rsvp_deadline_utc), meetings_at_stake=at_stake,
        can_answer=rsvp.can_answer(arena, invitation),
        over=rsvp.over_note(arena, invitation) if arena.held else "",
        withdrawn=rsvp.withdrawn_text() if invitation.withdrawn else "",
        can_set_times=availability.open_to_participant(invitation, arena)), status


def _save_times(invitation, token=None):
    """Store the posted window and cap; on a refusal, the page again with the message (422).
    At an arena that has taken place, back to the page's note that says so (flashed too, it
    read twice), whatever was posted: no values would do."""
    page = (url_for("arenas.rsvp", token=token) if token
            else url_for("arenas.view", arena_id=invitation.arena_id))
    target, over = page + "#times", page + "#answer-closed"
    if invitation.arena.held:
        return redirect(over)
    form = AvailabilityForm().setup(invitation.arena)
    try:
        if not form.validate_on_submit():
            return _page(invitation, token, form, 422)
        changed = availability.set_by_participant(invitation.user, invitation.id,
                                                  *form.values())
    except NotFound:
        abort(404)
    except availability.TimesOver:
        return redirect(over)  # it ended while the form was read
    except DomainError as error:
        form.add_error(error, invitation.arena)
        return _page(invitation, token, form, 422)
    flash(_("Your times are saved.") if changed else _("Nothing changed."),
          "success" if changed else "info")
    return redirect(target)


@bp.route("")
@login_required
def mine():
    """The invitations a person has received. Staff are never invited (an arena invites
    founders and investors): their arenas are the ones their association hosts, so they go
    to that list, where the menu's "Arenas" takes them, rather than to one always empty."""
    if current_user.is_staff:
        return redirect(url_for("arena_staff.index"))
    invitations = arena_service.my_invitations(current_user)
    upcoming, past = arena_service.upcoming_and_past(invitations)
    return render_template("arenas/mine.html", invitations=invitations, upcoming=upcoming,
                           past=past)


def _my_invitation(arena_id: int):
    """The current user's invitation to the arena; 404 for anyone not invited."""
    try:
        return arena_service.invitation_of(current_user, arena_id)
    except NotFound:
        abort(404)


@bp.route("/<int:arena_id>")
@login_required
def view(arena_id: int):
    """An arena the person is invited to, with the answer buttons."""
    return _page(_my_invitation(arena_id))


@bp.route("/<int:arena_id>/answer", methods=["POST"])
@login_required
def answer(arena_id: int):
    """Accept or decline while logged in."""
    _answer(_my_invitation(arena_id).id)
    return redirect(url_for("arenas.view", arena_id=arena_id))


@bp.route("/<int:arena_id>/times", methods=["POST"])
@login_required
def times(arena_id: int):
    """Say when one arrives and leaves, and at most how many meetings one wants."""
    return _save_times(_my_invitation(arena_id))


def _by_link(token: str, page):
    """`page(invitation)` for the invitation an e-mailed answer link names, in its owner's
    language; an invalid or expired link gets the link's own 404 page. The URL holds the
    token: every answer is kept out of caches (the global referrer policy already keeps
    the path from other sites)."""
    try:
        invitation = rsvp.invitation_for_token(token)
    except NotFound as error:
        response = make_response(
            render_template("arenas/rsvp_invalid.html", message=error.message), 404)
    else:
        speak_as_link_owner(invitation.user)
        response = make_response(page(invitation))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/rsvp/<token>/times", methods=["POST"], endpoint="rsvp_times")
def rsvp_times(token: str):
    """The same through the e-mailed answer link, without logging in."""
    return _by_link(token, lambda invitation: _save_times(invitation, token=token))


@bp.route("/rsvp/<token>", methods=["GET", "POST"], endpoint="rsvp")
def rsvp_page(token: str):
    """The e-mailed answer link: works without logging in while the token is valid."""
    def page(invitation):
        if request.method == "POST":
            _answer(invitation.id)
            return redirect(url_for("arenas.rsvp", token=token))
        return _page(invitation, token=token)

    return _by_link(token, page)
