"""Rebuilding the index in the background, from the admin page, while the app keeps serving
the last index; the status (running, done, failed) is kept on the settings row.

The outcome is stored as facts, not as a sentence (the row's rebuild_message holds them as
JSON): a sentence written by the background thread was English on the bokmål page, with a
decimal point. The page says them in the reader's language (describe())."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

from flask import Flask, current_app
from flask_babel import format_decimal, format_number, ngettext
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.models import EngineSettings
from app.models.user import utcnow
from app.services.engine_index import rebuild
from app.services.engine_settings import settings

FACTS = ("version", "pitches", "investors", "scores", "seconds")


def failure_kind(error: BaseException) -> str:
    """What kind of failure, in a word the page can say in any language."""
    if isinstance(error, MemoryError):
        return "memory"
    if isinstance(error, SQLAlchemyError):
        return "database"
    if isinstance(error, ValueError):  # the engine refused the records (matching.dataset)
        return "data"
    return "other"


def _set_status(status: str, facts: dict | None = None) -> None:
    row = settings()
    row.rebuild_status = status
    row.rebuild_message = json.dumps(facts) if facts is not None else None
    if status == "running":
        row.rebuild_started_at = utcnow()
        row.rebuild_finished_at = None
    else:
        row.rebuild_finished_at = utcnow()
    db.session.commit()


STALE_RUNNING = timedelta(hours=1)


def running(row: EngineSettings) -> bool:
    """A rebuild is under way (one marked running for over STALE_RUNNING died with its
    process)."""
    started = row.rebuild_started_at
    if started is not None and started.tzinfo is None:
        started = started.replace(tzinfo=utcnow().tzinfo)
    return (row.rebuild_status == "running" and started is not None
            and utcnow() - started < STALE_RUNNING)


def rebuild_reported() -> dict:
    """`rebuild()` with its outcome on the settings row, as the admin page shows it: done
    with its facts, or failed with the kind of failure (and the error raised again)."""
    try:
        result = rebuild()
    except Exception as error:
        db.session.rollback()
        _set_status("failed", {"error": failure_kind(error)})
        raise
    _set_status("done", {key: result[key] for key in FACTS})
    return result


def start_background_rebuild(actor=None) -> bool:
    """Start a rebuild in a thread with its own app context; False if one is running."""
    from app.services import audit

    if running(settings()):
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
            rebuild_reported()
        except Exception:  # noqa: BLE001 - reported on the admin page
            app.logger.exception("Background rebuild failed")
        finally:
            db.session.remove()


def _facts(row: EngineSettings) -> dict | None:
    """The stored facts; None for a message stored as English text before they were."""
    try:
        facts = json.loads(row.rebuild_message or "null")
    except ValueError:
        return None
    return facts if isinstance(facts, dict) else None


_FAILURES = {
    "memory": lambda: _("the server ran out of memory."),
    "database": lambda: _("the database could not be read or written."),
    "data": lambda: _("the engine could not use the pitches and profiles."),
    "other": lambda: _("an unexpected error."),
}


# Seconds a build took, as the admin's page writes them (its index's build time too):
# hundredths, always two, so one build reads as one number.
SECONDS_FORMAT = "#,##0.00"


def describe(row: EngineSettings, shown_version: int | None = None) -> dict:
    """The last rebuild's outcome for the admin's page: `text` in the reader's language
    (numbers as the language writes them) and, for a message stored before the facts were,
    `legacy`, the stored English text as it was. Without its build time when it built
    `shown_version`, the index whose build time the page shows already."""
    facts = _facts(row)
    if facts is None:
        return {"text": None, "legacy": row.rebuild_message}
    if row.rebuild_status == "failed":
        say = _FAILURES.get(facts.get("error"), _FAILURES["other"])
        return {"text": _("%(reason)s The details are in the server's log.", reason=say()),
                "legacy": None}
    if not all(isinstance(facts.get(key), int | float) for key in FACTS):
        return {"text": None, "legacy": None}
    parts = [
        ngettext("%(count)s pitch", "%(count)s pitches", facts["pitches"],
                 count=format_number(facts["pitches"])),
        ngettext("%(count)s investor", "%(count)s investors", facts["investors"],
                 count=format_number(facts["investors"])),
        ngettext("%(count)s score", "%(count)s scores", facts["scores"],
                 count=format_number(facts["scores"])),
    ]
    if facts["version"] != shown_version:
        parts.append(_("%(s)s s", s=format_decimal(facts["seconds"], SECONDS_FORMAT)))
    return {"text": _("version %(version)s: %(facts)s", version=format_number(facts["version"]),
                      facts=", ".join(parts)),
            "legacy": None}
