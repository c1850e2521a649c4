"""An investor keeps one profile; founders and staff browse the public part, which the
investor can preview."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.safe_next import safe_next
from app.flashes import flash_once
from app.investors.forms import InvestorBrowseForm, ProfileForm
from app.pager import to_last_page
from app.permissions import role_required
from app.services import incoming_interest, investors
from app.services.contacts import can_see_contacts
from app.services.errors import Conflict, DomainError, NotFound

bp = Blueprint("investors", __name__)


@bp.route("/profile", methods=["GET", "POST"])
@role_required("investor")
def profile():
    """Write or edit the investor's one profile."""
    existing = investors.profile_of(current_user)
    form = ProfileForm(obj=existing)
    if form.validate_on_submit():
        try:
            investors.save_profile(current_user, form.values(), form.version.data)
        except Conflict as error:
            # Keep the typed values; saving again deliberately replaces the newer version.
            current = investors.profile_of(current_user)
            form.version.data = current.version if current else None
            return render_template("investors/profile_form.html", form=form,
                                   conflict=error.message, profile=current), 409
        except DomainError as error:
            getattr(form, error.field or "organisation").errors.append(error.message)
        else:
            # The first profile's form carries no version; sent twice (Save double-clicked),
            # the second finds the profile the first saved, holding what it sent (anything
            # else is refused above), and is answered as the first was: one message, one page.
            if existing is None or form.version.data is None:
                # A first profile is written to get recommendations: show them, rather than
                # the form again with no word of where they are.
                flash_once(_("Your profile is saved. Here are the pitches that fit it best; "
                             "change it any time under “My profile”."))
                return redirect(url_for("matches.recommended"))
            flash_once(_("Your profile is saved."))  # once for a double click
            return redirect(url_for("investors.profile"))
    status = 422 if form.errors else 200
    return render_template("investors/profile_form.html", form=form, conflict=None,
                           profile=existing), status


@bp.route("/investors")
@role_required("founder", "staff")
def browse():
    """Investor profiles with filters and text search."""
    form = InvestorBrowseForm(request.args)
    if not form.validate():
        return render_template("investors/list.html", form=form, pagination=None,
                               filters={}), 422
    page = max(request.args.get("page", 1, type=int), 1)
    pagination = investors.search(page=page, **form.filters())
    if (last := to_last_page(pagination)) is not None:
        return last
    return render_template("investors/list.html", form=form, pagination=pagination,
                           filters=form.query_args())


@bp.route("/investors/<int:profile_id>")
@role_required("founder", "staff", "investor")
def view(profile_id: int):
    """The public part of a profile; contacts only for those allowed to see them; a founder
    can answer it for each published pitch. An investor opens only their own, to see it as
    founders do (with their own contact line, marked as shown after mutual interest)."""
    if current_user.role == "investor":
        profile = investors.profile_of(current_user)
        if profile is None or profile.id != profile_id:
            abort(403)  # another investor's profile: investors do not browse each other
        return render_template("investors/view.html", profile=profile, show_contacts=True,
                               answers=None, back=None, preview=True)
    try:
        profile = investors.public_profile(profile_id, current_user)
    except NotFound:
        abort(404)
    show_contacts = can_see_contacts(current_user, profile.user)
    # a founder answers here for each published pitch (the match cards' endpoints)
    answers = (incoming_interest.founder_answers(current_user, profile)
               if current_user.role == "founder" else None)
    return render_template("investors/view.html", profile=profile, show_contacts=show_contacts,
                           answers=answers, back=_back_to_list())


def _back_to_list() -> dict | None:
    """The list the profile was opened from (next=, a pitch's matching investors), as a link
    back to it: {"href", "matching"}. Only a local path is taken (safe_next), and the link is
    a plain link: nothing redirects to it."""
    back = safe_next(request.args.get("next"), "")
    if not back:
        return None
    return {"href": back,
            "matching": re.fullmatch(r"/pitches/\d+/matches", urlsplit(back).path) is not None}
