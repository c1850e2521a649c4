"""A NUL byte sent in a choice or a search answers with a message, not a 500 on PostgreSQL.

The staff's person search, an arena's host associations (new and edit) and a person's
association choice handed the typed value to a query even when the form had refused it:
PostgreSQL cannot bind text holding NUL, so each answered 500 there (SQLite compared it and
found nothing). `refusing_nul` makes SQLite refuse the same way.
"""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Arena, User
from tests.app.security.checksum import checksum
from tests.app.security.nul_guard import refusing_nul
from tests.app.security.principals import logged_in_client
from tests.factories import make_arena, make_pitch, make_user

NUL_WORDS = "(NUL)"  # in the field's message in both languages


@pytest.fixture
def staff_client(app):
    return logged_in_client(app, make_user("staff", locale="nb"))


def test_person_search_with_nul_says_why_and_finds_nobody(app, staff_client):
    arena = make_arena(("asker",))
    make_pitch(make_user("founder", name="Ada Nul"))
    with refusing_nul():
        response = staff_client.get(f"/staff/arenas/{arena.id}/invitations?q=Ada%00")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert NUL_WORDS in page and "usynlig kontrolltegn" in page
    assert "Ada Nul" not in page
    # a search without one still finds her
    found = staff_client.get(f"/staff/arenas/{arena.id}/invitations?q=Ada")
    assert "Ada Nul" in found.get_data(as_text=True)


def _arena_form(**changes) -> dict:
    form = {"title": "Nul-arena", "theme": "green", "hosts": "asker", "date": "2031-05-06",
            "start_time": "09:00", "end_time": "12:00", "venue": "Asker", "slot_count": "4",
            "founder_capacity": "8", "investor_capacity": "8", "table_count": "4"}
    form.update(changes)
    return form


@pytest.mark.parametrize("hosts", ["\x00", "asker\x00"])
def test_new_arena_with_nul_host_is_refused_unchanged(app, staff_client, hosts):
    before = checksum()
    with refusing_nul():
        response = staff_client.post("/staff/arenas/new", data=_arena_form(hosts=hosts))
    assert response.status_code == 422
    assert 'id="hosts-error"' in response.get_data(as_text=True)
    assert checksum() == before
    assert db.session.scalar(db.select(db.func.count(Arena.id))) == 0


def test_arena_edit_with_nul_host_is_refused_unchanged(app, staff_client):
    arena = make_arena(("asker",))
    before = checksum()
    with refusing_nul():
        response = staff_client.post(f"/staff/arenas/{arena.id}/edit",
                                     data=_arena_form(hosts="\x00"))
    assert response.status_code == 422
    assert checksum() == before


@pytest.mark.parametrize("role", ["founder", "investor"])
def test_association_choice_with_nul_is_refused_unchanged(app, role):
    user = make_user(role, locale="nb")
    client = logged_in_client(app, user)
    before = checksum()
    with refusing_nul():
        response = client.post("/account/municipality",
                               data={"municipality": "asker", "association": "drammen\x00"})
    assert response.status_code == 422
    assert "Velg en av foreningene i listen." in response.get_data(as_text=True)
    assert checksum() == before
    assert db.session.get(User, user.id).association.slug == "asker"
