"""Reading an arena's status moves in tests: the status as stored now, and whether the staff
arena page offers a move (its form's button) to a status."""

from __future__ import annotations

from app.extensions import db
from app.models import Arena


def stored_status(arena) -> str:
    """The status as the database holds it, not as the test's object remembers it."""
    db.session.expire_all()
    return db.session.get(Arena, arena.id).status


def offers(page: str, status: str) -> bool:
    """Whether the staff arena page offers the move to `status`: its form's button, or for
    "cancelled" and "done" the link to the page that asks first (test_cancel_arena_asks_first,
    test_done_asks_first)."""
    if status == "cancelled":
        return 'id="cancel-arena"' in page
    if status == "done":
        return 'id="finish-arena"' in page
    return f'name="to" value="{status}"' in page
