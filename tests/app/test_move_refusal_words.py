"""A refused move of a meeting says what the schedule has in the same words whichever number
was wrong, and its row keeps both numbers typed. A table outside the plan read "Choose a
table between 1 and 6." while a slot outside it read "There is no slot 9. Enter a slot from
1 to 8 (slot 5 is a break) and a table from 1 to 6.": two wordings of one rule on one row
(QA on the staff schedule, 8 Dec). Now the table's refusal is said as the slot's."""

from __future__ import annotations

import html
import re

import pytest

from app.extensions import db
from app.models import Meeting
from tests.factories import make_arena, make_meeting, make_participant

RANGE = {"en": "Enter a slot from 1 to 8 (slot 5 is a break) and a table from 1 to 6.",
         "nb": "Skriv inn en tidsluke fra 1 til 8 (tidsluke 5 er en pause) og et bord fra 1 "
               "til 6."}
NO_TABLE = {"en": "There is no table %d.", "nb": "Det finnes ingen bord %d."}
NO_SLOT = {"en": "There is no slot %d.", "nb": "Det finnes ingen tidsluke %d."}


def _refused_move(client, lang: str, slot: str, table: str) -> tuple[Meeting, str]:
    arena = make_arena(status="scheduled", table_count=6)
    moving = make_meeting(arena, make_participant(arena, "founder"),
                          make_participant(arena, "investor"), slot=0, table=0)
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{moving.id}/move",
                           data={"slot": slot, "table": table})
    assert response.status_code == 303
    return moving, html.unescape(client.get(response.location).get_data(as_text=True))


def _typed(page: str) -> list[tuple[str, str]]:
    """The refused row's (name, value) of its slot and table fields."""
    return re.findall(r'<input[^>]*name="(slot|table)"[^>]*value="([^"]*)"[^>]*'
                      r'aria-invalid="true"', page)


def _unmoved(moving: Meeting) -> None:
    db.session.expire_all()
    row = db.session.get(Meeting, moving.id)
    assert (row.slot, row.table, row.locked) == (0, 0, False)


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("table", ["7", "0"])
def test_a_table_outside_the_plan_is_said_as_a_slot_outside_it(client, staff, lang, table):
    moving, page = _refused_move(client, lang, "3", table)
    assert f"{NO_TABLE[lang] % int(table)} {RANGE[lang]}" in page
    assert _typed(page) == [("slot", "3"), ("table", table)]
    _unmoved(moving)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_slot_outside_the_plan_keeps_both_numbers_typed(client, staff, lang):
    """Guard: the slot's refusal, the wording the table's now follows."""
    moving, page = _refused_move(client, lang, "9", "4")
    assert f"{NO_SLOT[lang] % 9} {RANGE[lang]}" in page
    assert _typed(page) == [("slot", "9"), ("table", "4")]
    _unmoved(moving)
