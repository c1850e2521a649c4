"""The arena's meetings export gives the pair's match score as its Value and leaves the cell
empty for a pair that meets because they asked to, without a score: the schedule stored the
scheduler's floor for them (0.01), and the export's "0,01" read as a weak match."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from app.extensions import db
from app.models import MeetingRequest
from tests.factories import make_arena, make_participant, make_score


def _people(arena):
    """Three founders and one investor: one founder asked to meet (mutual, no score), one
    asked and has a score, one is the engine's suggestion."""
    asked, asked_scored, suggested = (make_participant(arena, "founder") for _ in range(3))
    investor = make_participant(arena, "investor")
    make_score(asked_scored, investor, 0.4)
    make_score(suggested, investor, 0.625)
    for founder in (asked, asked_scored):
        db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=founder.user_id,
                                      to_user_id=investor.user_id, state="accepted"))
    db.session.commit()
    return {f.user.name: name for f, name in ((asked, "asked"),
                                              (asked_scored, "asked, scored"),
                                              (suggested, "suggested"))}


def test_a_requested_meeting_without_a_score_has_no_value_in_the_export(client, staff):
    arena = make_arena()
    names = _people(arena)
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    client.post("/language", data={"lang": "nb"})
    text = client.get(f"/staff/arenas/{arena.id}/export/meetings.csv").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    founder, value = rows[0].index("Gründer"), rows[0].index("Verdi")
    assert {names[row[founder]]: row[value] for row in rows[1:]} == {
        "asked": "", "asked, scored": "0,4", "suggested": "0,625"}
    response = client.get(f"/exports/arenas/{arena.id}/meetings.xlsx")
    assert response.status_code == 200
    header, *cells = load_workbook(io.BytesIO(response.data)).active.iter_rows(
        values_only=True)
    founder, value = header.index("Gründer"), header.index("Verdi")
    assert {names[row[founder]]: row[value] for row in cells} == {
        "asked": None, "asked, scored": 0.4, "suggested": 0.625}
