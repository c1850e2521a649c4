"""Rebuilding the index in the background, from the admin page, while the app keeps serving
the last index; the status (running, done, failed) is kept on the settings row."""

from __future__ import annotations

import threading
from datetime import timedelta

from flask import Flask, current_app

from app.extensions import db
from app.models.user import utcnow
from app.services.engine_settings import settings
from app.services.matching import rebuild


def _set_status(status: str, message: str | None = None) -> None:
    row = settings()
    row.rebuild_status = status
    row.rebuild_message = message
    if status == "running":
        row.rebuild_started_at = utcnow()
        row.rebuild_finished_at = None
    else:
        row.rebuild_finished_at = utcnow()
    db.session.commit()


STALE_RUNNING = timedelta(hours=1)


def start_background_rebuild(actor=None) -> bool:
    """Start a rebuild in a thread with its own app context; False if one is running."""
    from app.services import audit

    row = settings()
    started = row.rebuild_started_at
    if started is not None and started.tzinfo is None:
        started = started.replace(tzinfo=utcnow().tzinfo)
    if row.rebuild_status == "running" and started and utcnow() - started < STALE_RUNNING:
        return False
    _set_status("running", None)
    audit.record("engine_rebuild", actor=actor, target="engine_index")
    app = current_app._get_current_object()
    thread = threading.Thread(target=_run_rebuild, args=(app,), name="koble-rebuild",
                              daemon=True)
    thread.start()
    app.extensions.setdefault("koble_rebuild_threads", []).append(thread)
    return True


def _run_rebuild(app: Flask) -> None:
    with app.app_context():
        try:
            result = rebuild()
        except Exception as error:  # noqa: BLE001 - reported on the admin page
            db.session.rollback()
            app.logger.exception("Background rebuild failed")
            _set_status("failed", str(error)[:500])
        else:
            _set_status("done", f"v{result['version']}: {result['pitches']} pitches, "
                        f"{result['investors']} investors, {result['scores']} scores, "
                        f"{result['seconds']} s")
        finally:
            db.session.remove()
