"""Staff pages for an arena's invitations: proposal, add, remove, reorder, send, remind, and
each person's times (arrive, leave, meeting cap)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from markupsafe import Markup

from app.arenas import managed_arena_or_404
from app.arenas.forms import AvailabilityForm, PersonSearchForm
from app.database import id_from_form
from app.permissions import role_required
from app.services import availability, invitation_edits, invitation_sending, invitations, reference
from app.services.contacts import contacts_visible_to
from app.services.deleted_accounts import shown
from app.services.errors import DomainError, NotFound
from app.services.participants import organisations
from app.services.rsvp import SEATED
from app.services.schedule import meetings as schedule_meetings

bp = Blueprint("arena_invitations", __name__)


def _back(arena_id: int, anchor: str | None = None):
    return redirect(url_for("arena_invitations.index", arena_id=arena_id, _anchor=anchor))


def _row(invitation) -> str:
    """The id of a person's row on the list: after a change the page comes back to it (as a
    match card's answer does to #r-N), so keyboard and screen reader stay where they were."""
    return f"inv-{invitation.id}"


def _run(action, arena_id: int, success=None, anchor=None):
    """Call a service; flash its DomainError, or the success message (a text, or a function
    of the service's result giving a text or a (text, category) pair). `anchor`, a function
    of the result, names the row to come back to."""
    try:
        result = action()
    except NotFound:
        abort(404)
    except invitations.ArenaHeld:
        pass  # the page says why in place of the buttons; flashed too, it read twice
    except DomainError as error:
        flash(error.message, "danger")
    else:
        message = success(result) if callable(success) else success
        if message:
            # A message may come with its own category: (text, "warning").
            text, category = message if isinstance(message, tuple) else (message, "success")
            flash(text, category)
        if anchor is not None:
            return _back(arena_id, anchor(result))
    return _back(arena_id)


@bp.route("/<int:arena_id>/invitations")
@role_required("staff")
def index(arena_id: int):
    """The proposal and the invitations with the reasons, and a person search."""
    arena = managed_arena_or_404(arena_id)
    form = PersonSearchForm(request.args)
    # A query the field refuses is answered by its message, not searched: a NUL in it made
    # PostgreSQL refuse the comparison (a 500 there; SQLite found nobody).
    query = form.q.data if form.q.data and form.validate() else ""
    found = invitation_edits.search_people(arena, query) if query else []
    listed = invitation_edits.listed_people(arena, query) if query else []
    sides = invitations.invitations_by_side(arena)
    investors = [i.user_id for i in sides["investor"]] + [
        p.id for p in found if p.role == "investor"]
    # Per side and state, read once: the free seats, the k and what "Send" would invite are
    # each made of them (each read them again, four times a page).
    counted = invitations.counts(arena)
    # e-mails only of those whose contacts the staff member may see (one query for all)
    return render_template("arenas/staff_invitations.html", arena=arena, form=form,
                           found=found, found_contacts=contacts_visible_to(current_user, found),
                           listed=listed, sides=sides, organisations=organisations(investors),
                           counts=counted,
                           no_reminders=invitation_sending.reminder_refusal(arena),
                           send_refusal=_send_refusal(arena, counted),
                           held=invitations.held_because(arena),
                           free_seats=invitations.free_seats(arena, counted),
                           good_k=invitations.good_investors_k(arena, counted),
                           association_names=reference.association_names())


def _send_refusal(arena, counted: invitations.Counts) -> str | None:
    """Why "Send" would be refused now (nobody proposed, the deadline passed), or None: a
    refused send is no main action to offer, the page leads with a proposal instead."""
    try:
        invitation_sending.to_send(arena, counted)
    except DomainError as error:
        return error.message
    return None


@bp.route("/<int:arena_id>/invitations/propose", methods=["POST"])
@role_required("staff")
def propose(arena_id: int):
    """Ask the engine for a proposal (replaces unsent proposals)."""
    arena = managed_arena_or_404(arena_id)
    return _run(lambda: invitations.propose(current_user, arena), arena_id, _proposed)


def _proposed(result: dict):
    """What the proposal holds: an empty one is no proposal 'ready to send', and it left the
    unsent list as it was."""
    if result["founders"] or result["investors"]:
        text = _("The engine proposes %(founders)s and %(investors)s. Check the list, then "
                 "send.",
                 founders=ngettext("%(num)d founder", "%(num)d founders", result["founders"]),
                 investors=ngettext("%(num)d investor", "%(num)d investors",
                                    result["investors"]))
        if result.get("by_hand"):
            text += " " + ngettext(
                "%(num)d person you added by hand stays at the top of those not yet invited.",
                "%(num)d people you added by hand stay at the top of those not yet invited.",
                result["by_hand"])
        return text
    if not (result["free_founders"] or result["free_investors"]):
        text = _("Every seat is taken by someone invited or accepted, so there is nobody to "
                 "propose. Add seats in the arena's settings to invite more.")
    else:
        text = _("The engine found nobody to propose for the free seats: no more founders or "
                 "investors fit this arena. Add people by hand below.")
    if result.get("unsent_kept"):
        unchanged = _("The list of people not yet invited is as it was.")
        text = f"{text} {unchanged}"
    return text, "warning"


