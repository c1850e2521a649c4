"""Admin: people (roles, associations, deactivation, deletion, inviting staff), associations,
and the audit log.

Routes only read the form and call the services; the rules (staff need an association, no
admin removes their own rights, the last active admin stays) live in
app.services.account_access.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.admin.forms import (
    AssociationForm,
    AuditFilterForm,
    InviteStaffForm,
    PeopleFilterForm,
    RoleForm,
)
from app.pager import to_last_page
from app.permissions import role_required
from app.services import account_access, admin_users, associations, audit_log, departures
from app.services.errors import DomainError, NotFound

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _user_or_404(user_id: int):
    try:
        return admin_users.get_user(user_id)
    except NotFound:
        abort(404)


def _add_error(form, error: DomainError, default: str) -> None:
    field = getattr(form, error.field or default, None) or getattr(form, default)
    field.errors = [*field.errors, error.message]


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


def _refused(person, *, error: str | None = None, form=None):
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
    return _person_page(_user_or_404(user_id))


def _seen(left, withdrawn=None) -> str:
    """What the role question named (`arenas_seen`): the arenas left behind, then the
    pitches and profile the change withdraws from view, by id, then (when there are any)
    the arenas it takes the person out of and what that ends there (invitations, meetings
    called off, requests withdrawn)."""
    seen = ",".join(str(item.arena.id) for item in left)
    if withdrawn:
        seen += "|pitches:" + ",".join(str(p.id) for p in withdrawn.pitches)
        seen += "|profiles:" + ",".join(str(p.id) for p in withdrawn.profiles)
        ends = withdrawn.ends
        if withdrawn.arenas or ends.requests:
            seen += ("|taking-part:" + ",".join(str(a.id) for a in withdrawn.arenas)
                     + f"/{ends.invitations}/{ends.meetings}/{ends.requests}")
    return seen


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
    person = _user_or_404(user_id)
    if request.method == "GET":
        return _confirm_role(person)
    form = RoleForm(associations=associations.choices())
    if form.validate_on_submit():
        try:
            association = admin_users.association(form.association.data)
            left = account_access.arenas_left(person, form.role.data, association)
            withdrawn = account_access.withdrawn_by_role(person, form.role.data, association)
            if (left or withdrawn) and form.arenas_seen.data != _seen(left, withdrawn):
                if form.arenas_seen.data:  # sent from a question that no longer stands
                    _flash_changed(person, _what_changed(form.arenas_seen.data, left,
                                                         withdrawn))
                return redirect(url_for("admin.set_role", user_id=person.id,
                                        role=form.role.data,
                                        association=form.association.data or ""), 303)
            ended = account_access.set_role(person, form.role.data, association=association,
                                            actor=current_user)
        except DomainError as error:
            _add_error(form, error, "role")
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
    return _refused(person, form=form)


def _what_changed(sent: str, left, withdrawn) -> list[str]:
    """The parts of the role question that differ from the one the admin confirmed."""
    def parts(seen: str) -> dict[str, str]:
        first, *rest = seen.split("|")
        named = dict(part.partition(":")[::2] for part in rest)
        return {"managed": first,
                "shown": f"{named.get('pitches', '')}|{named.get('profiles', '')}",
                "taking-part": named.get("taking-part", "")}

    old, new = parts(sent), parts(_seen(left, withdrawn))
    labels = {"managed": _("the arenas they would no longer manage"),
              "shown": _("the pitches or profile the change would withdraw"),
              "taking-part": _("their part in arenas the change would end")}
    return [label for key, label in labels.items() if old[key] != new[key]]


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
    if not (left or withdrawn):
        return redirect(url_for("admin.user", user_id=person.id), 303)
    # the question's own form carries a CSRF token (`form`, read from the address, has none)
    shown = RoleForm(formdata=None, associations=associations.choices(),
                     data={"role": form.role.data, "association": form.association.data,
                           "arenas_seen": _seen(left, withdrawn)})
    return render_template("admin/role_confirm.html", person=person, form=shown, left=left,
                           withdrawn=withdrawn, role=form.role.data, association=association)


def _set_active(user_id: int, active: bool):
    person = _user_or_404(user_id)
    try:
        ended = account_access.set_active(person, active, actor=current_user)
    except DomainError as error:
        return _refused(person, error=error.message)
    if active:
        flash(_("%(name)s can log in again.", name=person.name), "success")
    else:
        # the admin learns what deactivating ended at the arenas, not only the log-out
        flash(departures.deactivated_message(person.name, ended), "success")
    return redirect(url_for("admin.user", user_id=person.id), 303)


def _question(person, ahead, left) -> dict[str, str]:
    """What the deactivate or delete page asks about `person`, part by part: their role and
    association, whether the account is active, what it would end (`ahead`) and the arenas
    they would stop managing (`left`, with how many others run each). The page sends it back
    (`seen`), as the role change sends the arenas it named (`arenas_seen`)."""
    return {"role": f"{person.role}/{person.association_id or ''}",
            "active": "yes" if person.active else "no",
            "ends": f"{ahead.invitations}/{ahead.meetings}/{ahead.requests}/{ahead.tokens}",
            "arenas": ",".join(f"{item.arena.id}:{item.others}" for item in left)}


def _seen_value(question: dict[str, str]) -> str:
    return ";".join(f"{key}={value}" for key, value in question.items())


def _changed_since_seen(person, question: dict[str, str], endpoint: str):
    """None when the page confirmed (its `seen`) asked the question as it stands; otherwise
    nothing is changed and the admin is sent back to the question as it stands now (the GET
    of `endpoint`), told what changed since they opened it: someone else changed the role,
    deactivated the account, or new arena invitations or meetings came in meanwhile."""
    sent = request.form.get("seen", "")
    if sent == _seen_value(question):
        return None
    try:
        seen = dict(part.split("=", 1) for part in sent.split(";"))
    except ValueError:
        seen = {}
    parts = {"role": _("their role or association"),
             "active": _("whether the account is active"),
             "ends": _("what it would end (arena invitations, meetings, meeting requests, API "
                       "tokens)"),
             "arenas": _("the arenas they would no longer manage")}
    _flash_changed(person, [label for key, label in parts.items()
                            if key in seen and seen[key] != question[key]])
    return redirect(url_for(endpoint, user_id=person.id), 303)


def _flash_changed(person, what: list[str]) -> None:
    """Tell the admin that nothing was changed because the question they confirmed no
    longer stands, and (`what`) which of its parts changed since they opened it."""
    if what:
        flash(_("Nothing was changed: since you opened the page, this changed for %(name)s: "
                "%(what)s. Read the question as it stands now, and confirm again if you still "
                "want to.", name=person.name, what="; ".join(what)), "warning")
    else:
        flash(_("Nothing was changed: the page you confirmed on is not the question as it "
                "stands now for %(name)s. Read it again, and confirm if you still want to.",
                name=person.name), "warning")


@bp.route("/users/<int:user_id>/deactivate", methods=["GET", "POST"])
@role_required("admin")
def deactivate(user_id: int):
    """GET asks, saying what deactivating would end that reactivating does not bring back
    (arena invitations, meetings, meeting requests, API tokens); POST deactivates: every
    session ends and logging in is refused. Only as the page asked it (`_question`): a
    confirmation from a page that no longer says what would happen changes nothing."""
    person = _user_or_404(user_id)
    if not person.active:
        if request.method == "POST":
            flash(_("%(name)s is already deactivated: nothing was changed.",
                    name=person.name), "info")
        return redirect(url_for("admin.user", user_id=person.id), 303)
    try:
        ahead = account_access.deactivation_ahead(person, actor=current_user)
    except DomainError as error:
        return _refused(person, error=error.message)
    left = account_access.arenas_left(person)
    question = _question(person, ahead, left)
    if request.method == "POST":
        return (_changed_since_seen(person, question, "admin.deactivate")
                or _set_active(user_id, False))
    return render_template("admin/deactivate.html", person=person, ahead=ahead, left=left,
                           seen=_seen_value(question))


@bp.route("/users/<int:user_id>/delete", methods=["GET", "POST"])
@role_required("admin")
def delete_user(user_id: int):
    """GET asks, saying what deleting removes and ends (arena invitations, meetings, meeting
    requests, API tokens, and for staff the arenas of their association they stop
    managing); POST deletes the account for good, as the person's own deletion does (the
    right to erasure: someone who asks by mail, a staff member who leaves), only as the page
    asked it (`_question`, as `deactivate`). The rules (not oneself, not the last active
    admin) are account_access's."""
    person = _user_or_404(user_id)
    try:
        ahead = account_access.deletion_ahead(person, actor=current_user)
    except DomainError as error:
        return _refused(person, error=error.message)
    left = account_access.arenas_left(person)
    question = _question(person, ahead, left)
    if request.method == "POST":
        if (stale := _changed_since_seen(person, question, "admin.delete_user")) is not None:
            return stale
        name = person.name
        try:
            ended = account_access.delete_user(person, actor=current_user)
        except DomainError as error:
            return _refused(person, error=error.message)
        flash(departures.deleted_message(name, ended), "success")
        return redirect(url_for("admin.users"), 303)
    return render_template("admin/delete.html", person=person, ahead=ahead, left=left,
                           seen=_seen_value(question))


