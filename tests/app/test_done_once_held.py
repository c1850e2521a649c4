"""A scheduled arena is marked "Done" once it has taken place, not before. The staff arena
page offered "Move to “Done”" on every scheduled arena, and "done" reads as over everywhere
(Arena.held): marked days early it closed the answers, the participants' times and
cancelling, the meeting requests and every change to the arena, opened the feedback on
meetings not yet held and counted them as "met before". Now the page says when it can be
marked done where the button was, and a stale form is refused with nothing changed; the
rule is the one an inviting arena already had."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, AuditEvent
from app.models.user import utcnow
from tests.app.status_moves import offers, stored_status
from tests.factories import make_arena, make_arena_over, make_participant

NOTE = {"en": "The arena can be marked “Done” once it has taken place.",
        "nb": "Arenaen kan settes til «Gjennomført» når den har funnet sted."}


def _published(**fields) -> Arena:
    return make_arena(status="scheduled", schedule_published_at=utcnow(),
                      scheduled_at=utcnow(), schedule_sequence=1, **fields)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_upcoming_scheduled_arena_is_not_offered_done(client, staff, lang):
    arena = _published()
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert not offers(page, "done") and offers(page, "cancelled")
    assert NOTE[lang] in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_stale_move_to_done_changes_nothing(client, auth, staff, lang):
    arena = _published()
    me = make_participant(arena, "founder")
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "done"})
    assert NOTE[lang] in client.get(response.location).get_data(as_text=True)
    assert stored_status(arena) == "scheduled"
    assert not db.session.scalar(select(AuditEvent).filter_by(action="arena_status"))
    # the participant can still cancel their participation, as before the arena
    auth.logout()
    auth.login(me.user.email)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code == 302
    db.session.expire_all()
    assert db.session.get(type(me), me.id).state == "cancelled"


def test_a_scheduled_arena_that_took_place_is_marked_done(client, staff):
    arena = make_arena_over(schedule_published_at=utcnow(), scheduled_at=utcnow())
    client.post("/language", data={"lang": "en"})
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert offers(page, "done") and NOTE["en"] not in page
    client.post(f"/staff/arenas/{arena.id}/status", data={"to": "done"})
    assert stored_status(arena) == "done"
