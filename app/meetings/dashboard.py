"""The staff dashboard: the platform funnel, and arenas, associations and priorities at a
glance."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from app.form_base import KobleForm
from app.form_fields import FilterSelectField
from app.meetings.charts import bar_chart
from app.models import Association
from app.permissions import role_required
from app.services import dashboard as dashboard_service
from app.services import dashboard_funnel as funnel_service

bp = Blueprint("dashboard", __name__)

PERIOD_CHOICES = [("all", _l("All time")), ("365", _l("Last 365 days")),
                  ("90", _l("Last 90 days")), ("30", _l("Last 30 days"))]


class FunnelFilterForm(KobleForm):
    """Whose funnel (GET): staff their own association or all; admins any association."""

    class Meta:
        csrf = False

    scope = FilterSelectField(_l("Association"))
    period = FilterSelectField(_l("Period"), choices=PERIOD_CHOICES)


def _filter_form(associations: list[Association]) -> FunnelFilterForm:
    own = current_user.association
    if current_user.is_admin or own is None:
        choices = [("all", _("All associations"))] + [(a.slug, a.name) for a in associations]
        default = "all"
    else:
        choices = [(own.slug, own.name), ("all", _("All associations"))]
        default = own.slug
    form = FunnelFilterForm(request.args)
    form.scope.choices = choices
    if not request.args.get("scope"):
        form.scope.data = default
    if not request.args.get("period"):
        form.period.data = "all"
    return form


@bp.route("/dashboard")
@role_required("staff")
def index():
    """The platform funnel for the chosen association and period, then the arena numbers
    per arena, association and priority; charts and tables."""
    # Read once: the filter, the funnel's tables and the arena tables all list them.
    associations = list(db.session.scalars(select(Association).order_by(Association.id)))
    form = _filter_form(associations)
    funnel, scope_name, status = None, "", 200
    if form.validate():
        scope = next((a for a in associations if a.slug == form.scope.data), None)
        funnel = funnel_service.platform_funnel(scope, form.period.data,
                                                associations=associations)
        scope_name = scope.name if scope is not None else _("All associations")
    else:
        status = 422
    data = dashboard_service.overview(current_user, associations=associations)
    return render_template(
        "meetings/dashboard.html", bar_chart=bar_chart, data=data,
        metrics=dashboard_service.METRICS,
        labels=dashboard_service.translated(dashboard_service.LABELS), form=form,
        funnel=funnel, scope_name=scope_name,
        period_name=dict(PERIOD_CHOICES).get(form.period.data, ""),
        funnel_charts=_funnel_charts(funnel, scope_name),
        total_chart=dashboard_service.chart(_("All your arenas"), data["total"]),
        theme_charts=dashboard_service.charts(data["themes"]),
        association_charts=dashboard_service.charts(data["associations"]),
        arena_charts=dashboard_service.charts(data["arenas"])), status


def _funnel_charts(funnel, scope_name: str) -> dict:
    """Bar charts of both sides: the scope's total, then one per priority; each title names
    the side and the scope, so a screen reader hears what the numbers are of."""
    if funnel is None:
        return {}
    out = {}
    for name, side, title in (("pitches", funnel.pitches, _("Pitches")),
                              ("investors", funnel.investors, _("Investors"))):
        out[name] = dashboard_service.chart(f"{title}: {scope_name}", side.total, None,
                                            side.steps, side.labels)
        scale = max((max(r.numbers.values()) for r in side.priorities), default=1)
        out[name + "_priorities"] = [
            dashboard_service.chart(f"{title}: {scope_name}, {r.name}", r, scale, side.steps,
                                    side.labels) for r in side.priorities]
    return out
