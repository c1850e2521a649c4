"""The arena's meetings export gives the pair's match as the pages show it, a whole percent
under "Pair's match, the theme not counted in (%)" (was "Match (%)"): the participants page
says "Match: 81 %" of a pair whose stored score is 0.8123, while the export's "Verdi"/"Value"
held 0,812, a number no page shows. In the .xlsx the cell is that percent as Excel's own
(0.81 formatted 0%, shown 81 %). A pair that meets
because they asked to, without a score, has an empty cell: the schedule stored the
scheduler's floor for them (0.01), and the export's "0,01" read as a weak match."""

from __future__ import annotations

import csv
import html
import io

import pytest
from openpyxl import load_workbook

from app.extensions import db
from app.models import MeetingRequest
from tests.factories import make_arena, make_participant, make_score

HEADER = {"nb": ("Gründer", "Parets match, temaet ikke regnet med (%)"),
          "en": ("Founder", "Pair's match, the theme not counted in (%)")}
PAGE = {"nb": "Match: 81 %", "en": "Match: 81%"}


def _people(arena):
    """Three founders and one investor: one founder asked to meet (mutual, no score), one
    asked and has a score, one is the engine's suggestion."""
    asked, asked_scored, suggested = (make_participant(arena, "founder") for _ in range(3))
    investor = make_participant(arena, "investor")
    make_score(asked_scored, investor, 0.4)
    make_score(suggested, investor, 0.8123)
    for founder in (asked, asked_scored):
        db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=founder.user_id,
                                      to_user_id=investor.user_id, state="accepted"))
    db.session.commit()
    return {f.user.name: name for f, name in ((asked, "asked"),
                                              (asked_scored, "asked, scored"),
                                              (suggested, "suggested"))}, suggested


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_meetings_export_gives_the_match_the_pages_show(client, auth, staff, lang):
    arena = make_arena()
    names, suggested = _people(arena)
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    client.post("/language", data={"lang": lang})
    text = client.get(f"/staff/arenas/{arena.id}/export/meetings.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")),
                           delimiter=";" if lang == "nb" else ","))
    founder, value = (rows[0].index(h) for h in HEADER[lang])
    assert {names[row[founder]]: row[value] for row in rows[1:]} == {
        "asked": "", "asked, scored": "40", "suggested": "81"}

    response = client.get(f"/exports/arenas/{arena.id}/meetings.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    header, *cells = sheet.iter_rows()
    founder, value = (next(i for i, c in enumerate(header) if c.value == h)
                      for h in HEADER[lang])
    assert {names[row[founder].value]: row[value].value for row in cells} == {
        "asked": None, "asked, scored": 0.4, "suggested": 0.81}
    assert {row[value].number_format for row in cells if row[value].value is not None} == {
        "0%"}

    # what the suggested founder reads of the pair on the arena's participants page
    auth.logout()
    auth.login(suggested.user.email)
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get(f"/arenas/{arena.id}/participants")
                         .get_data(as_text=True)).replace("\u00a0", " ")
    assert PAGE[lang] in page
