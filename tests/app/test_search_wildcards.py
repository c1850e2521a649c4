"""Every search that takes typed text reads % and _ (and the escape character, a backslash)
as themselves, on SQLite as on PostgreSQL: "50%" finds "Fond 50%", not "Fond 500"; "a_b"
finds "a_b", not "axb". One helper builds every such pattern
(app.services.text_search.contains)."""

from __future__ import annotations

import pytest

from app.services import admin_users, audit, audit_log, invitation_edits
from tests.factories import make_arena, make_investor, make_invitation, make_pitch, make_user

NAMES = ("Fond 50% Grønn", "Fond 500 Grønn", "Sol_Vind", "SolXVind", "Hav\\Kraft", "HavKraft")
SEARCHES = [
    ("50%", {"Fond 50% Grønn"}),
    ("0%", {"Fond 50% Grønn"}),
    ("l_v", {"Sol_Vind"}),
    ("_v", {"Sol_Vind"}),
    ("v\\k", {"Hav\\Kraft"}),
    ("5%", set()),
]


@pytest.fixture
def people(app):
    found = {}
    for number, name in enumerate(NAMES):
        user = make_user("founder" if number % 2 else "investor", name=name,
                         email=f"person{number}@example.no")
        if user.role == "founder":
            make_pitch(user)
        else:
            make_investor(user, organisation=f"Org {number}")
        found[name] = user
    return found


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_staff_search_for_someone_to_invite(people, query, expected):
    arena = make_arena()
    assert {u.name for u in invitation_edits.search_people(arena, query)} == expected


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_staff_search_says_who_is_listed_already(people, query, expected):
    arena = make_arena()
    for user in people.values():
        make_invitation(arena, user)
    assert {i.user.name for i in invitation_edits.listed_people(arena, query)} == expected


@pytest.mark.parametrize(("query", "expected"), [("50%", {"50% Kapital"}),
                                                 ("a_b", {"a_b Invest"})])
def test_staff_search_by_organisation(app, query, expected):
    for organisation in ("50% Kapital", "500 Kapital", "a_b Invest", "axb Invest"):
        make_investor(make_user("investor", name=organisation), organisation=organisation)
    arena = make_arena()
    assert {u.name for u in invitation_edits.search_people(arena, query)} == expected


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_admin_people_search(people, query, expected):
    assert {u.name for u in admin_users.search(query).items} == expected


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_audit_log_search_by_actor(people, query, expected):
    for user in people.values():
        audit.record("login", actor=user, target=f"user:{user.id}")
    assert {row.actor.name for row in audit_log.rows(audit_log.search(actor=query).items)} \
        == expected
