"""The notifications page and marking them read."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.auth.safe_next import safe_next
from app.pager import to_last_page
from app.services import notifications
from app.services.errors import NotFound

bp = Blueprint("notifications", __name__)


@bp.route("/notifications")
@login_required
def index():
    """The user's notifications, newest first (viewing does not mark them read)."""
    page = request.args.get("page", 1, type=int) or 1
    pagination = notifications.page_for(current_user, page)
    if (last := to_last_page(pagination)) is not None:
        return last
    return render_template("matches/notifications.html", pagination=pagination,
                           notices=notifications.as_read_by(current_user, pagination.items),
                           text=notifications.text)


@bp.route("/notifications/read", methods=["POST"])
@login_required
def read_all():
    """Mark every notification read."""
    notifications.mark_all_read(current_user)
    return redirect(url_for("notifications.index"), 303)


@bp.route("/notifications/<int:note_id>/open", methods=["POST"])
@login_required
def open_one(note_id: int):
    """Mark one notification read and follow its link; one about a pitch withdrawn since
    leads back to the list, where it says so (the list offers it no Open, but a page drawn
    before the withdrawal did)."""
    try:
        notice = notifications.open_note(current_user, note_id)
    except NotFound:
        abort(404)
    return redirect(safe_next(notice.link, url_for("notifications.index")), 303)
