"""The admin's audit trail: who did what to what, and when."""

from __future__ import annotations

from flask import render_template, request

from app.admin.blueprint import add_error, bp
from app.admin.forms import AuditFilterForm
from app.pager import to_last_page
from app.permissions import role_required
from app.services import audit_log
from app.services.errors import DomainError


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
            add_error(form, error, "actor")
    if pagination is None:
        return render_template("admin/audit.html", form=form, pagination=None, rows=[],
                               filters={}), 422
    if (last := to_last_page(pagination)) is not None:
        return last
    filters = form.query_args()
    return render_template("admin/audit.html", form=form, pagination=pagination,
                           rows=audit_log.rows(pagination.items), filters=filters)
