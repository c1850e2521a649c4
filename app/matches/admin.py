"""Admin: the engine's weights, the saved index and rebuilds."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.matches.forms import WeightsForm
from app.permissions import role_required
from app.services import engine_index, engine_settings, loaded_engine, rebuild_jobs
from app.services.errors import DomainError

bp = Blueprint("engine_admin", __name__)


def _page(form, status: int = 200):
    row = engine_settings.settings()
    index = engine_index.latest_index()
    return render_template(
        "admin/engine.html", form=form, names=engine_settings.weight_names(), settings=row,
        index=index, stale=engine_index.is_stale(), loaded=loaded_engine.loaded_version(),
        other_engine=engine_index.built_by_other_engine(index),
        last_rebuild=rebuild_jobs.describe(row, index.version if index else None),
        seconds_format=rebuild_jobs.SECONDS_FORMAT,
    ), status


@bp.route("/admin/engine", methods=["GET", "POST"])
@role_required("admin")
def engine():
    """Edit the weights (validated, audited) and see the index."""
    names = engine_settings.weight_names()
    form_class = WeightsForm.for_components(names)
    weights = engine_settings.current_weights().as_dict()
    form = form_class(data=weights)
    if form.validate_on_submit():
        try:
            changed = engine_settings.save_weights(form.weight_values(names),
                                                   actor=current_user)
        except DomainError as error:
            target = getattr(form, error.field, None) if error.field else None
            if target is not None:
                target.errors = [*target.errors, error.message]
            else:
                form.form_errors.append(error.message)
            return _page(form, 422)
        if changed:
            flash(_("Weights saved. Rebuild the index to apply them to every match."),
                  "success")
        else:
            flash(_("Nothing changed: these are the weights already in use."), "info")
        return redirect(url_for("engine_admin.engine"), 303)
    if form.is_submitted():
        return _page(form, 422)
    return _page(form)


@bp.route("/admin/engine/rebuild", methods=["POST"])
@role_required("admin")
def rebuild():
    """Start a rebuild in the background; the page shows its status."""
    if rebuild_jobs.start_background_rebuild(actor=current_user):
        flash(_("Rebuild started. The site keeps serving the current index meanwhile."), "info")
    else:
        flash(_("A rebuild is already running."), "warning")
    return redirect(url_for("engine_admin.engine"), 303)


@bp.route("/admin/engine/defaults", methods=["GET", "POST"])
@role_required("admin")
def restore_defaults():
    """Say in words what restoring the default weights changes; POST restores them."""
    if request.method == "POST":
        if engine_settings.restore_defaults(actor=current_user):
            flash(_("The default weights are restored. Rebuild the index to apply them to "
                    "every match."), "success")
        else:
            flash(_("Nothing changed: the default weights were already in use."), "info")
        return redirect(url_for("engine_admin.engine"), 303)
    form = WeightsForm.for_components(engine_settings.weight_names())(formdata=None)
    current = engine_settings.current_weights().as_dict()
    defaults = engine_settings.default_weights()
    rows = [(form[name].label.text, current[name], defaults[name])
            for name in engine_settings.weight_names()]
    return render_template("admin/engine_defaults.html", rows=rows,
                           changed=[row for row in rows if row[1] != row[2]])
