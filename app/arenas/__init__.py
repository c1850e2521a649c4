"""Arenas: staff create and fill them (staff_routes, staff_invitations); invitees answer
(routes)."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from app.services import arena_exports
from app.services import arenas as arena_service
from app.services.errors import NotFound
from app.services.exports import download

# The tables of an arena staff download, by the word in their address.
ARENA_TABLES = {"invitations": arena_exports.invitations, "answers": arena_exports.answers,
                "meetings": arena_exports.meeting_rows}


def managed_arena_or_404(arena_id: int):
    """The arena if the current staff member manages it; 404 otherwise."""
    try:
        return arena_service.arena_for_staff(current_user, arena_id)
    except NotFound:
        abort(404)


def arena_download(arena_id: int, kind: str, fmt: str):
    """The arena's table `kind` (ARENA_TABLES) as a CSV or .xlsx download, for the staff page's
    CSV links and the data page's CSV and Excel links alike: the same rows, and the same
    answers to whoever may not see the arena, whether it exists or not (404, as
    `managed_arena_or_404`; the arena is looked up before the word, so an unknown table
    reveals nothing either)."""
    arena = managed_arena_or_404(arena_id)
    if kind not in ARENA_TABLES:
        abort(404)
    header, rows = ARENA_TABLES[kind](arena)
    return download(fmt, f"arena-{arena.id}-{kind}", header, rows)
