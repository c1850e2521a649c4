"""Editing an arena cannot leave fewer seats than people who already said yes: the seats are
a hard limit (the room has as many), and an arena with 3 accepted founders cut to 2 seats
left the room over-full with nobody told."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Arena
from tests.app.test_arenas_staff import arena_form
from tests.factories import make_arena, make_invitation, make_participant, make_user


@pytest.fixture
def arena():
    arena = make_arena(founder_capacity=4, investor_capacity=4)
    for _ in range(3):
        make_participant(arena, "founder")
    for _ in range(2):
        make_participant(arena, "investor")
    make_invitation(arena, make_user("founder"))  # invited, no answer yet: not counted
    return arena


def _form(arena: Arena, **overrides) -> dict:
    values = {"version": str(arena.version), "date": str(arena.date),
              "rsvp_deadline": arena.rsvp_deadline_utc.strftime("%Y-%m-%dT%H:%M"),
              "slot_count": "8", "breaks": "5", "table_count": "4",
              "founder_capacity": "4", "investor_capacity": "4", "title": "Nytt navn"}
    values.update(overrides)
    return arena_form(**values)


def _unchanged(arena: Arena) -> None:
    db.session.expire_all()
    saved = db.session.get(Arena, arena.id)
    assert (saved.founder_capacity, saved.investor_capacity) == (4, 4)
    assert saved.title == "Grønn arena"


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "3 founders have already said yes: keep at least 3 seats for founders."),
    ("nb", "3 gründere har allerede takket ja: behold minst 3 plasser til gründere."),
])
def test_fewer_founder_seats_than_accepted_is_refused(client, staff, arena, lang, message):
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, founder_capacity="2"))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    _unchanged(arena)


def test_fewer_investor_seats_than_accepted_is_refused(client, staff, arena):
    client.post("/language", data={"lang": "en"})
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, investor_capacity="1"))
    assert response.status_code == 422
    assert ("2 investors have already said yes: keep at least 2 seats for investors."
            in response.get_data(as_text=True))
    _unchanged(arena)


def test_seats_down_to_the_accepted_count_are_saved(client, staff, arena):
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, founder_capacity="3", investor_capacity="2"))
    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Arena, arena.id)
    assert (saved.founder_capacity, saved.investor_capacity) == (3, 2)
