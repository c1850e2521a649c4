"""Staff pages for arenas: list, create, edit, status, and the development outbox."""

from __future__ import annotations

from datetime import date, time, timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.arenas import managed_arena_or_404, tables_with_rows
from app.arenas.forms import ArenaForm
from app.flashes import flash_once, waiting
from app.permissions import role_required
from app.services import (
    arena_edits,
    arena_status,
    arena_values,
    attendance,
    audit,
    form_once,
    invitations,
    outbox,
)
from app.services import arenas as arena_service
from app.services import dashboard as dashboard_service
from app.services.errors import Conflict, DomainError

bp = Blueprint("arena_staff", __name__)
# the staff arena pages' Download menu (meetings/_staff_links.html) lists these only
bp.add_app_template_global(tables_with_rows, "arena_tables_with_rows")


def _add_rule_problems(form, arena=None) -> None:
    """A form the fields refused is also checked against the service's rules, on the values
    that could be read, so that staff see every problem in one round."""
    form.add_problems(arena_edits.problems(current_user, form.values(), form.hosts.data,
                                           arena, unreadable=form.refused_fields()))


def _saved_as_draft() -> str:
    return _("The arena is saved as a draft.")


def _agreed_call_offs() -> int | None:
    """How many meetings staff agreed to call off (the edit page's question), or None."""
    typed = request.form.get("call_off", "")
    return int(typed) if typed.isascii() and typed.isdigit() and len(typed) < 6 else None


def _form_page(form, arena=None, conflict=None, status=200, calls_off=0):
    return render_template("arenas/staff_form.html", form=form, arena=arena,
                           conflict=conflict, calls_off=calls_off), status


@bp.route("/arenas")
@role_required("staff")
def index():
    """The arenas of the staff member's association (every arena for admins): those to come,
    then the past ones under their own heading."""
    arenas = arena_service.staff_arenas(current_user)
    upcoming, past = arena_service.upcoming_and_past(arenas, arena=arena_service.itself)
    return render_template("arenas/staff_list.html", arenas=arenas, upcoming=upcoming,
                           past=past)


@bp.route("/arenas/new", methods=["GET", "POST"])
@role_required("staff")
def new():
    """Create an arena; it starts as a draft."""
    form = ArenaForm()
    if request.method == "GET":
        day = date.today() + timedelta(days=30)
        form.date.data, form.start_time.data, form.end_time.data = day, time(9), time(12)
        form.slot_minutes.data, form.slot_count.data, form.table_count.data = 15, 10, 10
        form.rsvp_deadline.data = arena_values.default_deadline(day)
        if current_user.association is not None:
            form.hosts.data = [current_user.association.slug]
    else:
        # Back after saving brings the filled form back; Save again must not make a twin.
        earlier = form_once.made_by(current_user, "arena", form.once.data)
        if earlier is not None:
            # Save double-clicked: the first answer's "saved" still waits for its page, which
            # the user has not seen, so this is that same save, nothing to say of it again.
            if not waiting(_saved_as_draft()):
                flash(_("This arena was saved already, so it was not saved again. Here it "
                        "is: change it with Edit."), "info")
            return redirect(url_for("arena_staff.view", arena_id=earlier.id))
    if form.validate_on_submit():
        try:
            arena = arena_edits.create_arena(current_user, form.values(), form.hosts.data,
                                               form.once.data)
        except DomainError as error:
            form.add_error(error)
        else:
            flash_once(_saved_as_draft())  # a send that lost the race to its twin says it too
            return redirect(url_for("arena_staff.view", arena_id=arena.id))
    elif form.is_submitted():
        _add_rule_problems(form)
    form.once.data = form.once.data or form_once.new_token()
    return _form_page(form, status=422 if form.errors else 200)


@bp.route("/arenas/<int:arena_id>")
@role_required("staff")
def view(arena_id: int):
    """One arena: details, status and the state of the invitations."""
    arena = managed_arena_or_404(arena_id)
    # Once it has taken place, how it went: before, only the dashboard said, unlinked.
    results = dashboard_service.arena_results(arena) if arena.held else None
    # ... and how many who accepted are not marked yet, whose meetings the numbers leave out
    marks = attendance.tally(attendance.roll(arena)) if results else None
    return render_template("arenas/staff_view.html", arena=arena,
                           counts=invitations.counts(arena), results=results, marks=marks,
                           result_labels=dashboard_service.LABELS,
                           breaks_text=arena_values.format_breaks(arena.breaks),
                           transitions=arena_status.transitions(arena))


