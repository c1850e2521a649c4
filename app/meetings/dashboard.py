"""The staff dashboard: arenas, associations and priorities at a glance."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _
from flask_login import current_user

from app.permissions import role_required
from app.services import dashboard as dashboard_service

bp = Blueprint("dashboard", __name__)


@bp.route("/dashboard")
@role_required("staff")
def index():
    """Funnel numbers per arena, association and priority, as charts and tables."""
    data = dashboard_service.overview(current_user)
    return render_template(
        "meetings/dashboard.html", data=data, metrics=dashboard_service.METRICS,
        labels=dashboard_service.LABELS,
        total_chart=dashboard_service.chart(_("All your arenas"), data["total"]),
        theme_charts=dashboard_service.charts(data["themes"]),
        association_charts=dashboard_service.charts(data["associations"]),
        arena_charts=dashboard_service.charts(data["arenas"]))
