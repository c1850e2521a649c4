"""Staff pages for an arena's meetings: the schedule (build a draft, lock, move, cancel,
publish, print), attendance and the CSV exports."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from app.arenas import arena_download, managed_arena_or_404
from app.meetings import call_or_abort, number_from_form, yes_no
from app.permissions import role_required
from app.services import (
    attendance,
    meeting_changes,
    no_meetings,
    schedule_publish,
    schedule_view,
)
from app.services import schedule as schedule_service
from app.services.deleted_accounts import shown
from app.services.errors import DomainError
from app.services.participants import organisations

bp = Blueprint("meetings_staff", __name__)


def _layout(arena) -> dict:
    """The schedule per table and per person, for the page: the part of it the view shows
    (schedule_view), and, from the whole, who has no meeting and who was marked absent."""
    invitations, every, meetings, cancelled = schedule_view.staff_schedule(arena)
    present = {i.user_id for i in invitations}
    asked, wrong = schedule_view.chosen(arena, request.args, present)
    now = datetime.now(UTC)
    default = schedule_view.default(arena, len(meetings), now)
    view = asked or default
    shown = [m for m in meetings if view.holds(m)]
    orgs = organisations({m.investor_user_id for m in shown + cancelled})
    titles = schedule_service.pitch_titles(shown)
    # "begun": no Cancel on the row (meeting_changes.cancellable refuses it; attendance says
    # who did not come), and no longer counted among an absent person's meetings to cancel.
    rows = [{"m": m, "time": arena.slot_start(m.slot), "org": orgs.get(m.investor_user_id, ""),
             "pitch": titles.get(m.pitch_id, ""), "begun": meeting_changes.began(arena, m, now)}
            for m in shown]
    table_numbers = ([view.value] if view.kind == "table" else range(arena.table_count)
                     if view.kind == "all" else [])
    tables = {t: [r for r in rows if r["m"].table == t] for t in table_numbers}
    gaps = schedule_service.no_meeting_reasons(arena, invitations, every) if meetings else {}
    by_person: dict[int, list] = {}  # in the meetings' order, as each person's list reads
    for m in meetings:
        by_person.setdefault(m.founder_user_id, []).append(m)
        by_person.setdefault(m.investor_user_id, []).append(m)
    row_of = {r["m"].id: r for r in rows}
    people = {}
    for invitation in invitations:
        mine = by_person.get(invitation.user_id, [])
        people[invitation.user_id] = {
            "invitation": invitation, "count": len(mine),
            # the rows of the per-person list: only the whole schedule and the person's
            # view show them, and only those views draw the rows
            "rows": [row_of[m.id] for m in mine if m.id in row_of],
            "to_come": [m for m in mine if not meeting_changes.began(arena, m, now)],
            "why": no_meetings.staff_text(gaps.get(invitation.user_id))}
    people = sorted(people.values(), key=lambda p: (p["invitation"].side,
                                                    p["invitation"].user.name.lower()))
    return {"rows": rows, "tables": tables, "view": view, "wrong_view": wrong,
            # the forms' addresses keep the view, so a change comes back to it
            "view_args": {} if view == default else view.args(),
            "meeting_count": len(meetings),
            "cancelled": [{"m": m, "time": arena.slot_start(m.slot),
                           "org": orgs.get(m.investor_user_id, "")} for m in cancelled],
            "people": people,
            # named at the top: at the foot of a long page, nobody found them before publishing
            "without": [p for p in people if not p["count"]] if meetings else [],
            "slots": [(s, arena.slot_start(s)) for s in arena.meeting_slots]}


def _page(arena, error=None, typed=None):
    closed = schedule_service.closed_because(arena)
    return render_template("meetings/staff_schedule.html", arena=arena, error=error,
                           typed=typed or {}, closed=closed, changeable=closed is None,
                           **_layout(arena))


def _refused(error: DomainError) -> None:
    """Flash why a change was refused, unless it is why the schedule is closed: the page
    says that in place of the buttons, and flashed too it would stand there twice."""
    if not isinstance(error, schedule_service.ScheduleClosed):
        flash(error.message, "danger")


def _back(arena, anchor: str | None = None, meeting_id: int | None = None, code: int = 302):
    """Back to the schedule; at the row a change was about (`anchor`: #meeting-12, or
    #cancelled-12 in the list of cancelled meetings), where the button was, rather than at
    the top of a long page, where a keyboard or screen-reader user had to find it again.
    The part of the schedule shown is the one the form came from (its address keeps it), or
    the slot the meeting `meeting_id` is in now, when that part no longer holds it."""
    args = schedule_view.back_to(arena, request.args, meeting_id, datetime.now(UTC))
    return redirect(url_for("meetings_staff.schedule", arena_id=arena.id, _anchor=anchor,
                            **args), code=code)


# A refused move, kept for the page the browser is sent to: what was typed and why not.
MOVE_REFUSED = "move_refused"
TYPED_KEPT = 20  # characters of each field: a number has at most 6 digits


@bp.route("/<int:arena_id>/schedule")
@role_required("staff")
def schedule(arena_id: int):
    """The schedule per table and per person; printable. After a refused move, the row
    keeps what was typed and says why, once."""
    arena = managed_arena_or_404(arena_id)
    refused = session.pop(MOVE_REFUSED, None)
    if not refused or refused.get("arena_id") != arena.id:
        return _page(arena)
    return _page(arena, refused["error"], refused)


@bp.route("/<int:arena_id>/schedule/build", methods=["GET", "POST"])
@role_required("staff")
def build(arena_id: int):
    """Build the draft schedule, or re-run it around the locked meetings. A draft tells
    nobody; a re-run of a published schedule tells those whose meetings changed, by e-mails
    that cannot be taken back, so it asks first (GET), as publishing and cancelling do.
    A GET with nothing to ask (a draft, or a schedule closed for changes) goes back to the
    schedule page, which says why where there is a reason."""
    arena = managed_arena_or_404(arena_id)
    if request.method == "GET":
        if not arena.schedule_published or schedule_service.closed_because(arena):
            return _back(arena)
        return render_template("meetings/confirm_rerun.html", arena=arena)
    try:
        counts = schedule_service.build(current_user, arena)
    except DomainError as error:
        _refused(error)
    else:
        made = ngettext("%(num)d meeting (mutual: %(mutual)d, one-sided: %(one)d, "
                        "suggested: %(suggested)d).",
                        "%(num)d meetings (mutual: %(mutual)d, one-sided: %(one)d, "
                        "suggested: %(suggested)d).", counts["total"],
                        mutual=counts["mutual"], one=counts["one_sided"],
                        suggested=counts["suggestion"])
        if arena.schedule_published:
            if counts["told"]:
                flash(ngettext("The schedule is run again: %(made)s %(num)d person whose "
                               "meetings changed is told.",
                               "The schedule is run again: %(made)s %(num)d people whose "
                               "meetings changed are told.", counts["told"], made=made),
                      "success")
            else:
                flash(_("The schedule is run again: %(made)s Nobody's meetings changed, so "
                        "nobody is told.", made=made), "success")
        else:
            flash(_("The draft schedule is ready: %(made)s Nobody is told until you publish "
                    "it.", made=made), "success")
    return _back(arena)


@bp.route("/<int:arena_id>/schedule/publish", methods=["GET", "POST"])
@role_required("staff")
def publish(arena_id: int):
    """Ask first (GET: how many get which e-mail), then publish the draft (POST): the
    participants see their agendas and each gets one e-mail, which cannot be taken back."""
    arena = managed_arena_or_404(arena_id)
    if request.method == "GET":
        try:
            outcome = schedule_publish.to_publish(arena)
        except DomainError as error:
            _refused(error)
            return _back(arena)
        return render_template("meetings/confirm_publish.html", arena=arena, outcome=outcome)
    try:
        outcome = schedule_publish.publish(current_user, arena)
    except DomainError as error:
        _refused(error)
    else:
        flash(ngettext("The schedule is published. %(num)d person is told.",
                       "The schedule is published. %(num)d people are told.",
                       outcome.people), "success")
    return _back(arena)


@bp.route("/<int:arena_id>/meetings/<int:meeting_id>/lock", methods=["POST"])
@role_required("staff")
def lock(arena_id: int, meeting_id: int):
    """Lock a meeting where it is (a re-run keeps it), or unlock it."""
    arena = managed_arena_or_404(arena_id)
    locked = request.form.get("locked") == "1"
    try:
        call_or_abort(lambda: meeting_changes.set_locked(current_user, arena, meeting_id,
                                                          locked))
    except DomainError as error:
        _refused(error)
        return _back(arena)  # at the top, where the refusal's message stands
    flash(_("The meeting is locked.") if locked else _("The meeting is unlocked."), "success")
    return _back(arena, f"meeting-{meeting_id}", meeting_id)


@bp.route("/<int:arena_id>/meetings/<int:meeting_id>/move", methods=["POST"])
@role_required("staff")
def move(arena_id: int, meeting_id: int):
    """Move a meeting to another slot and table (as people count, from 1)."""
    arena = managed_arena_or_404(arena_id)
    typed = {"meeting_id": meeting_id, "slot": request.form.get("slot", ""),
             "table": request.form.get("table", "")}
    slot, table = number_from_form(typed["slot"]), number_from_form(typed["table"])
    if slot is None or table is None:
        return _move_refused(arena, typed, meeting_changes.place_range(arena))
    try:
        call_or_abort(lambda: meeting_changes.move(current_user, arena, meeting_id, slot - 1,
                                                    table - 1))
    except DomainError as error:
        if isinstance(error, schedule_service.ScheduleClosed):
            # The page says why and offers no Move: no row to keep the typed values at.
            return _back(arena, code=303)
        return _move_refused(arena, typed, error.message)
    flash(_("The meeting is moved and locked there, and both people are told.")
          if arena.schedule_published else
          _("The meeting is moved and locked there. Nobody is told: the schedule is a draft."),
          "success")
    return _back(arena, f"meeting-{meeting_id}", meeting_id)


def _move_refused(arena, typed: dict, message: str):
    """Back to the schedule at the meeting's row (redirect after POST: a reload does not
    post the move again), where the fields keep what was typed and the message says why."""
    kept = {key: typed[key][:TYPED_KEPT] for key in ("slot", "table")}  # a cookie holds it
    session[MOVE_REFUSED] = {**typed, **kept, "arena_id": arena.id, "error": message}
    return _back(arena, f"meeting-{typed['meeting_id']}", typed["meeting_id"], code=303)


@bp.route("/<int:arena_id>/meetings/<int:meeting_id>/cancel", methods=["GET", "POST"])
@role_required("staff")
def cancel(arena_id: int, meeting_id: int):
    """Ask first (GET), then cancel one meeting (POST; someone fell ill): both people are
    told, so a stray click on the schedule page must not do it."""
    arena = managed_arena_or_404(arena_id)
    if request.method == "GET":
        try:
            meeting = call_or_abort(lambda: meeting_changes.cancellable(arena, meeting_id))
        except DomainError as error:
            _refused(error)
            return _back(arena)
        org = organisations({meeting.investor_user_id}).get(meeting.investor_user_id, "")
        # the part of the schedule the staff member came from, to go back to either way
        view_args = schedule_view.back_to(arena, request.args, meeting.id, datetime.now(UTC))
        return render_template("meetings/confirm_cancel.html", arena=arena, meeting=meeting,
                               time=arena.slot_start(meeting.slot), org=org,
                               view_args=view_args)
    try:
        call_or_abort(lambda: meeting_changes.cancel(current_user, arena, meeting_id))
    except DomainError as error:
        _refused(error)
    else:
        flash(_("The meeting is cancelled and both people are told. A re-run leaves the pair "
                "out until you restore it.") if arena.schedule_published else
              _("The meeting is cancelled. Nobody is told: the schedule is a draft. A re-run "
                "leaves the pair out until you restore it."), "success")
        return _back(arena, f"cancelled-{meeting_id}")
    return _back(arena)


@bp.route("/<int:arena_id>/meetings/<int:meeting_id>/restore", methods=["POST"])
@role_required("staff")
def restore(arena_id: int, meeting_id: int):
    """Undo a cancellation: back in its slot when it still fits, else in the next re-run."""
    arena = managed_arena_or_404(arena_id)
    try:
        back = call_or_abort(lambda: meeting_changes.restore(current_user, arena, meeting_id))
    except DomainError as error:
        _refused(error)
        return _back(arena)
    else:
        if back and arena.schedule_published:
            flash(_("The meeting is back in its slot and both people are told."), "success")
        elif back:
            flash(_("The meeting is back in its slot."), "success")
        else:
            late = meeting_changes.restore_too_late(
                arena, meeting_changes.meeting_of(arena, meeting_id))
            flash(late or _("The meeting no longer fits its old slot and table. Re-run the "
                            "schedule to give the pair a new one."), "warning")
    return (_back(arena, f"meeting-{meeting_id}", meeting_id) if back
            else _back(arena, f"cancelled-{meeting_id}"))


@bp.route("/<int:arena_id>/attendance")
@role_required("staff")
def attendance_page(arena_id: int):
    """Who accepted, by name, with buttons to mark them present or absent."""
    arena = managed_arena_or_404(arena_id)
    roll = attendance.roll(arena)
    return render_template("meetings/attendance.html", arena=arena, invitations=roll,
                           tally=attendance.tally(roll),
                           closed=attendance.closed_because(arena))


@bp.route("/<int:arena_id>/attendance/<int:invitation_id>", methods=["POST"])
@role_required("staff")
def mark_attendance(arena_id: int, invitation_id: int):
    """Mark one participant present ("yes"), absent ("no") or unknown."""
    arena = managed_arena_or_404(arena_id)
    value = yes_no(request.form.get("attended"))
    try:
        marked = call_or_abort(lambda: attendance.mark(current_user, arena, invitation_id,
                                                       value))
    except attendance.AttendanceClosed:
        # The page states why marking is closed where the buttons would be; flashed too,
        # the refusal showed twice.
        return redirect(url_for("meetings_staff.attendance_page", arena_id=arena_id))
    except DomainError as error:
        flash(error.message, "danger")
        return redirect(url_for("meetings_staff.attendance_page", arena_id=arena_id))
    # what was recorded, by name, as other staff actions say (the buttons look alike)
    name = shown(marked.user.name)
    flash(_("%(name)s is marked present.", name=name) if value else
          _("%(name)s is marked absent.", name=name) if value is False else
          _("%(name)s is no longer marked.", name=name), "success")
    # back at the person's row, the next one to mark below it, not at the top of the list
    return redirect(url_for("meetings_staff.attendance_page", arena_id=arena_id,
                            _anchor=f"attendance-{invitation_id}"))


@bp.route("/<int:arena_id>/export/<kind>.csv")
@role_required("staff")
def export(arena_id: int, kind: str):
    """CSV of the invitations, the answers or the meetings, safe for spreadsheets: the data
    page's file (members.export_arena), at the staff pages' address."""
    return arena_download(arena_id, kind, "csv")
