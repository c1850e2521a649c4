"""Staff see the contact details of their association's members and of the people their
association's arenas invited, not of someone who is only on a draft list. Before, a row
proposed by the engine or added by hand (never sent) counted as an invitation: an Asker
staff member could add any founder or investor of another association to a draft list and
download their e-mail address in the invitations export, or see it in the person search."""

from __future__ import annotations

import csv
import io

from app.services.contacts import can_see_contacts
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_invitation, make_pitch, make_user


def _founder(email: str, association: str):
    user = make_user("founder", email=email, association=association)
    make_pitch(user)
    return user


def _people():
    arena = make_arena(status="inviting")  # hosted by Asker
    proposed = _founder("proposed@drammen.no", "drammen")
    waiting = _founder("waiting@drammen.no", "drammen")
    invited = _founder("invited@drammen.no", "drammen")
    own = _founder("own@asker.no", "asker")
    make_invitation(arena, proposed, state="proposed")
    make_invitation(arena, waiting, state="waiting_list")
    make_invitation(arena, invited, state="invited")
    make_invitation(arena, own, state="proposed")
    return arena, proposed, waiting, invited, own


def _emails(client, arena) -> dict[str, str]:
    body = client.get(f"/exports/arenas/{arena.id}/invitations.csv").get_data(as_text=True)
    body = body.lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(body), delimiter=";" if ";" in body.split("\n")[0]
                           else ","))
    return {row[2]: row[3] for row in rows[1:]}


def test_a_draft_lists_people_of_other_associations_keep_their_address(app, client, staff):
    arena, proposed, waiting, invited, own = _people()
    emails = _emails(client, arena)
    assert emails[proposed.name] == "" and emails[waiting.name] == ""
    assert emails[invited.name] == "invited@drammen.no"
    assert emails[own.name] == "own@asker.no"
    assert not can_see_contacts(staff, proposed) and not can_see_contacts(staff, waiting)
    assert can_see_contacts(staff, invited)


def test_the_person_search_shows_no_address_for_someone_only_proposed(app, client, staff):
    arena, proposed, *_rest = _people()
    page = client.get(f"/staff/arenas/{arena.id}/invitations",
                      query_string={"q": proposed.name}).get_data(as_text=True)
    assert proposed.name in page and "proposed@drammen.no" not in page


def test_an_admin_sees_every_address(app):
    arena, proposed, waiting, *_rest = _people()
    client = app.test_client()
    log_in(client, make_user("admin", association=None))
    emails = _emails(client, arena)
    assert emails[proposed.name] == "proposed@drammen.no"
    assert emails[waiting.name] == "waiting@drammen.no"


def test_someone_invited_to_another_of_our_arenas_is_seen(app, client, staff):
    arena, proposed, *_rest = _people()
    make_invitation(make_arena(status="scheduled"), proposed, state="accepted")
    assert can_see_contacts(staff, proposed)
    assert _emails(client, arena)[proposed.name] == "proposed@drammen.no"

