"""Arenas: staff create and fill them (staff_routes, staff_invitations); invitees answer
(routes)."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from app.services import arenas as arena_service
from app.services.errors import NotFound


def managed_arena_or_404(arena_id: int):
    """The arena if the current staff member manages it; 404 otherwise."""
    try:
        return arena_service.arena_for_staff(current_user, arena_id)
    except NotFound:
        abort(404)
