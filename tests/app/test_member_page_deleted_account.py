"""A deleted account's member page (/staff/members/<id>) shows what the deletion keeps to
show: "Deleted user", its role, that it is deleted, its pitches' placeholders and its arenas
counted. Before, it still showed the person's municipality, registration date and
association, an investor's profile (type, ticket, sectors, stages), each arena one by one,
and to an admin a link to an administration page that answers 404 for a deleted account:
what the deletion keeps for the associations' counts (the privacy page: "your municipality
and association, for the same counts"), not to tell who the person was."""

from __future__ import annotations

import re

import pytest

from tests.app.leaving import delete_own_account
from tests.app.security.principals import logged_in_client
from tests.factories import (
    make_arena_over,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)

SAYS = {
    "en": {"name": "Deleted user", "deleted": "Deleted by its owner",
           "counts": "Invited: 1 · Answered: 0 · Attended: 1 · Meetings held: 1",
           "counted": "A deleted account's arenas are counted, not listed one by one.",
           "profile": "The investor profile was deleted with the account.",
           "gone": ("Municipality", "Registered", "Asker", "Drammen")},
    "nb": {"name": "Slettet bruker", "deleted": "Slettet av eieren",
           "counts": "Invitert: 1 · Svart: 0 · Møtte: 1 · Gjennomførte møter: 1",
           "counted": "Arenaene til en slettet konto telles, men listes ikke opp hver for seg.",
           "profile": "Investorprofilen ble slettet sammen med kontoen.",
           "gone": ("Kommune", "Registrert", "Asker", "Drammen")},
}


def _words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def _member(role: str):
    """A member of Asker in Drammen's municipality, who came to an Asker arena (one
    meeting held there), then deleted the account."""
    person = make_user(role, municipality="drammen")
    arena = make_arena_over(title="Askers høstarena")
    if role == "founder":
        pitch = make_pitch(person, title="Solkraft på låvetak")
        mine = make_invitation(arena, person, "accepted", pitch_id=pitch.id, attended=True)
        partner = make_user("investor")
        make_investor(partner)
        make_meeting(arena, mine, make_invitation(arena, partner, "accepted", attended=True))
    else:
        make_investor(person, organisation="Fjord Kapital AS", investor_type="angel",
                      ticket_min=500_000, ticket_max=2_000_000, sectors=["energy"])
        mine = make_invitation(arena, person, "accepted", attended=True)
        partner = make_user("founder")
        theirs = make_invitation(arena, partner, "accepted", attended=True,
                                 pitch_id=make_pitch(partner).id)
        make_meeting(arena, theirs, mine)
    return person


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("role", ["founder", "investor"])
def test_a_deleted_accounts_page_shows_only_what_is_kept_to_show(app, role, locale):
    person = _member(role)
    created = person.created_at
    delete_own_account(app, person)
    says = SAYS[locale]
    for viewer in (make_user("staff", locale=locale),
                   make_user("admin", association=None, locale=locale)):
        response = logged_in_client(app, viewer).get(f"/staff/members/{person.id}")
        assert response.status_code == 200
        page = _words(response)
        main = page[page.index(says["name"]):]  # the page below its navigation
        assert says["deleted"] in main and says["counts"] in main and says["counted"] in main
        for word in says["gone"]:
            assert word not in main, word
        assert str(created.year) not in main
        assert "Askers høstarena" not in main  # counted, not listed
        assert "/admin/users/" not in response.get_data(as_text=True)
        if role == "investor":
            assert says["profile"] in main
            assert "Fjord" not in main and "500" not in main
        else:
            assert "Solkraft" not in main


def test_an_active_members_page_is_as_before(app):
    """A guard: the member who has not left still shows all of it."""
    person = _member("founder")
    page = _words(logged_in_client(app, make_user("staff", locale="en"))
                  .get(f"/staff/members/{person.id}"))
    assert "Municipality Drammen" in page and "Registered" in page
    assert "Askers høstarena" in page
    assert SAYS["en"]["counted"] not in page