@bp.route("/<int:arena_id>/invitations/add", methods=["POST"])
@role_required("staff")
def add(arena_id: int):
    """Add a person found by the search."""
    arena = managed_arena_or_404(arena_id)
    user_id = id_from_form(request.form.get("user_id"))
    if user_id is None:
        abort(400)
    return _run(lambda: invitation_edits.add_person(current_user, arena, user_id), arena_id,
                lambda invitation: _added(arena, invitation))


def _added(arena, invitation):
    """Say where the person went: a full list puts them first on the waiting list. The seats
    stay a hard limit (the room has as many); moving them up gives them the last seat."""
    if invitation.state != "waiting_list":
        return _("Added to the list.")
    return (_("%(name)s was put on the waiting list: the list is full (%(n)d of %(n)d). "
              "Move them up to give them a seat.", name=invitation.user.name,
              n=arena.capacity(invitation.side)), "warning")


@bp.route("/<int:arena_id>/invitations/<int:invitation_id>/remove", methods=["GET", "POST"])
@role_required("staff")
def remove(arena_id: int, invitation_id: int):
    """Take a person off the list (cancels a sent invitation; the waiting list fills it).
    An unsent one goes at once, with Undo in the message. A sent one (invited or accepted,
    or on the waiting list after a yes) has no Undo, its person is told, and once the
    schedule is published its meetings are called off and their partners e-mailed: the list
    links to a page that asks first (GET), as cancelling a meeting does; a GET for anyone
    else goes back to their row."""
    arena = managed_arena_or_404(arena_id)
    if request.method == "GET":
        try:
            invitation = availability.invitation_in(arena, invitation_id)
        except NotFound:
            abort(404)
        if ((invitation.state not in SEATED and not invitation.waiting_after_yes)
                or invitations.held_because(arena) is not None):
            return _back(arena_id, _row(invitation))
        called_off = (len(schedule_meetings(arena, user_id=invitation.user_id))
                      if invitation.state == "accepted" and arena.schedule_published else 0)
        # Added again only while the lists can change: not once the schedule is published.
        return render_template("arenas/confirm_remove.html", arena=arena,
                               invitation=invitation, called_off=called_off,
                               add_again=arena.status in ("draft", "inviting"))
    sides = invitations.invitations_by_side(arena)
    rows = sides["founder"] + sides["investor"]
    # Back to the row now in its place (the next one), or the side's heading if none.
    at = next((i for i, row in enumerate(rows) if row.id == invitation_id), None)
    side = rows[at].side if at is not None else "founder"
    after = [row for row in rows[at + 1:] if row.side == side] if at is not None else []
    anchor = _row(after[0]) if after else f"side-{side}"
    return _run(lambda: invitation_edits.remove(current_user, arena, invitation_id), arena_id,
                lambda removed: _removed(arena, removed), lambda _removed: anchor)


def _removed(arena, removed: invitation_edits.Removed):
    """Say who went, who got their seat, and, for an unsent invitation, offer to take it
    back ("Undo" in the message): a stray click on Remove lost the person's place."""
    name = shown(removed.user.name)
    text = _("%(name)s was removed from the list.", name=name)
    for other in removed.got_seat:
        if removed.undo is None:
            text += " " + _("%(name)s moved up from the waiting list and was invited.",
                            name=shown(other.user.name))
        else:
            text += " " + _("%(name)s moved up from the waiting list and has a seat.",
                            name=shown(other.user.name))
    if removed.undo is None:
        return text
    # The template autoescapes the names; the message keeps its form through the session.
    html = render_template("arenas/_undo_remove.html", arena=arena, text=text, name=name,
                           undo=removed.undo)
    return Markup(html)  # noqa: S704 - rendered by an autoescaping .html template


@bp.route("/<int:arena_id>/invitations/restore", methods=["POST"])
@role_required("staff")
def restore(arena_id: int):
    """Undo a removal: put the person back at their place and in their state."""
    arena = managed_arena_or_404(arena_id)
    return _run(lambda: invitation_edits.restore(current_user, arena, request.form.get("undo", "")),
                arena_id,
                lambda invitation: _("%(name)s is back on the list at place %(place)d.",
                                     name=shown(invitation.user.name), place=invitation.rank),
                _row)


