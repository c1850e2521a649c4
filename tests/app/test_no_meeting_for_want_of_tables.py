"""When a participant is left without a meeting only because every table is in use at the
times they and someone they could meet are both free, the schedule page says so and what
to do: add tables in the arena's settings, then build again. It said "the times they share
... are taken: those people are busy or at their limit, or every table is in use", three
causes in one, and staff could not tell that a table was all it took (the walked arena: 10
tables for 32 people, 90 meetings filling every table of every slot, two founders without
one). Where the people they could meet are busy or at their limit, it says that alone."""

from __future__ import annotations

import html

import pytest

from app.services import no_meetings
from app.services.no_meetings import Inputs
from tests.factories import make_arena, make_participant, make_score

# founders 1 and 4, investors 2 and 3; one meeting slot (0)
BASE = {"people": (1, 2, 3, 4), "withdrawn": frozenset(),
        "available": {u: frozenset({0}) for u in (1, 2, 3, 4)},
        "caps": {u: 1 for u in (1, 2, 3, 4)}}


def _why(pairs, placed, tables) -> dict[int, str]:
    return no_meetings.reasons(Inputs(**BASE, pairs=frozenset(pairs), placed=placed,
                                      tables=tables))


def test_a_free_partner_and_no_free_table_is_want_of_tables():
    why = _why({(1, 2), (4, 3)}, placed=((4, 3, 0, 0),), tables=1)
    assert why == {1: no_meetings.NO_TABLE, 2: no_meetings.NO_TABLE}


def test_a_busy_partner_is_no_room_and_a_free_table_fits_now():
    assert _why({(1, 3), (4, 3)}, placed=((4, 3, 0, 0),), tables=2)[1] == no_meetings.NO_ROOM
    assert _why({(1, 2), (4, 3)}, placed=((4, 3, 0, 0),), tables=2)[1] == no_meetings.FITS_NOW


@pytest.mark.parametrize("lang, says", [
    ("nb", "Alle bordene er opptatt i tidslukene der både de og noen de kunne møtt, er "
           "ledige. Legg til bord i innstillingene for arenaen, og lag møteplanen på nytt."),
    ("en", "Every table is in use at the times when they and someone they could meet are "
           "both free: add tables in the arena's settings, then build the schedule again."),
])
def test_the_schedule_page_says_to_add_tables(client, staff, lang, says):
    arena = make_arena(slot_count=1, breaks=[], table_count=1)
    founders = [make_participant(arena, "founder") for _ in range(2)]
    investors = [make_participant(arena, "investor") for _ in range(2)]
    for f in founders:
        for i in investors:
            make_score(f, i, 0.8)
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True))
    assert page.count(says) == 4  # two people, at the top and in the per-person list
