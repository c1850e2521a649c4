"""The admin's deactivate and delete questions say what confirming would do (the arena
invitations and meetings it ends, the arenas a staff member stops managing). A page left
open while the person changed (another admin changed their role or deactivated them, a new
invitation came in) was confirmed as it was: the account went, ending what the question
never named. The role change already refused a page that no longer named the arenas it
leaves (arenas_seen); deactivate and delete now do the same: the page sends back what it
asked (`seen`), and if that is no longer the question, nothing changes and the admin is
sent to the question as it stands now, told what changed, in their language."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import AuditEvent
from app.services import account_access
from app.services.deleted_accounts import is_deleted
from tests.app.admin_questions import confirm, seen_on
from tests.app.page_text import fresh, main_text
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_invitation, make_user

CHANGED = {
    "en": "Nothing was changed: since you opened the page, this changed for Kari Nordmann: ",
    "nb": "Ingenting ble endret: siden du åpnet siden, er dette endret for Kari Nordmann: ",
}


def _admin(client, lang: str = "en"):
    admin = make_user("admin", association=None, locale=lang)
    log_in(client, admin)
    return admin


def _open(client, person, what: str) -> str:
    return seen_on(client.get(f"/admin/users/{person.id}/{what}").get_data(as_text=True))


def _events(person, action: str) -> int:
    return db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == action, AuditEvent.target == f"user:{person.id}"))


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_new_invitation_since_the_page_was_opened_stops_the_deactivation(client, lang):
    _admin(client, lang)
    kari = make_user("founder", name="Kari Nordmann")
    seen = _open(client, kari, "deactivate")
    make_invitation(make_arena(), kari)  # came in while the page stood open
    db.session.commit()
    response = client.post(f"/admin/users/{kari.id}/deactivate", data={"seen": seen})
    assert response.status_code == 303
    assert response.location.endswith(f"/admin/users/{kari.id}/deactivate")
    assert fresh(kari).active and _events(kari, "user_deactivated") == 0
    page = client.get(response.location).get_data(as_text=True)
    text = main_text(page)
    assert CHANGED[lang] in text
    assert {"en": "what it would end", "nb": "hva det ville avslutte"}[lang] in text
    # the question as it stands now names the invitation; confirming that one deactivates
    assert {"en": "1 invitation to an arena not yet held ends",
            "nb": "1 invitasjon"}[lang] in text
    again = client.post(f"/admin/users/{kari.id}/deactivate", data={"seen": seen_on(page)})
    assert again.status_code == 303 and not fresh(kari).active


def test_a_role_changed_since_the_page_was_opened_stops_the_deletion(client):
    admin = _admin(client)
    kari = make_user("staff", name="Kari Nordmann", association="asker")
    seen = _open(client, kari, "delete")
    account_access.set_role(kari, "founder", association=None, actor=admin)
    response = client.post(f"/admin/users/{kari.id}/delete", data={"seen": seen})
    assert response.status_code == 303
    assert response.location.endswith(f"/admin/users/{kari.id}/delete")
    assert not is_deleted(fresh(kari)) and _events(kari, "user_deleted") == 0
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert CHANGED["en"] + "their role or association." in text
    assert "Delete Kari Nordmann's account?" in text


def test_a_new_arena_the_staff_member_would_leave_stops_the_deletion(client):
    _admin(client)
    kari = make_user("staff", name="Kari Nordmann", association="asker")
    make_user("staff", association="asker")
    seen = _open(client, kari, "delete")
    arena = make_arena(("asker",), title="Vinterkveld")  # created meanwhile
    response = client.post(f"/admin/users/{kari.id}/delete", data={"seen": seen})
    assert not is_deleted(fresh(kari))
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert CHANGED["en"] + "the arenas they would no longer manage." in text
    assert arena.title in text


def test_someone_deactivated_meanwhile_is_not_deactivated_twice(client):
    admin = _admin(client)
    kari = make_user("founder", name="Kari Nordmann")
    seen = _open(client, kari, "deactivate")
    account_access.set_active(kari, False, actor=admin)  # another admin was quicker
    response = client.post(f"/admin/users/{kari.id}/deactivate", data={"seen": seen})
    assert response.location.endswith(f"/admin/users/{kari.id}")
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert "Kari Nordmann is already deactivated: nothing was changed." in text
    assert "logged out everywhere" not in text
    assert _events(kari, "user_deactivated") == 1


def test_someone_deactivated_meanwhile_is_deleted_only_on_the_question_now(client):
    admin = _admin(client)
    kari = make_user("founder", name="Kari Nordmann")
    seen = _open(client, kari, "delete")
    account_access.set_active(kari, False, actor=admin)
    response = client.post(f"/admin/users/{kari.id}/delete", data={"seen": seen})
    assert not is_deleted(fresh(kari))
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert CHANGED["en"] + "whether the account is active." in text
    assert confirm(client, kari.id, "delete").status_code == 303
    assert is_deleted(fresh(kari))


@pytest.mark.parametrize("what", ["deactivate", "delete"])
def test_a_confirmation_without_the_page_changes_nothing(client, what):
    _admin(client)
    kari = make_user("founder", name="Kari Nordmann")
    response = client.post(f"/admin/users/{kari.id}/{what}", data={"seen": "made up"})
    assert response.location.endswith(f"/admin/users/{kari.id}/{what}")
    assert fresh(kari).active and not is_deleted(fresh(kari))
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert ("Nothing was changed: the page you confirmed on is not the question as it stands "
            "now for Kari Nordmann.") in text
