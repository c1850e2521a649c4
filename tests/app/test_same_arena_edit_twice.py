"""Save clicked twice on an arena's edit page is saved once, and the page answering the second
says it is saved. Before, the second carried the version the first had just replaced and was
answered 409 "Someone changed this arena after you opened it", the staff member's own edit
being the "someone"."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, AuditEvent
from tests.app.test_arenas_staff import arena_form
from tests.factories import make_arena


def test_an_arena_edit_sent_twice_is_saved_once_and_both_say_saved(client, staff):
    arena = make_arena()
    version = arena.version
    deadline = (arena.date - timedelta(days=2)).isoformat() + "T08:00"
    sent = arena_form(version=str(version), title="Ny tittel 🌱", date=str(arena.date),
                      description="Korte møter, **tydelig** agenda.", rsvp_deadline=deadline)
    path = f"/staff/arenas/{arena.id}/edit"

    first = client.post(path, data=sent)
    second = client.post(path, data=sent)
    assert first.status_code == 302 and second.status_code == 302
    page = client.get(second.headers["Location"]).get_data(as_text=True)
    assert page.count("Your changes are saved.") == 1  # both answers flashed it: said once
    db.session.expire_all()
    saved = db.session.get(Arena, arena.id)
    assert saved.title == "Ny tittel 🌱" and saved.version == version + 1


def test_another_arena_edit_with_the_old_version_is_still_a_conflict(client, staff):
    arena = make_arena()
    version = arena.version
    deadline = (arena.date - timedelta(days=2)).isoformat() + "T08:00"
    path = f"/staff/arenas/{arena.id}/edit"
    sent = arena_form(version=str(version), title="Ny tittel", date=str(arena.date),
                      rsvp_deadline=deadline)
    assert client.post(path, data=sent).status_code == 302
    other = client.post(path, data={**sent, "venue": "Bærum rådhus"})
    assert other.status_code == 409


def _edits_logged(arena) -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "arena_edited", AuditEvent.target == f"arena:{arena.id}"))


def test_an_arena_edit_sent_twice_is_one_edit_in_the_audit_log(client, staff):
    """Before, the second send, saved as nothing new, logged a second "Edited an arena"."""
    arena = make_arena()
    deadline = (arena.date - timedelta(days=2)).isoformat() + "T08:00"
    sent = arena_form(version=str(arena.version), title="Ny tittel", date=str(arena.date),
                      rsvp_deadline=deadline)
    path = f"/staff/arenas/{arena.id}/edit"

    assert client.post(path, data=sent).status_code == 302
    assert client.post(path, data=sent).status_code == 302
    assert _edits_logged(arena) == 1

    # Save pressed again on the page as saved, nothing changed: no edit either
    db.session.expire_all()
    again = {**sent, "version": str(db.session.get(Arena, arena.id).version)}
    assert client.post(path, data=again).status_code == 302
    assert _edits_logged(arena) == 1
