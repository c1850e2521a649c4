"""Meetings at arenas: participants request meetings and get their agenda (routes); staff
build the schedule, mark attendance and export (staff_routes); the dashboard (dashboard)."""

from __future__ import annotations

from flask import abort

from app.services.errors import Forbidden, NotFound


def call_or_abort(action):
    """Run a service call; NotFound → 404, Forbidden → 403."""
    try:
        return action()
    except NotFound:
        abort(404)
    except Forbidden:
        abort(403)


def yes_no(value: str | None) -> bool | None:
    """A posted "yes"/"no" as True/False; anything else is None (no answer)."""
    return {"yes": True, "no": False}.get((value or "").strip().lower())
