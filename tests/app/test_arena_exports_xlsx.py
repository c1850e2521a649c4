"""The arena's own pages offer each export in Excel beside its CSV, and the Excel file holds
typed cells: staff work in Excel, and the arena pages linked CSV only (the Data page had the
.xlsx, with every time written as text). Numbers are numbers, times are Excel times and
dates on the associations' clock, a match is a percent cell (0.81 shown 81 %)."""

from __future__ import annotations

import html
import io
import re
from datetime import datetime, time

import pytest
from openpyxl import load_workbook

from app.extensions import db
from tests.factories import make_arena, make_meeting, make_participant, make_user

LINKS = {"nb": ("Invitasjoner (Excel)", "Svar (Excel)", "Møter (Excel)"),
         "en": ("Invitations (Excel)", "Answers (Excel)", "Meetings (Excel)")}
CSV_LINKS = {"nb": ("Invitasjoner (CSV)", "Svar (CSV)", "Møter (CSV)"),
             "en": ("Invitations (CSV)", "Answers (CSV)", "Meetings (CSV)")}
HEADERS = {
    "nb": {"invitations": ("Rolle", "Rangering", "Navn",
                           "Match med de beste i rommet, snitt, temaet regnet med (%)",
                           "Tidspunkt for invitasjon"),
           "answers": ("Navn", "Tidspunkt for svar", "Kommer i tidsluke", "Går før tidsluke"),
           "meetings": ("Tidsluke", "Tid", "Bord", "Gründer",
                        "Parets match, temaet ikke regnet med (%)")},
    "en": {"invitations": ("Role", "Rank", "Name",
                           "Match with the best in the room, average, the theme counted in (%)",
                           "Invited at"),
           "answers": ("Name", "Answered at", "Arrives in slot", "Leaves before slot"),
           "meetings": ("Slot", "Time", "Table", "Founder",
                        "Pair's match, the theme not counted in (%)")},
}
# 26 October 2026 06:10:13 UTC is 07:10 in Asker (winter time since the 25th)
STORED = datetime(2026, 10, 26, 6, 10, 13, 4238)
LOCAL = datetime(2026, 10, 26, 7, 10)


@pytest.fixture
def arena():
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder", rank=2, invited_at=STORED,
                               answered_at=STORED, arrive_slot=1, leave_slot=6,
                               reasons={"value": 2.43, "best": 3, "good": 3,
                                        "top": ["A", "B", "C"]})
    founder.user.name = "Kari Gründer"
    investor = make_participant(arena, "investor")
    db.session.commit()
    make_meeting(arena, founder, investor, slot=2, table=1, value=0.8123)
    return arena


def _sheet(client, url: str) -> tuple[dict, list]:
    """{header: cell} of the first data row (the founder's) of the .xlsx at url, and the
    header."""
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    header, *rows = load_workbook(io.BytesIO(response.data)).active.iter_rows()
    names = [c.value for c in header]
    return dict(zip(names, rows[0], strict=True)), names


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_excel_cells_are_typed(client, staff, arena, lang):
    client.post("/language", data={"lang": lang})
    head = HEADERS[lang]

    row, names = _sheet(client, f"/exports/arenas/{arena.id}/invitations.xlsx")
    assert set(head["invitations"]) <= set(names)
    side, rank, _name, match, invited = (row[h] for h in head["invitations"])
    assert rank.value == 2 and rank.data_type == "n"
    assert match.value == 0.81 and match.number_format == "0%"  # shown 81 %, as the page
    assert invited.is_date and invited.value == LOCAL
    assert invited.number_format == "yyyy-mm-dd hh:mm"

    row, names = _sheet(client, f"/exports/arenas/{arena.id}/answers.xlsx")
    _name, answered, arrives, leaves = (row[h] for h in head["answers"])
    assert answered.is_date and answered.value == LOCAL
    assert (arrives.value, leaves.value) == (2, 7) and arrives.data_type == "n"

    row, names = _sheet(client, f"/exports/arenas/{arena.id}/meetings.xlsx")
    slot, at, table, founder, match = (row[h] for h in head["meetings"])
    assert (slot.value, table.value) == (3, 2) and slot.data_type == "n"
    assert at.is_date and at.value == time(9, 30) and at.number_format == "hh:mm"
    assert founder.value == "Kari Gründer" and founder.data_type == "s"
    assert match.value == 0.81 and match.number_format == "0%"


