"""CSV exports: one guard against spreadsheet formulas, used by every export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

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


@pytest.mark.parametrize(("stored", "shown"), [
    (datetime(2026, 1, 15, 6, 10, 13, 4238), "2026-01-15 07:10"),  # winter: UTC+1
    (datetime(2026, 7, 1, 6, 10, tzinfo=UTC), "2026-07-01 08:10"),  # summer: UTC+2
    (date(2026, 7, 1), "2026-07-01"),
])
def test_times_are_shown_on_the_associations_clock_to_the_minute(stored, shown):
    # Times are stored in UTC (naive on SQLite, aware on PostgreSQL); a staff member reading
    # "06:10:13.004238" took an answer given at 07:10 in Asker for one given at 06:10.
    assert safe_cell(stored) == shown


def test_answer_times_in_the_arena_export_are_local(client, auth):
    from app.extensions import db

    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    founder.answered_at = datetime(2026, 10, 26, 6, 10, 13, 4238)
    db.session.commit()
    auth.login(make_user("staff", association="asker").email)
    rows = rows_of(client.get(f"/staff/arenas/{arena.id}/export/answers.csv"))
    assert "2026-10-26 07:10" in [cell for row in rows for cell in row]


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
