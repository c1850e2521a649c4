"""Founders write and publish pitches; investors and staff browse them."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.auth.safe_next import safe_next
from app.flashes import flash_once, waiting
from app.pager import to_last_page
from app.permissions import role_required
from app.pitches.forms import BrowseForm, PitchForm
from app.pitches.withdrawn import withdrawn_or_404
from app.services import (
    form_once,
    incoming_interest,
    moderation,
    pitch_search,
    pitches,
    recommendations,
)
from app.services.errors import Conflict, DomainError, NotFound
from app.services.saved import scores_of

bp = Blueprint("pitches", __name__)


def _own_or_404(pitch_id: int):
    try:
        return pitches.own_pitch(current_user, pitch_id)
    except NotFound:
        abort(404)


def _saved_as_draft() -> str:
    return _("Your pitch is saved as a draft. Publish it when you are ready.")


def _form_page(form, pitch=None, conflict=None, status=200):
    return render_template("pitches/form.html", form=form, pitch=pitch, conflict=conflict), status


@bp.route("/mine")
@role_required("founder")
def mine():
    """The founder's own pitches, drafts included."""
    return render_template("pitches/mine.html", pitches=pitches.my_pitches(current_user))


@bp.route("/new", methods=["GET", "POST"])
@role_required("founder")
def new():
    """Write a new pitch; it starts as a draft. The municipality starts as the founder's own
    (most pitch where they live; the engine scores place)."""
    form = PitchForm(municipality=current_user.municipality)
    if request.method == "POST":
        # Back after saving brings the filled form back; Save again must not make a twin.
        earlier = form_once.made_by(current_user, "pitch", form.once.data)
        if earlier is not None:
            # Save double-clicked: the first answer's "saved" still waits for its page, which
            # the user has not seen, so this is that same save, nothing to say of it again.
            if not waiting(_saved_as_draft()):
                flash(_("This pitch was saved already, so it was not saved again. Here it "
                        "is: change it with Edit."), "info")
            return redirect(url_for("pitches.view", pitch_id=earlier.id))
    if form.validate_on_submit():
        try:
            pitch = pitches.create_pitch(current_user, form.values(), form.once.data)
        except DomainError as error:
            getattr(form, error.field or "title").errors.append(error.message)
        else:
            flash_once(_saved_as_draft())  # a send that lost the race to its twin says it too
            return redirect(url_for("pitches.view", pitch_id=pitch.id))
    form.once.data = form.once.data or form_once.new_token()
    return _form_page(form, status=422 if form.errors else 200)


@bp.route("/<int:pitch_id>")
@login_required
def view(pitch_id: int):
    """A pitch: the owner sees drafts (as a preview), others only visible ones, staff the
    published ones, hidden too (a draft is its founder's alone); an investor can answer it."""
    try:
        pitch = pitches.pitch_for_viewer(current_user, pitch_id)
    except NotFound:
        return withdrawn_or_404(pitch_id)
    is_owner = pitch.owner_id == current_user.id
    top = recommendations.recommended_investors(pitch, 3) if is_owner and pitch.is_visible else []
    # an investor answers here too (the buttons post to the match cards' endpoints)
    answer = (incoming_interest.investor_answer(current_user, pitch)
              if current_user.role == "investor" else None)
    to_publish = (pitches.publish_needs_text(pitch)
                  if is_owner and not pitch.is_published else None)
    # why the pitch fits the investor, as on its recommendation card (the stored score)
    fit = (scores_of(answer.profile.id, [pitch.id]).get(pitch.id)
           if answer is not None and answer.standing is not None else None)
    # staff get no Hide or Unhide for a deleted account's pitch: nobody sees it either way
    owner_deleted = current_user.is_staff and moderation.owner_deleted(pitch)
    return render_template("pitches/view.html", pitch=pitch, is_owner=is_owner, top_matches=top,
                           answer=answer, to_publish=to_publish, fit=fit, back=_back_to_list(),
                           owner_deleted=owner_deleted)