@bp.route("/arenas/<int:arena_id>/edit", methods=["GET", "POST"])
@role_required("staff")
def edit(arena_id: int):
    """Edit an arena; an edit based on an old version is refused, keeping what was typed."""
    arena = managed_arena_or_404(arena_id)
    form = ArenaForm()
    if request.method == "GET":
        form.load(arena)
    if form.validate_on_submit():
        try:
            saved = arena_edits.update_arena(current_user, arena, form.values(),
                                             form.hosts.data, form.version.data,
                                             call_off=_agreed_call_offs())
        except arena_edits.CallsOffMeetings as error:
            # Asked on the same page, with what was typed kept: saving again calls them off.
            return _form_page(form, arena, conflict=error.message, calls_off=error.count)
        except Conflict as error:
            # Keep the typed values; saving again deliberately replaces the newer version.
            form.version.data = arena_edits.edit_version(managed_arena_or_404(arena_id))
            return _form_page(form, arena, conflict=error.message, status=409)
        except DomainError as error:
            form.add_error(error)
        else:
            freed, fitted = saved.called_off, saved.times_fitted
            if saved.changed:  # a save that changed nothing is no edit in the log
                audit.record("arena_edited", actor=current_user, target=f"arena:{arena.id}",
                             detail=f"meetings called off={freed}" if freed else None)
            flash_once(_("Your changes are saved."))  # once for a double click
            if freed:
                flash(ngettext("%(num)d meeting no longer fits the arena's plan and was "
                               "called off. Build the schedule again to fill the free slots.",
                               "%(num)d meetings no longer fit the arena's plan and were "
                               "called off. Build the schedule again to fill the free slots.",
                               freed), "warning")
            if fitted:
                flash(ngettext("%(num)d person's arrive and leave times no longer fitted "
                               "the meeting plan and were cut to it; they are told.",
                               "%(num)d people's arrive and leave times no longer fitted "
                               "the meeting plan and were cut to it; they are told.",
                               fitted), "warning")
            return redirect(url_for("arena_staff.view", arena_id=arena.id))
    elif form.is_submitted():
        _add_rule_problems(form, arena)
    return _form_page(form, arena, status=422 if form.errors else 200)


@bp.route("/arenas/<int:arena_id>/cancel")
@role_required("staff")
def cancel(arena_id: int):
    """Ask before cancelling (the form posts to `status`): it tells everyone coming or
    invited by e-mail and cannot be undone, so one stray tap beside Invitations must not do
    it."""
    arena = managed_arena_or_404(arena_id)
    try:
        outcome = arena_status.to_cancel(arena)
    except DomainError as error:
        flash(error.message, "danger")
        return redirect(url_for("arena_staff.view", arena_id=arena.id))
    return render_template("arenas/confirm_cancel.html", arena=arena, outcome=outcome)


@bp.route("/arenas/<int:arena_id>/done")
@role_required("staff")
def finish(arena_id: int):
    """Ask before marking the arena done (the form posts to `status`): it cannot be undone
    and ends editing, and at one tap it was done while most who came were not marked yet,
    so the page says how many are not."""
    arena = managed_arena_or_404(arena_id)
    try:
        marks = arena_status.to_finish(arena)
    except DomainError as error:
        flash(error.message, "danger")
        return redirect(url_for("arena_staff.view", arena_id=arena.id))
    return render_template("arenas/confirm_done.html", arena=arena, marks=marks)


@bp.route("/arenas/<int:arena_id>/status", methods=["POST"])
@role_required("staff")
def status(arena_id: int):
    """Mark the arena done once it has taken place (asked first, by `finish`), or cancel it
    (asked first, by `cancel`).
    Sending its invitations makes a draft inviting, and publishing the schedule makes it
    scheduled."""
    arena = managed_arena_or_404(arena_id)
    target = request.form.get("to", "")
    try:
        arena_status.change_status(arena, target, actor=current_user)
    except DomainError as error:
        flash(error.message, "danger")
    else:
        audit.record("arena_status", actor=current_user, target=f"arena:{arena.id}",
                     detail=target)
        flash(_("The arena is now “%(status)s”.", status=arena_status.status_label(target)),
              "success")
    return redirect(url_for("arena_staff.view", arena_id=arena.id))


@bp.route("/outbox")
@role_required("admin")
def outbox_page():
    """The e-mails written in development (file mail backend only); admins only.

    It holds every mail: other people's password-reset, e-mail-change and personal RSVP
    links, so staff of one association must not read it.
    """
    if not outbox.enabled():
        abort(404)
    return render_template("arenas/outbox.html", mails=outbox.latest())
