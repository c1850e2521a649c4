"""The schedule page names, at its top, the participants the schedule gives no meeting, each
with why and a link to their place in the per-person list. Building said only "90 meetings
(mutual: 1, ...)", and the two people left without a meeting stood among 32 at the foot of a
long page, where staff found them only if they read it all; the publish page then counted
them ("2 people have no meetings") without naming them."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from tests.factories import make_participant


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def built(client, staff, fitting_room):
    """The fitting room's two founders and two investors, and Camilla Dahl, a founder the
    engine matched with nobody, after a draft is built."""
    arena, founders, investors = fitting_room
    camilla = make_participant(arena, "founder")
    camilla.user.name = "Camilla Dahl"
    db.session.commit()
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    return arena, camilla


@pytest.mark.parametrize("lang, says", [
    ("nb", "1 deltaker har ingen møter: Camilla Dahl. Ingen av dem som kommer, ba om å møte "
           "dem eller ble bedt av dem, og motoren foreslo ingen blant dem som kommer."),
    ("en", "1 participant has no meeting: Camilla Dahl. Nobody coming asked to meet them or "
           "was asked by them, and the engine suggested nobody among those coming."),
])
def test_the_top_of_the_schedule_names_who_has_no_meeting(client, built, lang, says):
    arena, camilla = built
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    box = page[page.index('id="without-meetings"'):]
    box = box[:box.index("</div>")]
    assert says in _text(box).replace(" .", ".").replace(" :", ":")
    assert f'href="#person-{camilla.user_id}"' in box
    assert page.index('id="without-meetings"') < page.index('id="table-1"')


def test_no_box_when_everyone_has_a_meeting_or_before_building(client, staff, fitting_room):
    arena, _founders, _investors = fitting_room
    assert 'id="without-meetings"' not in client.get(
        f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    assert 'id="without-meetings"' not in client.get(
        f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
