"""Send on the invitation list, with every seat taken and people on the waiting list, says
that the seats are full and how to invite more. It said "There is nobody to invite. Ask for
a proposal or add people." while 21 founders waited on the list, and a proposal would only
have answered that every seat is taken. With nobody waiting, the old words still stand."""

from __future__ import annotations

import html

import pytest

from tests.factories import make_arena, make_invitation, make_user

SAYS = {
    "nb": "Alle plassene er tatt av noen som er invitert eller har takket ja, så ingen på "
          "ventelisten kan inviteres nå. Legg til plasser i arenaens innstillinger for å "
          "invitere flere.",
    "en": "Every seat is taken by someone invited or accepted, so nobody on the waiting list "
          "can be invited now. Add seats in the arena's settings to invite more.",
}


def _send_page(client, arena) -> str:
    response = client.get(f"/staff/arenas/{arena.id}/invitations/send")
    assert response.status_code == 302
    return html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_full_seats_with_a_waiting_list_say_to_add_seats(client, staff, lang):
    arena = make_arena(founder_capacity=1, investor_capacity=1)
    make_invitation(arena, make_user("founder"), state="accepted")
    make_invitation(arena, make_user("investor"), state="invited")
    make_invitation(arena, make_user("founder"), state="waiting_list", rank=2)
    client.post("/language", data={"lang": lang})
    page = _send_page(client, arena)
    assert SAYS[lang] in page
    assert "Ask for a proposal" not in page and "Be om et forslag eller" not in page


def test_nobody_waiting_still_says_ask_for_a_proposal(client, staff):
    arena = make_arena(founder_capacity=1, investor_capacity=1)
    make_invitation(arena, make_user("founder"), state="accepted")
    page = _send_page(client, arena)
    assert "There is nobody to invite. Ask for a proposal or add people." in page
