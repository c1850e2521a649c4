"""Moving a staff member to another association (or giving them another role) while their
association hosts arenas not yet held asks first. The role form saved at once: the person
stopped managing those arenas without the admin being told, and when they were its only
staff, nobody but the administrators ran the arena and nobody got its late answers.

Arenas belong to their host associations (arena_host), not to a person, so nothing is handed
over and nothing is refused: the arenas stay with the association. What the admin reads
first is which they are, and which of them no other staff member manages."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, AuditEvent
from app.services import arenas
from app.services.accounts import association_by_slug
from tests.app.admin_questions import role_seen_on
from tests.app.page_text import fresh, main_text
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.app.test_cli_messages import run
from tests.factories import make_arena, make_arena_over, make_user


@pytest.fixture
def admin_client(app):
    admin = make_user("admin", name="Ada Admin", association=None, locale="en")
    client = app.test_client()
    log_in(client, admin)
    return admin, client


def _assoc_id(slug: str) -> int:
    return association_by_slug(slug).id


def _move(client, person, slug: str | None = "baerum", role: str = "staff", **extra):
    data = {"role": role, "association": str(_assoc_id(slug)) if slug else "", **extra}
    return client.post(f"/admin/users/{person.id}/role", data=data)


def _siri_with_an_arena():
    staff = make_user("staff", name="Siri Stab", association="asker")
    arena = make_arena(("asker",), title="Gründerkveld")
    return staff, arena


def test_a_move_that_leaves_arenas_behind_asks_first_and_changes_nothing(admin_client):
    _admin, client = admin_client
    staff, arena = _siri_with_an_arena()
    make_arena_over(title="Arena i fjor")
    before = checksum()
    response = _move(client, staff)
    assert response.status_code == 303
    assert f"/admin/users/{staff.id}/role?" in response.location
    page = client.get(response.location)
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    text = main_text(body)
    assert "Change Siri Stab's role or association?" in text
    assert "Siri Stab becomes staff of Bærum Næringsråd." in text
    assert "Arenas Siri Stab no longer manages" in text
    assert "Asker Næringsforening hosts these arenas, not yet held." in text
    assert "Gründerkveld" in text and "Arena i fjor" not in text
    assert ("no other staff member manages it: only administrators, until its association "
            "has active staff again.") in text
    assert f'action="/admin/users/{staff.id}/role"' in body
    assert role_seen_on(body)  # the page sends back what it asked
    assert checksum() == before
    assert fresh(staff).association.slug == "asker"


def test_confirming_moves_them_and_the_arena_stays_with_the_association(admin_client):
    admin, client = admin_client
    staff, arena = _siri_with_an_arena()
    colleague = make_user("staff", name="Kari Kollega", association="asker")
    page = client.get(_move(client, staff).location).get_data(as_text=True)
    assert "1 other staff member manages it." in main_text(page)
    response = _move(client, staff, arenas_seen=role_seen_on(page))
    assert response.status_code == 303
    assert response.location.endswith(f"/admin/users/{staff.id}")
    moved = fresh(staff)
    assert moved.association.slug == "baerum"
    arena = db.session.get(Arena, arena.id)
    assert [a.slug for a in arena.hosts] == ["asker"]
    assert not arenas.can_manage(moved, arena)
    assert arenas.can_manage(fresh(colleague), arena)
    event = db.session.scalar(select(AuditEvent).where(
        AuditEvent.action == "association_changed"))
    assert event.actor_id == admin.id and event.detail == "asker -> baerum"


def test_a_list_that_changed_since_the_question_asks_again(admin_client):
    _admin, client = admin_client
    staff, _arena = _siri_with_an_arena()
    seen = role_seen_on(client.get(_move(client, staff).location).get_data(as_text=True))
    make_arena(("asker",), title="Ny arena")  # made while the admin read the question
    response = _move(client, staff, arenas_seen=seen)
    assert response.status_code == 303 and "/role?" in response.location
    assert "Ny arena" in client.get(response.location).get_data(as_text=True)
    assert fresh(staff).association.slug == "asker"


@pytest.mark.parametrize("lang, said", [
    ("en", "Nothing was changed: since you opened the page, this changed for Siri Stab: the "
           "arenas they would no longer manage."),
    ("nb", "Ingenting ble endret: siden du åpnet siden, er dette endret for Siri Stab: "
           "arenaene vedkommende ikke lenger ville administrere."),
])
def test_a_list_that_changed_since_the_question_says_so(app, lang, said):
    """The question confirmed no longer stands: the admin is told why they are asked again,
    as the deactivate and delete questions tell (it used to come back without a word)."""
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale=lang))
    staff, _arena = _siri_with_an_arena()
    first = client.get(_move(client, staff).location).get_data(as_text=True)
    assert said[:20] not in main_text(first)  # the first time it is only the question
    make_arena(("asker",), title="Ny arena")  # made while the admin read the question
    response = _move(client, staff, arenas_seen=role_seen_on(first))
    assert "/role?" in response.location
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert said in text and "Ny arena" in text
    assert fresh(staff).association.slug == "asker"


def test_another_role_asks_too_and_admin_does_not(admin_client):
    _admin, client = admin_client
    staff, _arena = _siri_with_an_arena()
    response = _move(client, staff, slug=None, role="founder")
    assert "/role?" in response.location
    assert "Siri Stab becomes founder." in main_text(
        client.get(response.location).get_data(as_text=True))
    assert fresh(staff).role == "staff"
    # an administrator manages every arena: nothing is left behind
    response = _move(client, staff, slug="asker", role="admin")
    assert response.location.endswith(f"/admin/users/{staff.id}")
    assert fresh(staff).role == "admin"


def test_nothing_to_leave_behind_saves_at_once(admin_client):
    _admin, client = admin_client
    staff = make_user("staff", name="Siri Stab", association="asker")
    make_arena(("drammen",), title="Drammens arena")
    make_arena_over(title="Arena i fjor")
    make_arena(("asker",), title="Avlyst", status="cancelled")
    response = _move(client, staff)
    assert response.location.endswith(f"/admin/users/{staff.id}")
    assert fresh(staff).association.slug == "baerum"


def test_the_question_without_anything_to_ask_goes_back(admin_client):
    _admin, client = admin_client
    staff, _arena = _siri_with_an_arena()
    for query in ("", "?role=staff&association=" + str(_assoc_id("asker")),
                  "?role=boss", "?role=staff&association=99999", "?role=admin"):
        response = client.get(f"/admin/users/{staff.id}/role{query}")
        assert response.status_code == 303, query
        assert response.location.endswith(f"/admin/users/{staff.id}"), query


def test_deactivating_a_staff_member_names_the_arenas_too(admin_client):
    _admin, client = admin_client
    staff, _arena = _siri_with_an_arena()
    text = main_text(client.get(f"/admin/users/{staff.id}/deactivate").get_data(as_text=True))
    assert "Arenas Siri Stab no longer manages" in text and "Gründerkveld" in text


def test_the_command_line_says_which_arenas_stay(app):
    staff = make_user("staff", "siri@asker.no", name="Siri Stab", association="asker")
    arena = make_arena(("asker",), title="Gründerkveld")
    result = run(app, "users", "set-role", "siri@asker.no", "staff", "--association", "baerum")
    assert result.exit_code == 0, result.output
    assert (f"siri@asker.no no longer manages Gründerkveld ({arena.date.isoformat()}, arena "
            f"{arena.id}); it stays with asker: no other staff member manages it: only "
            "administrators, and late answers there go to the administrators until asker has "
            "active staff again.") in result.output
    assert fresh(staff).association.slug == "baerum"


def test_the_question_in_bokmal(app):
    staff, _arena = _siri_with_an_arena()
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="nb"))
    text = main_text(client.get(_move(client, staff).location).get_data(as_text=True))
    assert "Endre rollen eller foreningen til Siri Stab?" in text
    assert "Siri Stab blir ansatt i Bærum Næringsråd." in text
    assert "Asker Næringsforening er arrangør av disse arenaene" in text
    assert "Lagre endringen" in text and "La det være som det er" in text
