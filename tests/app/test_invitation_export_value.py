"""The arena's invitations export gives each person the engine proposed the number the
invitations page shows of them: their match with their best in the room, on average, as a
whole percent ("81 % i snitt"), under a header that says so, the theme counted in as the page
says it. Its "Verdi"/"Value" column held Invitation.value, the sum of the person's pair
values over everyone in the room (2,43 for the 81 % above with three in the room; 9,7 with
twelve), which no page shows and which meant nothing on its own. Someone added by hand has
no value: the cell stays empty (it wrote 0,0, read as "no fit at all", for every invitee of
the demo's arenas, whose invitations are added by staff before the engine has scores)."""

from __future__ import annotations

import csv
import html
import io

import pytest

from tests.factories import make_arena, make_invitation, make_user

HEADER = {"nb": "Match med de beste i rommet, snitt, temaet regnet med (%)",
          "en": "Match with the best in the room, average, the theme counted in (%)"}
PAGE = {"nb": "Match med de 3 beste gründerne i rommet: 81 % i snitt",
        "en": "Match with its 3 best founders in the room: 81% on average"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_export_gives_the_average_the_page_shows(client, staff, lang):
    arena = make_arena()
    make_invitation(arena, make_user("investor", name="Foreslått Investor"), value=9.7,
                    reasons={"value": 2.43, "best": 3, "good": 3, "top": ["A", "B", "C"]})
    make_invitation(arena, make_user("investor", name="Håndplukket Investor"),
                    reasons={"added_by_staff": True})
    client.post("/language", data={"lang": lang})

    text = client.get(f"/exports/arenas/{arena.id}/invitations.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")),
                           delimiter=";" if lang == "nb" else ","))
    value = rows[0].index(HEADER[lang])
    by_name = {row[2]: row[value] for row in rows[1:]}
    assert by_name == {"Foreslått Investor": "81", "Håndplukket Investor": ""}
    page = html.unescape(client.get(f"/staff/arenas/{arena.id}/invitations")
                         .get_data(as_text=True)).replace("\u00a0", " ")
    assert PAGE[lang] in page


def test_an_older_row_without_the_count_of_its_best_uses_its_names(client, staff):
    arena = make_arena()
    make_invitation(arena, make_user("founder", name="Eldre Rad"), value=3.0,
                    reasons={"value": 1.5, "top": ["A", "B"]})
    make_invitation(arena, make_user("founder", name="Uten Verdi"), value=0.0, reasons={})
    client.post("/language", data={"lang": "en"})
    text = client.get(f"/exports/arenas/{arena.id}/invitations.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    value = rows[0].index(HEADER["en"])
    assert {row[2]: row[value] for row in rows[1:]} == {"Eldre Rad": "75", "Uten Verdi": ""}
