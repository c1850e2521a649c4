"""Messages shown once on the next page (Flask's flash), said once."""

from __future__ import annotations

from flask import flash, session


def waiting(message: str, category: str = "success") -> bool:
    """Whether `message` is flashed and not shown yet: the answer to an earlier send of the
    same form, whose page the browser has not drawn (a double click), not one the user
    saw before sending again."""
    return (category, message) in [tuple(m) for m in session.get("_flashes", [])]


def flash_once(message: str, category: str = "success") -> None:
    """Flash `message` unless the same message is already waiting to be shown. A form sent
    twice (Save or a button double-clicked) is answered twice, and the first answer's
    message, its page not shown yet, is still in the session when the second adds its own:
    the page then said "Your changes are saved." twice."""
    if not waiting(message, category):
        flash(message, category)