@bp.route("/users/<int:user_id>/reactivate", methods=["POST"])
@role_required("admin")
def reactivate(user_id: int):
    """Let a deactivated account log in again."""
    return _set_active(user_id, True)


@bp.route("/users/<int:user_id>/password-link", methods=["POST"])
@role_required("admin")
def password_link(user_id: int):
    """Mail the person a link to choose a new password (as "Forgot your password?" does)."""
    person = _user_or_404(user_id)
    try:
        mailed = admin_users.send_password_link(person, actor=current_user)
    except DomainError as error:
        return _refused(person, error=error.message)
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
            _add_error(form, error, "email")
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
            _add_error(form, error, "name")
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
            _add_error(form, error, "name")
        else:
            flash(_("The association is saved."), "success")
            return redirect(url_for("admin.association_list"), 303)
    status = 422 if form.is_submitted() else 200
    return render_template("admin/association.html", form=form, association=found), status


@bp.route("/audit")
@role_required("admin")
def audit():
    """The audit trail, newest first: who did what to what, and when; filtered by who, the
    action, a date range and the subject."""
    form = AuditFilterForm(request.args)
    pagination = None
    if form.validate():
        try:
            pagination = audit_log.search(
                form.actor.data or "", form.action.data or None, form.since.data,
                form.until.data, form.subject_kind.data or None, form.subject_key.data or None,
                request.args.get("page", 1, type=int))
        except DomainError as error:
            _add_error(form, error, "actor")
    if pagination is None:
        return render_template("admin/audit.html", form=form, pagination=None, rows=[],
                               filters={}), 422
    if (last := to_last_page(pagination)) is not None:
        return last
    filters = form.query_args()
    return render_template("admin/audit.html", form=form, pagination=pagination,
                           rows=audit_log.rows(pagination.items), filters=filters)
