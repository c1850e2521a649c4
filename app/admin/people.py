"""The admin's people: the list of accounts, one person's page (and what was just refused
there), a link to choose a new password, and inviting a staff member. Changing the role,
deactivating and deleting are in account_changes."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.admin.blueprint import add_error, bp, user_or_404
from app.admin.forms import InviteStaffForm, PeopleFilterForm, RoleForm
from app.pager import to_last_page
from app.permissions import role_required
from app.services import admin_users, associations
from app.services.errors import DomainError


@bp.route("/users")
@role_required("admin")
def users():
    """Every account, searchable by name or e-mail, filtered by role, association and
    whether it is active."""
    form = PeopleFilterForm(request.args, associations=associations.choices())
    if not form.validate():
        return render_template("admin/users.html", form=form, pagination=None,
                               filters={}), 422
    page = max(request.args.get("page", 1, type=int), 1)
    active = {"yes": True, "no": False}.get(form.active.data or "")
    pagination = admin_users.search(form.q.data or "", form.role.data or None,
                                    form.association.data, page, active=active)
    if (last := to_last_page(pagination)) is not None:
        return last
    filters = form.query_args()
    return render_template("admin/users.html", form=form, pagination=pagination,
                           filters=filters)


# A refusal on the person's page is answered by a redirect back to it (POST, redirect,
# GET): the refusal rendered at the POST-only /role or /deactivate address answered 405 when
# reloaded. What was refused, and why, waits in the session for that one page view.
_REFUSAL = "admin_person_refusal"


def refused(person, *, error: str | None = None, form=None):
    """Back to the person's page, which shows the refusal (and the choices sent) once."""
    refusal: dict = {"user_id": person.id, "error": error}
    if form is not None:
        refusal["data"] = {"role": form.role.data, "association": form.association.raw_data
                           and form.association.raw_data[0]}
        refusal["errors"] = {name: [str(m) for m in form[name].errors]
                             for name in ("role", "association") if form[name].errors}
        refusal["form_errors"] = [str(m) for m in form.form_errors]
    session[_REFUSAL] = refusal
    return redirect(url_for("admin.user", user_id=person.id), 303)


def _person_page(user):
    refusal = session.pop(_REFUSAL, None)
    if refusal and refusal.get("user_id") != user.id:
        refusal = None
    form = RoleForm(formdata=None, associations=associations.choices(),
                    data={"role": user.role, "association": user.association_id})
    if refusal and "data" in refusal:
        form.role.process_data(refusal["data"]["role"])
        form.association.raw_data = [refusal["data"]["association"] or ""]
        try:
            form.association.process_formdata(form.association.raw_data)
        except ValueError:  # "abc" was refused; the list shows no choice
            form.association.data = None
        for name, messages in refusal["errors"].items():
            form[name].errors = messages
        form.form_errors.extend(refusal["form_errors"])
    return render_template("admin/user.html", person=user, form=form,
                           error=refusal and refusal.get("error"),
                           history=admin_users.history(user))


@bp.route("/users/<int:user_id>")
@role_required("admin")
def user(user_id: int):
    """One account: role and association, active or not, and what admins changed (and
    what was just refused)."""
    return _person_page(user_or_404(user_id))


@bp.route("/users/<int:user_id>/password-link", methods=["POST"])
@role_required("admin")
def password_link(user_id: int):
    """Mail the person a link to choose a new password (as "Forgot your password?" does)."""
    person = user_or_404(user_id)
    try:
        mailed = admin_users.send_password_link(person, actor=current_user)
    except DomainError as error:
        return refused(person, error=error.message)
    if mailed:
        flash(_("A link to choose a new password is on its way to %(email)s. It works for an "
                "hour; their password stays as it is until they use it.", email=person.email),
              "success")
    else:
        flash(_("The e-mail could not be sent. %(name)s can use “%(forgot)s” on the login "
                "page.", name=person.name, forgot=_("Forgot your password?")), "warning")
    return redirect(url_for("admin.user", user_id=person.id), 303)


@bp.route("/users/invite", methods=["GET", "POST"])
@role_required("admin")
def invite():
    """Create a staff account and mail it a link to choose a password."""
    form = InviteStaffForm(associations=associations.choices())
    if form.validate_on_submit():
        try:
            person, mailed = admin_users.invite_staff(
                email=form.email.data, name=form.name.data,
                association_id=form.association.data, locale=form.locale.data,
                actor=current_user)
        except DomainError as error:
            add_error(form, error, "email")
        else:
            if mailed:
                flash(_("%(name)s is invited. The e-mail has a link to choose a password.",
                        name=person.name), "success")
            else:
                flash(_("The account is created, but the e-mail could not be sent. "
                        "%(name)s can use “%(forgot)s” on the login page.",
                        name=person.name, forgot=_("Forgot your password?")), "warning")
            return redirect(url_for("admin.user", user_id=person.id), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/invite.html", form=form), status
