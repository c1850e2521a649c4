"""Arenas: staff create and fill them (staff_routes, staff_invitations); invitees answer
(routes)."""

from __future__ import annotations

from flask import abort
from flask_babel import pgettext
from flask_login import current_user
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation
from app.services import arena_exports
from app.services import arenas as arena_service
from app.services.errors import NotFound
from app.services.exports import download
from app.services.schedule import has_active

# The tables of an arena staff download, by the word in their address.
ARENA_TABLES = {"invitations": arena_exports.invitations, "answers": arena_exports.answers,
                "meetings": arena_exports.meeting_rows}
# Their files' names, in the reader's language (services/exports.attachment).
ARENA_FILE_NAMES = {
    "invitations": lambda arena_id: pgettext("file name", "arena-%(id)d-invitations",
                                             id=arena_id),
    "answers": lambda arena_id: pgettext("file name", "arena-%(id)d-answers", id=arena_id),
    "meetings": lambda arena_id: pgettext("file name", "arena-%(id)d-meetings", id=arena_id)}


def tables_with_rows(arena: Arena) -> list[str]:
    """The ARENA_TABLES of the arena that hold a row, in their order: the staff pages offer
    only those downloads (a fresh draft's six links each gave an empty file). The same rows
    as the tables: every invitation, the ones sent (answers), the active meetings."""
    def any_invitation(*where) -> bool:
        return db.session.scalar(select(Invitation.id).where(
            Invitation.arena_id == arena.id, *where).limit(1)) is not None

    found = {"invitations": any_invitation(),
             "answers": any_invitation(Invitation.invited_at.is_not(None)),
             "meetings": has_active(arena)}
    return [kind for kind in ARENA_TABLES if found[kind]]


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
    header, rows = ARENA_TABLES[kind](arena, current_user)  # whose contacts it may show
    return download(fmt, ARENA_FILE_NAMES[kind](arena.id), header, rows)
