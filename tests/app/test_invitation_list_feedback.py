"""The staff's invitation list says what each change did, and comes back to the row: a
reorder names the place and whom it took a seat from, a removal can be undone, free seats
are said with a way to fill them, and reminders are offered only to someone awaiting one."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import Invitation
from tests.factories import make_arena, make_invitation, make_pitch, make_user


@pytest.fixture
def staff(auth):
    user = make_user("staff", association="asker")
    auth.login(user.email)
    return user


def _founder(name: str):
    owner = make_user("founder", name=name)
    make_pitch(owner)
    return owner


def _flashes(page) -> str:
    """The text of the page's flashed messages, with their categories."""
    html = page.get_data(as_text=True)
    found = re.findall(r'<div class="alert alert-(\w+) alert-dismissible"[^>]*>(.*?)'
                       r'<button type="button" class="btn-close"', html, re.S)
    return " | ".join(f"{c}: {re.sub(r'<[^>]+>', '', t).strip()}" for c, t in found)


def _list(client, arena, name, state, added_by_staff=False, rank=0):
    """Put a founder called `name` on the arena's unsent list."""
    reasons = {"added_by_staff": True} if added_by_staff else {"value": 0.5, "best": 1}
    return make_invitation(arena, _founder(name), state=state, rank=rank, reasons=reasons)


def _states(arena) -> list[tuple[str, str]]:
    db.session.expire_all()
    rows = db.session.query(Invitation).filter_by(arena_id=arena.id, side="founder").order_by(
        Invitation.rank).all()
    return [(r.user.name, r.state) for r in rows]


def _move(client, arena, invitation, direction):
    return client.post(f"/staff/arenas/{arena.id}/invitations/{invitation.id}/move",
                       data={"direction": direction})


def test_a_move_says_the_new_place_and_comes_back_to_the_row(client, staff):
    arena = make_arena(status="draft", founder_capacity=3)
    _list(client, arena, "Anne", "proposed", rank=1)
    bo = _list(client, arena, "Bo", "proposed", rank=2)
    response = _move(client, arena, bo, "up")
    assert response.status_code == 302
    assert response.location.endswith(f"/staff/arenas/{arena.id}/invitations#inv-{bo.id}")
    page = client.get(response.location)
    assert _flashes(page) == "success: Bo moved up to place 1."
    assert f'<tr id="inv-{bo.id}"' in page.get_data(as_text=True)
    # at the top already: said, nothing else
    assert _flashes(client.get(_move(client, arena, bo, "up").location)) == (
        "info: Bo is first on the list already.")


def test_moving_above_the_line_names_who_went_to_the_waiting_list(client, staff):
    """Åse, added by staff, went from proposed back to the waiting list without a word."""
    arena = make_arena(status="draft", founder_capacity=2)
    _list(client, arena, "Anne", "proposed", rank=1)
    _list(client, arena, "Åse", "proposed", added_by_staff=True, rank=2)
    carl = _list(client, arena, "Carl", "waiting_list", rank=3)
    page = client.get(_move(client, arena, carl, "up").location)
    assert _states(arena) == [("Anne", "proposed"), ("Carl", "proposed"),
                              ("Åse", "waiting_list")]
    assert _flashes(page) == (
        "warning: Carl moved up to place 2. Carl now has a seat. Åse, added by hand, moved "
        "to the waiting list; move them up again to give back the seat.")
    # and back down: Carl leaves the seat, Åse gets it again
    page = client.get(_move(client, arena, carl, "down").location)
    assert _flashes(page) == (
        "success: Carl moved down to place 3. Carl is now on the waiting list. Åse moved up "
        "from the waiting list and has a seat.")


def test_a_move_message_in_bokmal(client, staff):
    arena = make_arena(status="draft", founder_capacity=1)
    _list(client, arena, "Anne", "proposed", rank=1)
    bo = _list(client, arena, "Bo", "waiting_list", rank=2)
    client.post("/language", data={"lang": "nb"})
    page = client.get(_move(client, arena, bo, "up").location)
    assert _flashes(page) == (
        "success: Bo flyttet opp til plass 1. Bo har nå en plass. "
        "Anne ble flyttet til ventelisten.")
