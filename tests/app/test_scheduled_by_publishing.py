"""An arena becomes "Scheduled" by publishing its meeting schedule, not by a button. The staff
arena page offered "Move to “Scheduled”" on an inviting arena, and publishing moves the
arena on by itself, so the button only ever acted before publication: there it closed the
invitation list and the invitees' own times, sent nobody an agenda and told nobody, and the
participants' agendas read as if the meetings were being planned when nothing was built
(what building a draft did until it left the arena inviting). Now the page does not offer
it and says that publishing moves the arena on; a stale form is refused with nothing
changed. An inviting arena that has taken place without a published schedule, which went
through "Scheduled" to be marked done, can be marked done directly."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Invitation
from tests.app.status_moves import offers, stored_status
from tests.factories import make_arena, make_arena_over, make_participant, make_user

NOTE = {"en": "The arena becomes “Scheduled” when you publish its meeting schedule.",
        "nb": "Arenaen blir «Planlagt» når du publiserer møteplanen."}
DONE_LATER = "The arena can be marked “Done” once it has taken place."


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_publishing_not_a_button_moves_the_arena_to_scheduled(client, staff, fitting_room,
                                                              lang):
    arena = fitting_room[0]
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert not offers(page, "scheduled") and NOTE[lang] in page
    assert offers(page, "cancelled") and not offers(page, "done")
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert client.post(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 302
    assert stored_status(arena) == "scheduled"
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert NOTE[lang] not in page
    assert not offers(page, "done")  # not before the arena has taken place


def test_a_stale_move_to_scheduled_changes_nothing(client, auth, staff):
    arena = make_arena()
    me = make_participant(arena, "founder")
    client.post("/language", data={"lang": "en"})
    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "scheduled"})
    assert NOTE["en"] in client.get(response.location).get_data(as_text=True)
    assert stored_status(arena) == "inviting"
    assert not db.session.scalar(select(AuditEvent).filter_by(action="arena_status"))
    # the invitation list is still open, and so are the invitees' own times
    newcomer = make_user("investor")
    assert client.post(f"/staff/arenas/{arena.id}/invitations/add",
                       data={"user_id": str(newcomer.id)}).status_code == 302
    assert db.session.scalar(select(Invitation).filter_by(arena_id=arena.id,
                                                          user_id=newcomer.id))
    auth.logout()
    auth.login(me.user.email)
    assert client.post(f"/arenas/{arena.id}/times", data={"arrive_slot": "1",
                                                          "leave_slot": "3"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, me.id).arrive_slot == 1


def test_an_inviting_arena_is_marked_done_once_it_has_taken_place(client, staff):
    upcoming, over = make_arena(), make_arena_over(status="inviting")
    client.post("/language", data={"lang": "en"})
    assert not offers(client.get(f"/staff/arenas/{upcoming.id}").get_data(as_text=True),
                       "done")
    response = client.post(f"/staff/arenas/{upcoming.id}/status", data={"to": "done"})
    assert DONE_LATER in client.get(response.location).get_data(as_text=True)
    assert stored_status(upcoming) == "inviting"
    page = client.get(f"/staff/arenas/{over.id}").get_data(as_text=True)
    assert offers(page, "done") and not offers(page, "scheduled")
    assert NOTE["en"] not in page  # a held arena's draft can no longer be published
    client.post(f"/staff/arenas/{over.id}/status", data={"to": "done"})
    assert stored_status(over) == "done"