def _back_to_list() -> dict | None:
    """The list an investor opened the pitch from (next=, set by the recommendation and saved
    cards), as a link back to it with its filters and page: {"href", "recommended"}. Only a
    local path is taken (safe_next), and the link is a plain link: nothing redirects to it."""
    back = safe_next(request.args.get("next"), "")
    if not back:
        return None
    return {"href": back,
            "recommended": urlsplit(back).path == url_for("matches.recommended")}


@bp.route("/<int:pitch_id>/edit", methods=["GET", "POST"])
@role_required("founder")
def edit(pitch_id: int):
    """Edit a pitch; an edit based on an old version is refused, keeping what was typed."""
    pitch = _own_or_404(pitch_id)
    form = PitchForm(obj=pitch)
    if form.validate_on_submit():
        try:
            pitches.update_pitch(pitch, form.values(), form.version.data)
        except Conflict as error:
            # Keep the typed text; the next save is a deliberate overwrite of the newer version.
            form.version.data = pitches.own_pitch(current_user, pitch_id).version
            return _form_page(form, pitch, conflict=error.message, status=409)
        except DomainError as error:
            getattr(form, error.field or "title").errors.append(error.message)
        else:
            flash_once(_("Your changes are saved."))  # once for a double click
            return redirect(url_for("pitches.view", pitch_id=pitch.id))
    return _form_page(form, pitch, status=422 if form.errors else 200)


@bp.route("/<int:pitch_id>/publish", methods=["POST"])
@role_required("founder")
def publish(pitch_id: int):
    """Publish a draft."""
    pitch = _own_or_404(pitch_id)
    try:
        pitches.publish(pitch)
    except DomainError as error:  # a conflict, or what the pitch lacks to be published
        flash(error.message, "warning")
    else:
        if pitch.hidden:  # staff hid it before it was a draft again: it stays so
            flash(_("Your pitch is published, but it stays hidden from investors until the "
                    "organisers show it again."), "warning")
        else:
            flash(_("Your pitch is published."), "success")
    return redirect(url_for("pitches.view", pitch_id=pitch_id))


@bp.route("/<int:pitch_id>/unpublish", methods=["GET", "POST"])
@role_required("founder")
def unpublish(pitch_id: int):
    """Ask first (GET), saying what unpublishing does to answers, matches and arenas; then
    take the pitch back to draft (POST with `confirm_unpublish`). A POST without it (a page
    drawn before the question was asked) asks, changing nothing."""
    pitch = _own_or_404(pitch_id)
    if request.method == "GET" or request.form.get("confirm_unpublish") != "y":
        if not pitch.is_published:  # a draft already (another tab): nothing to ask
            return redirect(url_for("pitches.view", pitch_id=pitch_id))
        return render_template("pitches/confirm_unpublish.html", pitch=pitch)
    try:
        pitches.unpublish(pitch)
    except Conflict as error:
        flash(error.message, "warning")
    else:
        flash(_("Your pitch is a draft again; only you can see it."), "info")
    return redirect(url_for("pitches.view", pitch_id=pitch_id))


@bp.route("/<int:pitch_id>/delete", methods=["GET", "POST"])
@role_required("founder")
def delete(pitch_id: int):
    """Ask for confirmation (GET), then delete (POST)."""
    pitch = _own_or_404(pitch_id)
    if request.method == "GET":
        return render_template("pitches/confirm_delete.html", pitch=pitch)
    try:
        pitches.delete(pitch)
    except Conflict as error:
        flash(error.message, "warning")
        return redirect(url_for("pitches.view", pitch_id=pitch_id))
    flash(_("The pitch is deleted."), "info")
    return redirect(url_for("pitches.mine"))


@bp.route("")
@role_required("investor", "staff")
def browse():
    """Search and filter the published pitches; bad filter values get a message, not a 500."""
    form = BrowseForm(request.args)
    page = request.args.get("page", 1, type=int)
    if not form.validate():
        return render_template("pitches/browse.html", form=form, pagination=None,
                               filters={}), 422
    filters = form.filters()
    pagination = pitch_search.search(page=max(page, 1), **filters)
    if (last := to_last_page(pagination)) is not None:
        return last
    return render_template("pitches/browse.html", form=form, pagination=pagination,
                           filters=form.query_args())