def test_the_csv_keeps_its_text(client, staff, arena):
    """The same rows as CSV read as before: local time to the minute, 09:30, a whole 81."""
    client.post("/language", data={"lang": "en"})
    meetings = client.get(f"/staff/arenas/{arena.id}/export/meetings.csv").get_data(
        as_text=True)
    assert meetings.splitlines()[1].startswith("3,09:30,2,Kari Gründer,")
    assert meetings.splitlines()[1].endswith(",81")
    answers = client.get(f"/staff/arenas/{arena.id}/export/answers.csv").get_data(as_text=True)
    assert ",2026-10-26 07:10,2,7," in answers


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_arena_pages_link_excel_beside_csv(client, staff, arena, lang):
    client.post("/language", data={"lang": lang})
    for page in (f"/staff/arenas/{arena.id}", f"/staff/arenas/{arena.id}/invitations",
                 f"/staff/arenas/{arena.id}/schedule", f"/staff/arenas/{arena.id}/attendance"):
        text = html.unescape(client.get(page).get_data(as_text=True))
        # the page's links and its Download menu's items
        links = re.findall(r'<a class="(?:nav-link|dropdown-item)[^"]*"[^>]* href="([^"]+)">'
                           r'([^<]+)</a>', text)
        words = [w for _href, w in links]
        for kind, csv_words, excel_words in zip(("invitations", "answers", "meetings"),
                                                CSV_LINKS[lang], LINKS[lang], strict=True):
            assert (f"/exports/arenas/{arena.id}/{kind}.xlsx", excel_words) in links, page
            # beside its CSV, not somewhere else in the row of links
            assert words.index(excel_words) == words.index(csv_words) + 1, page


def test_excel_follows_the_csv_rules_of_access(client, auth, arena):
    """Whoever may download the arena's CSV may download its Excel, and nobody else: staff
    of a hosting association and admins; not staff of another association (404, the arena
    is not revealed), not founders or investors (403), not anonymous visitors (login)."""
    other_staff = make_user("staff", association="modum")
    people = {"anonymous": None, "founder": make_user("founder"),
              "investor": make_user("investor"), "other staff": other_staff,
              "hosting staff": make_user("staff", association="asker"),
              "admin": make_user("admin")}
    codes = {}
    for who, user in people.items():
        auth.logout()
        if user is not None:
            auth.login(user.email)
        for kind in ("invitations", "answers", "meetings"):
            got = (client.get(f"/staff/arenas/{arena.id}/export/{kind}.csv").status_code,
                   client.get(f"/exports/arenas/{arena.id}/{kind}.xlsx").status_code)
            codes.setdefault(who, set()).add(got)
    assert codes == {"anonymous": {(302, 302)}, "founder": {(403, 403)},
                     "investor": {(403, 403)}, "other staff": {(404, 404)},
                     "hosting staff": {(200, 200)}, "admin": {(200, 200)}}


def test_a_name_like_a_formula_is_text_in_excel(client, staff):
    """Guard: as in the CSV (test_meetings_exports), a name a user typed never runs."""
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    founder.user.name = '=HYPERLINK("http://evil.example","click")'
    investor = make_participant(arena, "investor")
    investor.user.name = "+cmd|' /C calc'!A0"
    founder.pitch.title = "@SUM(A1:A9)"
    db.session.commit()
    make_meeting(arena, founder, investor)
    for kind in ("invitations", "answers", "meetings"):
        response = client.get(f"/exports/arenas/{arena.id}/{kind}.xlsx")
        cells = [c for row in load_workbook(io.BytesIO(response.data)).active.iter_rows()
                 for c in row]
        for value in ('=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0"):
            [cell] = [c for c in cells if c.value == value]
            assert cell.data_type == "s", (kind, value)  # shown as written, never run
        assert not [c for c in cells if c.data_type == "f"], kind
