"""Staff import members from CSV or .xlsx (preview, then confirm), and everyone exports
what their pages show as CSV or .xlsx."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import tempfile
import time

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import pgettext
from flask_login import current_user

from app import vocabulary
from app.arenas import arena_download
from app.members.forms import ConfirmForm, ImportForm
from app.permissions import role_required
from app.services import arenas as arena_service
from app.services import (
    associations,
    data_exports,
    member_export,
    member_files,
    member_import_apply,
    member_import_plan,
)
from app.services.exports import download
from app.services.investors import MAX_PAST_INVESTMENTS

bp = Blueprint("members", __name__)

PENDING_TTL = 3600  # seconds a previewed upload is kept
_ID = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
SESSION_KEY = "member_import"


# --- the previewed upload, kept on the server -----------------------------------------------
def _pending_dir() -> str:
    path = current_app.config.get("IMPORT_DIR") or os.path.join(tempfile.gettempdir(),
                                                                "koble-imports")
    os.makedirs(path, mode=0o700, exist_ok=True)
    return path


def _pending_path(import_id: str) -> str:
    if not _ID.match(import_id or ""):
        abort(404)
    return os.path.join(_pending_dir(), f"{import_id}.json")


def _save_pending(table: member_files.Table, filename: str) -> str:
    _sweep()
    import_id = secrets.token_urlsafe(24)
    path = _pending_path(import_id)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"user_id": current_user.id, "filename": filename, "rows": table.rows,
                   "ignored": table.ignored, "headers": table.headers,
                   "lines": table.lines, "sheet": table.sheet}, out)
    return import_id


def _load_pending() -> dict | None:
    import_id = session.get(SESSION_KEY)
    if not import_id:
        return None
    try:
        with open(_pending_path(import_id), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    return data if data.get("user_id") == current_user.id else None


def _drop_pending() -> None:
    import_id = session.pop(SESSION_KEY, None)
    if import_id and _ID.match(import_id):
        with contextlib.suppress(OSError):
            os.remove(_pending_path(import_id))


def _sweep() -> None:
    cutoff = time.time() - PENDING_TTL
    for name in os.listdir(_pending_dir()):
        path = os.path.join(_pending_dir(), name)
        try:
            if os.path.getmtime(path) < cutoff:
                os.remove(path)
        except OSError:
            pass


def _association() -> str | None:
    return None if current_user.is_admin else (
        current_user.association.slug if current_user.association else None)


def _updatable_members() -> str | None:
    """Whose existing accounts this import may update: an admin's anyone's (None), a staff
    member's only their association's ("" when they have none: nobody's)."""
    return None if current_user.is_admin else (_association() or "")


# --- import ---------------------------------------------------------------------------------
@bp.route("/staff/members/import", methods=["GET", "POST"])
@role_required("staff")
def import_upload():
    """Upload a member list; nothing is written before the preview is confirmed."""
    form = ImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        data = upload.read(member_files.MAX_BYTES + 1)
        try:
            table = member_files.read_upload(upload.filename or "", data)
        except member_files.BadFile as error:
            form.file.errors.append(error.message)
        else:
            _drop_pending()
            session[SESSION_KEY] = _save_pending(table, upload.filename or "")
            return redirect(url_for("members.import_preview"), 303)
    status = 422 if form.errors else 200
    return render_template("members/import.html", form=form, max_rows=member_files.MAX_ROWS,
                           max_mb=member_files.MAX_BYTES // (1024 * 1024),
                           columns=member_files.COLUMN_LABELS, vocabulary=vocabulary,
                           max_investments=MAX_PAST_INVESTMENTS,
                           header_rows=member_files.HEADER_ROWS), status


@bp.route("/staff/members/import/preview")
@role_required("staff")
def import_preview():
    """Row by row: what would be created, updated or rejected, and why."""
    pending = _load_pending()
    if pending is None:
        flash(_("Upload a member list first."), "info")
        return redirect(url_for("members.import_upload"))
    plans = member_import_plan.plan(pending["rows"], pending.get("headers"),
                                    only_members_of=_updatable_members(),
                                    lines=pending.get("lines"))
    return render_template("members/preview.html", plans=plans,
                           counts=member_import_plan.counts(plans),
                           filename=pending["filename"], sheet=pending.get("sheet"),
                           form=ConfirmForm(),
                           sides=vocabulary.SIDES, ignored=pending.get("ignored", []),
                           columns=[member_files.COLUMN_LABELS[c] for c in member_files.COLUMNS])


@bp.route("/staff/members/import/confirm", methods=["POST"])
@role_required("staff")
def import_confirm():
    """Write the previewed rows in one transaction and invite the new people."""
    form = ConfirmForm()
    pending = _load_pending()
    if not form.validate_on_submit() or pending is None:
        flash(_("Upload a member list first."), "info")
        return redirect(url_for("members.import_upload"))
    result = member_import_apply.apply(current_user, pending["rows"],
                                       association=_association(),
                                       only_members_of=_updatable_members())
    _drop_pending()
    flash(_("Imported: %(create)d created, %(update)d updated, %(reject)d rejected; "
            "%(mailed)d invitations sent.", **result), "success")
    return redirect(url_for("members.import_upload"), 303)


@bp.route("/staff/members/import/cancel", methods=["POST"])
@role_required("staff")
def import_cancel():
    """Forget the previewed upload."""
    ConfirmForm().validate_on_submit()
    _drop_pending()
    flash(_("Import cancelled; nothing was written."), "info")
    return redirect(url_for("members.import_upload"), 303)


# --- exports --------------------------------------------------------------------------------
def _back_to_list(endpoint: str):
    """A bad filter (a link kept from before, an address changed by hand) downloads nothing:
    back to the list with the same filters, where the list names the filter to correct in
    the reader's language (422), rather than a bare 400 page."""
    flash(_("Nothing was downloaded: correct the marked filters, then download again."),
          "warning")
    query = request.query_string.decode("latin-1")  # as sent: already percent-encoded
    return redirect(url_for(endpoint) + (f"?{query}" if query else ""), 303)


@bp.route("/exports/pitches.<any(csv, xlsx):fmt>")
@role_required("investor", "staff")
def export_pitches(fmt: str):
    """Staff: the moderation list (search, shown, hidden); investors: the browse list."""
    if current_user.is_staff:
        from app.staff.forms import ModerationFilterForm

        form = ModerationFilterForm(request.args)
        if not form.validate():
            return _back_to_list("staff.pitches")
        header, rows = data_exports.pitch_rows(current_user, staff_filters=form.filters())
    else:
        from app.pitches.forms import BrowseForm

        form = BrowseForm(request.args)
        if not form.validate():
            return _back_to_list("pitches.browse")
        header, rows = data_exports.pitch_rows(current_user, filters=form.filters())
    return download(fmt, pgettext("file name", "pitches"), header, rows)


@bp.route("/exports/investors.<any(csv, xlsx):fmt>")
@role_required("founder", "staff")
def export_investors(fmt: str):
    """The investor list with its filters."""
    from app.investors.forms import InvestorBrowseForm

    form = InvestorBrowseForm(request.args)
    if not form.validate():
        return _back_to_list("investors.browse")
    header, rows = data_exports.investor_rows(current_user, form.filters())
    return download(fmt, pgettext("file name", "investors"), header, rows)


@bp.route("/exports/matches.<any(csv, xlsx):fmt>")
@role_required("founder", "investor", "staff")
def export_matches(fmt: str):
    """Mutual matches: your own, or (staff) your association's."""
    header, rows = data_exports.match_rows(current_user)
    return download(fmt, pgettext("file name", "matches"), header, rows)


@bp.route("/exports/members.<any(csv, xlsx):fmt>")
@role_required("staff")
def export_members(fmt: str):
    """Staff's member list with its search and filters, every page: their association's
    members (an admin's: every association's, or the one chosen)."""
    from app.staff.forms import MemberFilterForm

    admin = current_user.is_admin
    form = MemberFilterForm(request.args, admin=admin,
                            associations=associations.choices() if admin else ())
    if not form.validate():
        return _back_to_list("staff.members")
    header, rows = member_export.member_rows(current_user, form.filters())
    return download(fmt, pgettext("file name", "members"), header, rows)


@bp.route("/exports/arenas/<int:arena_id>/<kind>.<any(csv, xlsx):fmt>")
@role_required("staff")
def export_arena(arena_id: int, kind: str, fmt: str):
    """An arena's invitations, answers or meetings (arenas your association hosts)."""
    return arena_download(arena_id, kind, fmt)


@bp.route("/exports")
@role_required("founder", "investor", "staff")
def hub():
    """Downloads and API access for the user's role."""
    arenas = arena_service.staff_arenas(current_user) if current_user.is_staff else []
    return render_template("members/hub.html", arenas=arenas)
