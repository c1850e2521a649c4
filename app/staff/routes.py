"""Staff see every pitch and hide those that break the rules, their association's members
and one member's page."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.safe_next import safe_next
from app.pager import to_last_page
from app.permissions import role_required
from app.services import associations, member_list, member_overview, moderation
from app.services.errors import DomainError, NotFound
from app.staff.forms import HideForm, MemberFilterForm, ModerationFilterForm

bp = Blueprint("staff", __name__)


@bp.app_template_global()
def member_href(person) -> str | None:
    """The address of `person`'s member page when the current staff member may open it
    (member_overview.page_open_to), else None: the staff pages naming a person link it."""
    if not member_overview.page_open_to(current_user, person):
        return None
    return url_for("staff.member", user_id=person.id)


def _pitch_or_404(pitch_id: int):
    try:
        return moderation.get_pitch(pitch_id)
    except NotFound:
        abort(404)


def _back_to_list() -> str:
    """The list page the action came from, with its filters and page (a local `next`)."""
    return safe_next(request.args.get("next") or request.form.get("next"),
                     url_for("staff.pitches"))


@bp.route("/pitches")
@role_required("staff")
def pitches():
    """Every published pitch, with a title or founder search and shown and hidden filters."""
    form = ModerationFilterForm(request.args)
    if not form.validate():
        return render_template("staff/pitches.html", form=form, pagination=None,
                               filters={}), 422
    page = max(request.args.get("page", 1, type=int), 1)
    pagination = moderation.all_pitches(page, **form.filters())
    if (last := to_last_page(pagination)) is not None:
        return last
    # a published pitch its founder's account no longer shows says so, not just "Published"
    not_shown = {pitch.id: why for pitch in pagination.items
                 if (why := moderation.not_shown_because(pitch)) is not None}
    # a deleted account's pitch: nobody sees it, hidden or not, so no Hide or Unhide
    owner_deleted = {pitch.id for pitch in pagination.items if moderation.owner_deleted(pitch)}
    return render_template("staff/pitches.html", form=form, pagination=pagination,
                           filters=form.query_args(), not_shown=not_shown,
                           owner_deleted=owner_deleted)


@bp.route("/pitches/<int:pitch_id>/hide", methods=["GET", "POST"])
@role_required("staff")
def hide(pitch_id: int):
    """Ask for the reason (GET), then hide the pitch (POST). A pitch already hidden (the
    page reached again by its address or the back button, or hidden by someone else in the
    meantime) shows its reason, to change or to unhide."""
    pitch = _pitch_or_404(pitch_id)
    if moderation.owner_deleted(pitch):  # reached by its address: nothing to do here
        flash(_("Nothing to hide or unhide: the founder's account is deleted."), "warning")
        return redirect(_back_to_list())
    was_hidden, old_reason = pitch.hidden, pitch.hidden_reason
    form = HideForm(data={"reason": old_reason} if was_hidden else None)
    if form.validate_on_submit():
        try:
            moderation.hide(pitch, form.reason.data, current_user)
        except DomainError as error:
            form.reason.errors.append(error.message)
        else:
            if not was_hidden:
                flash(_("The pitch is hidden. The founder sees your reason."), "success")
            elif pitch.hidden_reason == old_reason:
                flash(_("The pitch was already hidden, with this reason."), "info")
            else:
                flash(_("The pitch was already hidden; its reason is now yours. The founder "
                        "sees the new one."), "success")
            return redirect(_back_to_list())
    status = 422 if form.errors else 200
    return render_template("staff/hide.html", form=form, pitch=pitch,
                           back=_back_to_list()), status


@bp.route("/pitches/<int:pitch_id>/unhide", methods=["POST"])
@role_required("staff")
def unhide(pitch_id: int):
    """Show a hidden pitch again."""
    pitch = _pitch_or_404(pitch_id)
    try:
        moderation.unhide(pitch, current_user)
    except DomainError as error:  # the founder's account is deleted
        flash(error.message, "warning")
    else:
        flash(_("The pitch is no longer hidden."), "success")
    return redirect(_back_to_list())


@bp.route("/members")
@role_required("staff")
def members():
    """The founders and investors of the staff member's association (an admin's: every
    association's, or the one chosen), searched and filtered, each linked to their page."""
    admin = current_user.is_admin
    form = MemberFilterForm(request.args, admin=admin,
                            associations=associations.choices() if admin else ())
    if not form.validate():
        return render_template("staff/members.html", form=form, listing=None,
                               filters={}), 422
    listing = member_list.members(current_user, **form.filters(),
                                  page=request.args.get("page", 1, type=int))
    if (last := to_last_page(listing.pagination)) is not None:
        return last
    return render_template("staff/members.html", form=form, listing=listing,
                           filters=form.query_args())


@bp.route("/members/<int:user_id>")
@role_required("staff")
def member(user_id: int):
    """One member of the staff member's association (anyone's for admins): who they are,
    their pitches or investor profile, and the association's arenas with them. Read only:
    the actions are the linked pages' own."""
    try:
        page = member_overview.overview(current_user, user_id)
    except NotFound:
        abort(404)  # another association's member is not told apart from nobody
    return render_template("staff/member.html", page=page, person=page.person)
