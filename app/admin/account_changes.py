"""The admin's changes to an account that end something: the role (and association),
deactivating and reactivating, deleting. Each that ends something asks first, and takes the
answer only while the question stands (app.services.account_questions)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.admin.blueprint import add_error, bp, user_or_404
from app.admin.forms import RoleForm
from app.admin.people import refused
from app.permissions import role_required
from app.services import account_access, account_questions, admin_users, associations, departures
from app.services.errors import DomainError


def _ask_again(person, question: account_questions.Question, sent: str, to: str):
    """Nothing is changed: the admin is sent (`to`) to the question as it stands now, told
    what changed since they opened the page they confirmed on (`sent`, its `seen`)."""
    flash(account_questions.not_changed_message(person.name, question.changed_since(sent)),
          "warning")
    return redirect(to, 303)


def _departure_asked(person, ahead, endpoint: str):
    """What the deactivate and delete pages ask (`account_questions.departure_question`):
    the arenas left to nobody, the question's `seen`, and, when a POST answers a question
    that no longer stands, the answer that sends the admin back to it (else None)."""
    left = account_access.arenas_left(person)
    question = account_questions.departure_question(person, ahead, left)
    stale = None
    if request.method == "POST" and (sent := request.form.get("seen", "")) != question.seen:
        stale = _ask_again(person, question, sent, url_for(endpoint, user_id=person.id))
    return left, question.seen, stale


@bp.route("/users/<int:user_id>/role", methods=["GET", "POST"])
@role_required("admin")
def set_role(user_id: int):
    """Change the role and (for staff and admins) the association; the person's sessions
    end when the role changes. A staff member who would stop managing arenas not yet held
    (another association, another role) is first shown them, on the GET page the POST
    redirects to: they stay with the association (account_access's docstring says why),
    and the admin confirms having read which, and which nobody else of its staff runs. So
    is a founder whose published pitches, or an investor whose profile, the change would
    withdraw from others' view and from matching (kept, shown again if the role goes back)."""
    person = user_or_404(user_id)
    if request.method == "GET":
        return _confirm_role(person)
    form = RoleForm(associations=associations.choices())
    if form.validate_on_submit():
        try:
            association = admin_users.association(form.association.data)
            question = account_questions.role_question(
                account_access.arenas_left(person, form.role.data, association),
                account_access.withdrawn_by_role(person, form.role.data, association))
            sent = form.arenas_seen.data or ""
            if question is not None and sent != question.seen:
                to = url_for("admin.set_role", user_id=person.id, role=form.role.data,
                             association=form.association.data or "")
                if not sent:  # from the person's page: the question comes first
                    return redirect(to, 303)
                return _ask_again(person, question, sent, to)
            ended = account_access.set_role(person, form.role.data, association=association,
                                            actor=current_user)
        except DomainError as error:
            add_error(form, error, "role")
        else:
            if (person.role in ("founder", "investor")
                    and form.association.data != person.association_id):
                # the service keeps a member's association; say so rather than "saved"
                flash(departures.role_changed_message(
                    _("%(name)s's role is saved. Their association is not changed: a "
                      "founder's or investor's association is not changed here.",
                      name=person.name), ended), "warning")
            else:
                flash(departures.role_changed_message(
                    _("%(name)s's role and association are saved.", name=person.name), ended),
                      "success")
            return redirect(url_for("admin.user", user_id=person.id), 303)
    return refused(person, form=form)


def _confirm_role(person):
    """The question before a change that leaves arenas behind or withdraws pitches or a
    profile (`set_role`); without one to ask (nothing left behind or withdrawn, or choices
    the form refuses) back to the person's page."""
    form = RoleForm(request.args, meta={"csrf": False}, associations=associations.choices())
    if not form.validate():
        return redirect(url_for("admin.user", user_id=person.id), 303)
    try:
        association = admin_users.association(form.association.data)
    except DomainError:
        return redirect(url_for("admin.user", user_id=person.id), 303)
    left = account_access.arenas_left(person, form.role.data, association)
    withdrawn = account_access.withdrawn_by_role(person, form.role.data, association)
    question = account_questions.role_question(left, withdrawn)
    if question is None:
        return redirect(url_for("admin.user", user_id=person.id), 303)
    # the question's own form carries a CSRF token (`form`, read from the address, has none)
    shown = RoleForm(formdata=None, associations=associations.choices(),
                     data={"role": form.role.data, "association": form.association.data,
                           "arenas_seen": question.seen})
    return render_template("admin/role_confirm.html", person=person, form=shown, left=left,
                           withdrawn=withdrawn, role=form.role.data, association=association)


def _set_active(user_id: int, active: bool):
    person = user_or_404(user_id)
    try:
        ended = account_access.set_active(person, active, actor=current_user)
    except DomainError as error:
        return refused(person, error=error.message)
    if active:
        flash(_("%(name)s can log in again.", name=person.name), "success")
    else:
        # the admin learns what deactivating ended at the arenas, not only the log-out
        flash(departures.deactivated_message(person.name, ended), "success")
    return redirect(url_for("admin.user", user_id=person.id), 303)


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@role_required("admin")
def deactivate(user_id: int):
    """GET asks, saying what deactivating would end that reactivating does not bring back
    (arena invitations, meetings, meeting requests, API tokens); POST deactivates: every
    session ends and logging in is refused. Only as the page asked it
    (`account_questions.departure_question`): a confirmation from a page that no longer says
    what would happen changes nothing."""
    person = user_or_404(user_id)
    if not person.active:
        if request.method == "POST":
            flash(_("%(name)s is already deactivated: nothing was changed.",
                    name=person.name), "info")
        return redirect(url_for("admin.user", user_id=person.id), 303)
    try:
        ahead = account_access.deactivation_ahead(person, actor=current_user)
    except DomainError as error:
        return refused(person, error=error.message)
    left, seen, stale = _departure_asked(person, ahead, "admin.deactivate")
    if stale is not None:
        return stale
    if request.method == "POST":
        return _set_active(user_id, False)
    return render_template("admin/deactivate.html", person=person, ahead=ahead, left=left,
                           seen=seen)


@bp.route("/users/<int:user_id>/delete", methods=["GET", "POST"])
@role_required("admin")
def delete_user(user_id: int):
    """GET asks, saying what deleting removes and ends (arena invitations, meetings, meeting
    requests, API tokens, and for staff the arenas of their association they stop
    managing); POST deletes the account for good, as the person's own deletion does (the
    right to erasure: someone who asks by mail, a staff member who leaves), only as the page
    asked it (as `deactivate`). The rules (not oneself, not the last active admin) are
    account_access's."""
    person = user_or_404(user_id)
    try:
        ahead = account_access.deletion_ahead(person, actor=current_user)
    except DomainError as error:
        return refused(person, error=error.message)
    left, seen, stale = _departure_asked(person, ahead, "admin.delete_user")
    if stale is not None:
        return stale
    if request.method == "POST":
        name = person.name
        try:
            ended = account_access.delete_user(person, actor=current_user)
        except DomainError as error:
            return refused(person, error=error.message)
        flash(departures.deleted_message(name, ended), "success")
        return redirect(url_for("admin.users"), 303)
    return render_template("admin/delete.html", person=person, ahead=ahead, left=left,
                           seen=seen)


@bp.route("/users/<int:user_id>/reactivate", methods=["POST"])
@role_required("admin")
def reactivate(user_id: int):
    """Let a deactivated account log in again."""
    return _set_active(user_id, True)
