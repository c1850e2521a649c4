"""The admin people search and the staff search for someone to invite find names with Æ, Ø
and Å whatever their case, on SQLite as on PostgreSQL. SQLite's own lower() folds A–Z only
("Øvre" stays "Øvre"), so both searches, which compare lower(name), rely on the lower()
app/database.py puts in its place, as the pitch search does; nothing else pins that for
them."""

from __future__ import annotations

import pytest

from app.services import admin_users, invitation_edits
from tests.factories import make_arena, make_investor, make_invitation, make_pitch, make_user

NAMES = ("Øvre Eiker Solkraft", "ÆRLIG ÅSE", "ærlige Øystein")


@pytest.fixture
def people():
    users = {}
    for number, name in enumerate(NAMES):
        user = make_user("founder" if number % 2 == 0 else "investor", name=name)
        if user.role == "founder":
            make_pitch(user)
        else:
            make_investor(user)
        users[name] = user
    return users


@pytest.mark.parametrize(("query", "found"), [
    ("øvre", {"Øvre Eiker Solkraft"}),
    ("ØVRE", {"Øvre Eiker Solkraft"}),
    ("åse", {"ÆRLIG ÅSE"}),
    ("ærlig", {"ÆRLIG ÅSE", "ærlige Øystein"}),
    ("ØYSTEIN ÆRLIGE", {"ærlige Øystein"}),
])
def test_admin_people_search_folds_norwegian_capitals(app, people, query, found):
    assert {u.name for u in admin_users.search(query).items} == found


@pytest.mark.parametrize(("query", "found"), [
    ("øvre", {"Øvre Eiker Solkraft"}),
    ("ÅSE", {"ÆRLIG ÅSE"}),
    ("ærlig", {"ÆRLIG ÅSE", "ærlige Øystein"}),
])
def test_staff_invitation_search_folds_norwegian_capitals(app, people, query, found):
    arena = make_arena()
    assert {u.name for u in invitation_edits.search_people(arena, query)} == found
    listed = make_invitation(arena, people["Øvre Eiker Solkraft"], state="accepted")
    if "Øvre Eiker Solkraft" in found:  # on the list now: said to be there, not found again
        assert [i.id for i in invitation_edits.listed_people(arena, query)] == [listed.id]
        assert "Øvre Eiker Solkraft" not in {u.name for u in
                                              invitation_edits.search_people(arena, query)}
