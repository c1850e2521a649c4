"""The admin's associations: the list with their members, staff and arenas; adding one and
editing its display name and contact details."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.admin.blueprint import add_error, bp
from app.admin.forms import AssociationForm
from app.permissions import role_required
from app.services import associations
from app.services.errors import DomainError, NotFound


@bp.route("/associations")
@role_required("admin")
def association_list():
    """The associations with their members, staff and arenas."""
    return render_template("admin/associations.html", rows=associations.overview())


@bp.route("/associations/new", methods=["GET", "POST"])
@role_required("admin")
def new_association():
    """Add an association: its display name and contact details."""
    form = AssociationForm()
    if form.validate_on_submit():
        try:
            added = associations.create(name=form.name.data,
                                        contact_email=form.contact_email.data,
                                        website=form.website.data, actor=current_user)
        except DomainError as error:
            add_error(form, error, "name")
        else:
            flash(_("%(name)s is added. Its staff are invited from People, with “%(invite)s”.",
                    name=added.name, invite=_("Invite a staff member")), "success")
            return redirect(url_for("admin.association_list"), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/association.html", form=form, association=None), status


@bp.route("/associations/<int:association_id>", methods=["GET", "POST"])
@role_required("admin")
def association(association_id: int):
    """Edit an association's display name and contact details."""
    try:
        found = associations.get(association_id)
    except NotFound:
        abort(404)
    form = AssociationForm(obj=found)
    if form.validate_on_submit():
        try:
            associations.update(found, name=form.name.data, contact_email=form.contact_email.data,
                                website=form.website.data, actor=current_user)
        except DomainError as error:
            add_error(form, error, "name")
        else:
            flash(_("The association is saved."), "success")
            return redirect(url_for("admin.association_list"), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/association.html", form=form, association=found), status