@bp.route("/<int:arena_id>/invitations/<int:invitation_id>/times", methods=["GET", "POST"])
@role_required("staff")
def times(arena_id: int, invitation_id: int):
    """Set or override when a person arrives and leaves and their meeting cap."""
    arena = managed_arena_or_404(arena_id)
    try:
        invitation = availability.invitation_in(arena, invitation_id)
    except NotFound:
        abort(404)
    form = AvailabilityForm().setup(arena)
    if request.method == "GET":
        form.load(invitation)
    elif form.validate_on_submit():
        try:
            _inv, freed = availability.set_by_staff(current_user, arena, invitation_id,
                                                    *form.values())
        except NotFound:
            abort(404)
        except DomainError as error:
            form.add_error(error, arena)
        else:
            flash(_("The times of %(name)s are saved.", name=shown(invitation.user.name)),
                  "success")
            if freed:
                flash(ngettext("%(num)d meeting no longer fits and was called off. Re-run the "
                               "schedule to fill the slot.",
                               "%(num)d meetings no longer fit and were called off. Re-run the "
                               "schedule to fill the slots.", freed), "warning")
            return _back(arena_id, _row(invitation))  # at the person's row, not the top
    return render_template("arenas/staff_times.html", arena=arena, invitation=invitation,
                           form=form, closed=availability.staff_refusal(arena, invitation)
                           ), 422 if request.method == "POST" else 200


@bp.route("/<int:arena_id>/invitations/<int:invitation_id>/move", methods=["POST"])
@role_required("staff")
def move(arena_id: int, invitation_id: int):
    """Move an unsent invitation one place up or down."""
    arena = managed_arena_or_404(arena_id)
    direction = request.form.get("direction", "")
    return _run(lambda: invitation_edits.move(current_user, arena, invitation_id, direction),
                arena_id, lambda moved: _moved(moved, direction),
                lambda moved: _row(moved.invitation))


def _moved(moved: invitation_edits.Moved, direction: str) -> str | tuple[str, str]:
    """What the move did, said (the ↑/↓ buttons gave a screen reader nothing to hear), and
    whom it took a seat from or gave one to: a person added by hand losing their seat is a
    warning, not a side effect."""
    invitation = moved.invitation
    name, place = shown(invitation.user.name), invitation.rank
    if not moved.moved:
        return (_("%(name)s is first on the list already.", name=name) if direction == "up"
                else _("%(name)s is last on the list already.", name=name)), "info"
    if direction == "up":
        text = _("%(name)s moved up to place %(place)d.", name=name, place=place)
    else:
        text = _("%(name)s moved down to place %(place)d.", name=name, place=place)
    if invitation.state == "waiting_list" and moved.got_seat:
        text += " " + _("%(name)s is now on the waiting list.", name=name)
    elif invitation.state == "proposed" and moved.lost_seat:
        text += " " + _("%(name)s now has a seat.", name=name)
    category = "success"
    for other in moved.lost_seat:
        if (other.reasons or {}).get("added_by_staff"):
            category = "warning"
            text += " " + _("%(name)s, added by hand, moved to the waiting list; move them "
                            "up again to give back the seat.", name=shown(other.user.name))
        else:
            text += " " + _("%(name)s moved to the waiting list.",
                            name=shown(other.user.name))
    for other in moved.got_seat:
        text += " " + _("%(name)s moved up from the waiting list and has a seat.",
                        name=shown(other.user.name))
    return text, category


@bp.route("/<int:arena_id>/invitations/send", methods=["GET", "POST"])
@role_required("staff")
def send(arena_id: int):
    """Ask first (GET: how many get an e-mail, and that a draft starts inviting), then
    invite everyone proposed and e-mail them their answer link (POST). The e-mails cannot be
    taken back, so a stray click on the list must not send them."""
    arena = managed_arena_or_404(arena_id)
    if request.method == "GET":
        try:
            counts = invitation_sending.to_send(arena)
        except invitations.ArenaHeld:
            return _back(arena_id)  # the list says why; no asking page for a held arena
        except DomainError as error:
            flash(error.message, "danger")
            return _back(arena_id)
        return render_template("arenas/confirm_send.html", arena=arena, counts=counts)
    return _run(lambda: invitation_sending.send(current_user, arena), arena_id,
                lambda sent: _mailed(_("Invitations sent: %(n)d.", n=sent.count), sent))


@bp.route("/<int:arena_id>/invitations/remind", methods=["GET", "POST"])
@role_required("staff")
def remind(arena_id: int):
    """Ask first (GET: how many get a reminder), then remind those who have not answered,
    each at most once a day (POST). As with sending, the e-mails cannot be taken back, so
    a stray click on the list must not send them."""
    arena = managed_arena_or_404(arena_id)
    if request.method == "GET":
        refusal = invitation_sending.reminder_refusal(arena)
        if refusal and arena.held:
            return _back(arena_id)  # the list says why; no asking page for a held arena
        if refusal:
            flash(refusal, "danger")
            return _back(arena_id)
        return render_template("arenas/confirm_remind.html", arena=arena,
                               reminders=invitation_sending.reminders(arena))
    return _run(lambda: invitation_sending.remind_arena(current_user, arena), arena_id,
                lambda sent: _mailed(_("Reminders sent: %(n)d.", n=sent.count), sent))


def _mailed(done: str, sent: invitation_sending.Mailed) -> str | tuple[str, str]:
    """The success message, with a warning when the mail server refused some e-mails."""
    if not sent.failed:
        return done
    return (done + " " + ngettext(
        "%(num)d e-mail could not be sent; try “Remind those who have not answered” later.",
        "%(num)d e-mails could not be sent; try “Remind those who have not answered” later.",
        sent.failed), "warning")
