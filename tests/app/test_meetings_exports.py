"""CSV exports: one guard against spreadsheet formulas, used by every export."""

from __future__ import annotations

import csv
import io

import pytest

from app.services.exports import csv_text, safe_cell
from tests.factories import make_arena, make_meeting, make_participant, make_user


@pytest.mark.parametrize(("value", "expected"), [
    ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("Grønn Kapital AS", "Grønn Kapital AS"),
    ("a=b", "a=b"),
    (None, ""),
    (3, "3"),
    (True, "yes"),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_csv_text_guards_header_and_rows():
    text = csv_text(["=x"], [["@SUM(1)", "ok"]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["'=x"], ["'@SUM(1)", "ok"]]


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    return list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))


def test_exports_neutralise_formulas_typed_by_users(client, auth):
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    founder.user.name = '=HYPERLINK("http://evil.example","click")'
    investor = make_participant(arena, "investor")
    investor.user.name = "+cmd|' /C calc'!A0"
    founder.pitch.title = "@SUM(A1:A9)"
    from app.extensions import db

    db.session.commit()
    make_meeting(arena, founder, investor, slot=0, table=0)
    auth.login(make_user("staff", association="asker").email)
    for kind in ("invitations", "answers", "meetings"):
        rows = rows_of(client.get(f"/staff/arenas/{arena.id}/export/{kind}.csv"))
        cells = [cell for row in rows for cell in row]
        assert len(rows) >= 2
        assert not any(cell.startswith(("=", "+", "@")) for cell in cells), kind
        assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in cells
        assert "'+cmd|' /C calc'!A0" in cells
    meetings = rows_of(client.get(f"/staff/arenas/{arena.id}/export/meetings.csv"))
    assert "'@SUM(A1:A9)" in meetings[1]
    assert client.get(f"/staff/arenas/{arena.id}/export/secrets.csv").status_code == 404
