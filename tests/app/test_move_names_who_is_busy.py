"""A refused move of a meeting names everyone who is busy, or away, in the chosen slot: when
both people of the meeting already had a meeting there, staff read only the founder's name,
chose another slot for the investor's sake, or moved the founder's other meeting, and then
heard of the investor. Someone busy is also said before a taken table: another table would
not help them."""

from __future__ import annotations

import html

import pytest

from app.extensions import db
from app.models import Meeting
from tests.factories import make_arena, make_meeting, make_participant

SAID = {
    "nb": {"both": "{f} og {i} har begge allerede et møte i tidsluke 3.",
           "busy_before_table": "{f} har allerede et møte i tidsluke 6.",
           "away": "Verken {f} eller {i} er på arenaen i tidsluke 8."},
    "en": {"both": "{f} and {i} both already have a meeting in slot 3.",
           "busy_before_table": "{f} already has a meeting in slot 6.",
           "away": "Neither {f} nor {i} is at the arena in slot 8."},
}


@pytest.fixture(params=["nb", "en"])
def staff_lang(request) -> str:
    return request.param


@pytest.mark.parametrize(("case", "slot", "table"), [
    ("both", 3, 4), ("busy_before_table", 6, 1), ("away", 8, 3)])
def test_a_refused_move_names_who_is_busy(client, staff, staff_lang, case, slot, table):
    arena = make_arena(status="scheduled")
    f1 = make_participant(arena, "founder", leave_slot=7)
    i1 = make_participant(arena, "investor", leave_slot=7)
    f2, i2 = make_participant(arena, "founder"), make_participant(arena, "investor")
    i3 = make_participant(arena, "investor")
    moving = make_meeting(arena, f1, i1, slot=0, table=0)
    make_meeting(arena, f1, i2, slot=2, table=0)  # both busy in slot 3, at other tables
    make_meeting(arena, f2, i1, slot=2, table=1)
    make_meeting(arena, f1, i3, slot=5, table=0)  # the founder busy in slot 6, at table 1

    response = client.post(f"/staff/arenas/{arena.id}/meetings/{moving.id}/move",
                           data={"slot": str(slot), "table": str(table)})

    assert response.status_code == 303
    page = html.unescape(client.get(response.location).get_data(as_text=True))
    said = SAID[staff_lang][case].format(f=f1.user.name, i=i1.user.name)
    assert said in page
    db.session.expire_all()
    assert (db.session.get(Meeting, moving.id).slot, db.session.get(Meeting, moving.id).table) \
        == (0, 0)
