"""A CSV downloaded in bokmål opens as columns in a Norwegian Excel: semicolons between
cells and a decimal comma. With commas, Excel on Norwegian regional settings put each whole
row in column A, and a value such as 1.5 became the date 1 May. English stays comma and
point, and so does the command line."""

from __future__ import annotations

import csv
import io

import pytest

from app.services.exports import csv_text
from tests.factories import make_arena, make_meeting, make_participant, make_user


@pytest.fixture
def meetings_csv(client, auth):
    staff = make_user("staff", association="asker")
    auth.login(staff.email)
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_meeting(arena, founder, investor, value=0.81, source="mutual")

    def download(lang: str) -> str:
        client.post("/language", data={"lang": lang})
        response = client.get(f"/staff/arenas/{arena.id}/export/meetings.csv")
        assert response.status_code == 200
        return response.data.decode("utf-8-sig")

    return download


def test_bokmal_csv_has_semicolons_and_decimal_commas(meetings_csv):
    text = meetings_csv("nb")
    header, row = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert header[:3] == ["Tidsluke", "Tid", "Bord"]
    assert len(row) == len(header)
    assert dict(zip(header, row, strict=True))["Parets match, temaet ikke regnet med (%)"] == "81"
    # the arena exports' match is a whole percent now: the decimal comma, for any decimal
    # number a CSV carries, is the writer's
    assert csv_text(["Verdi"], [[1.5]], norwegian=True) == "Verdi\r\n1,5\r\n"


def test_english_csv_keeps_commas_and_points(meetings_csv):
    text = meetings_csv("en")
    header, row = list(csv.reader(io.StringIO(text)))
    assert header[:3] == ["Slot", "Time", "Table"]
    assert dict(zip(header, row, strict=True))["Pair's match, the theme not counted in (%)"] == "81"
    assert csv_text(["Value", "Time"], [[1.5, "09:00"]]) == "Value,Time\r\n1.5,09:00\r\n"
