"""Meetings at arenas: participants request meetings and get their agenda (routes); staff
build the schedule, mark attendance and export (staff_routes); the dashboard (dashboard)."""

from __future__ import annotations

from flask import abort, url_for

from app.database import ascii_number
from app.errors import Refused
from app.services.errors import Forbidden, NotFound
from app.services.participants import NotParticipant


def call_or_abort(action):
    """Run a service call; NotFound → 404, Forbidden → 403. The 403's page says why only for
    participant_of's refusal of someone invited who does not come (NotParticipant): they
    know the arena, so why gives nothing away, and a bare "No access" left them guessing.
    Any other Forbidden gets the bare page, so a refusal written for someone else (staff,
    a log) is never shown by accident. The page leads back to their invitation, where they
    can answer (as the pages through the RSVP link do), not only to the front page."""
    try:
        return action()
    except NotFound:
        abort(404)
    except NotParticipant as error:
        raise Refused(error.message,
                      back=url_for("arenas.view", arena_id=error.arena_id)) from None
    except Forbidden:
        abort(403)


# A slot or a table number, as people count: a handful of digits at most.
_MAX_DIGITS = 6


def number_from_form(value: str | None) -> int | None:
    """A slot or table number typed in a form field, or None when it is not one: ASCII digits
    only, as everywhere else in the app. int() alone read "٣" (Arabic-Indic three) as 3, so
    a staff member's typo moved a meeting to slot 3 instead of getting the form's message."""
    return ascii_number((value or "").strip(), _MAX_DIGITS)


def yes_no(value: str | None) -> bool | None:
    """A posted "yes"/"no" as True/False; anything else is None (no answer)."""
    return {"yes": True, "no": False}.get((value or "").strip().lower())
