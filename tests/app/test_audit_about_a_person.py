"""The audit log's events about a person include the failed logins typed with their address
and staff's changes to their place in an arena, and their admin page links there. An admin
looking into "I am locked out" opened the log for the person (Subject: Person) and saw no
failed login: those have no actor and no target, only the typed address, so only the
action filter found them, among everyone's. Staff's "Removed an invitation" (the arena as
target, the person in the detail) was missing likewise. The data download already counted
both as the person's (personal_data._events_about)."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import AuditEvent
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_user


@pytest.fixture
def client(app):
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="en"))
    return client


def _event(action: str, target: str | None = None, detail: str | None = None) -> AuditEvent:
    event = AuditEvent(action=action, target=target, detail=detail)
    db.session.add(event)
    db.session.commit()
    return event


def _shown(client, user_id: int) -> list[int]:
    response = client.get(f"/admin/audit?subject_kind=user&subject_key={user_id}")
    assert response.status_code == 200
    return [int(n) for n in re.findall(r'data-event-id="(\d+)"',
                                       response.get_data(as_text=True))]


def test_failed_logins_typed_with_the_persons_address_are_theirs(app, client):
    kari = make_user("founder", "kari@grunder.no")
    ola = make_user("founder", "ola@grunder.no")
    for typed in ("Kari@Grunder.no", "kari@grunder.no"):
        app.test_client().post("/auth/login", data={"email": typed, "password": "feil passord"})
    attempts = list(db.session.scalars(db.select(AuditEvent.id).where(
        AuditEvent.action == "login_failed").order_by(AuditEvent.id.desc())))
    assert len(attempts) == 2
    someone_else = _event("login_failed", detail="ola@grunder.no")
    assert _shown(client, kari.id) == attempts
    assert _shown(client, ola.id) == [someone_else.id]


def test_staffs_changes_to_the_persons_place_in_an_arena_are_theirs(client):
    kari = make_user("founder")
    other = make_user("founder")
    arena = make_arena()
    removed = _event("invitation_removed", f"arena:{arena.id}", f"user:{kari.id}")
    moved = _event("invitation_moved", f"arena:{arena.id}", f"user:{kari.id} up")
    _event("invitation_removed", f"arena:{arena.id}", f"user:{other.id}")
    _event("invitation_removed", f"arena:{arena.id}", f"user:{kari.id}0")  # another id
    assert _shown(client, kari.id) == [moved.id, removed.id]


def test_the_person_page_links_to_their_events(client):
    kari = make_user("founder", name="Kari Nordmann")
    page = client.get(f"/admin/users/{kari.id}").get_data(as_text=True)
    assert (f'href="/admin/audit?subject_kind=user&amp;subject_key={kari.id}"' in page
            and "Kari Nordmann in the audit log: logins, failed logins and changes" in page)
