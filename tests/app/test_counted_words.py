"""A count and its noun agree in both languages: an arena with one seat, slot, minute or table
said "1 founders", "1 slots of 1 minutes, 1 tables" (nb "1 gründere", "1 tidsluker à 1
minutter"); so did the home page, the arena page and the member import's button."""

from __future__ import annotations

import csv
import io
import re

import pytest

from tests.factories import make_arena, make_investor, make_participant, make_pitch, make_user

ONES = {"founder_capacity": 1, "investor_capacity": 1, "slot_count": 1, "slot_minutes": 1,
        "table_count": 1, "breaks": []}


def _page(client, lang: str, url: str) -> str:
    """The page's text, tags and runs of white space made one space."""
    client.post("/language", data={"lang": lang})
    html = client.get(url).get_data(as_text=True)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(("lang", "seats", "plan"), [
    ("en", "1 founder, 1 investor", "1 slot of 1 minute, 1 table"),
    ("nb", "1 gründer, 1 investor", "1 tidsluke à 1 minutt, 1 bord"),
])
def test_staff_arena_page_says_one_in_the_singular(client, staff, lang, seats, plan):
    arena = make_arena(**ONES)
    page = _page(client, lang, f"/staff/arenas/{arena.id}")
    assert seats in page and plan in page


@pytest.mark.parametrize(("lang", "seats", "plan"), [
    ("en", "2 founders, 3 investors", "2 slots of 15 minutes, 4 tables"),
    ("nb", "2 gründere, 3 investorer", "2 tidsluker à 15 minutter, 4 bord"),
])
def test_staff_arena_page_says_more_in_the_plural(client, staff, lang, seats, plan):
    arena = make_arena(founder_capacity=2, investor_capacity=3, slot_count=2, breaks=[],
                       table_count=4)
    page = _page(client, lang, f"/staff/arenas/{arena.id}")
    assert seats in page and plan in page


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Seats: 1 founder, 1 investor. Every proposed founder should have at least 1 good "
           "investor in the room."),
    ("nb", "Plasser: 1 gründer, 1 investor. Hver foreslått gründer bør ha minst 1 god "
           "investor i rommet."),
])
def test_staff_invitations_page_says_one_in_the_singular(client, staff, lang, text):
    arena = make_arena(**ONES, good_investors_k=1)
    assert text in _page(client, lang, f"/staff/arenas/{arena.id}/invitations")


def test_participant_arena_page_says_one_minute(client, auth):
    arena = make_arena(**ONES)
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    page = _page(client, "en", f"/arenas/{arena.id}")
    assert "one-to-one meetings of 1 minute with people" in page


def test_home_page_counts_one_pitch_and_one_investor(client):
    make_pitch(make_user("founder"))
    make_investor(make_user("investor"))
    page = _page(client, "en", "/")
    assert "1 published pitch · 1 active investor" in page


def test_import_button_for_one_row(client, staff):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["email", "name", "role", "municipality", "organisation", "phone",
                     "sectors"])
    writer.writerow(["en@bedrift.no", "En Person", "founder", "Asker", "", "", ""])
    client.post("/staff/members/import",
                data={"file": (io.BytesIO(out.getvalue().encode()), "m.csv")},
                content_type="multipart/form-data")
    page = _page(client, "en", "/staff/members/import/preview")
    assert "1 to create" in page and " Import 1 row " in page
