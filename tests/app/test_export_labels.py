"""Exports read as the pages read: the fixed lists' labels in the user's language, not the
codes stored (a staff member opening pitches.csv read "food_agriculture; energy", "seed",
"published", "accepted" where the pages say "Mat og landbruk; Energi", "Takket ja")."""

from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from app.extensions import db
from tests.factories import (
    make_arena,
    make_investor,
    make_meeting,
    make_participant,
    make_pitch,
    make_user,
)

CODES = {"energy", "food_agriculture", "seed", "series_a", "equity", "climate_mitigation",
         "capital", "mentoring", "network", "venture_fund", "preferred", "published",
         "founder", "investor", "accepted", "declined", "invited", "mutual", "one_sided",
         "baerum", "True", "False", "yes", "no"}


def _speak(client, lang: str) -> None:
    assert client.post("/language", data={"lang": lang}).status_code in (302, 303)


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response.data.startswith("\ufeff".encode())  # Excel reads æøå only with the BOM
    text = response.data.decode("utf-8")[1:]
    # bokmål downloads are separated by semicolons, as a Norwegian Excel reads them
    first = text.split("\r\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert all(len(row) == len(rows[0]) for row in rows)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _xlsx(response) -> list[dict[str, object]]:
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _no_codes(row: dict) -> None:
    cells = {part.strip() for value in row.values() if isinstance(value, str)
             for part in value.split(";")}
    assert not cells & CODES, cells & CODES


def test_pitch_export_names_the_fixed_lists_in_the_users_language(client, staff):
    make_pitch(make_user("founder", association="asker"), title="Solrikt",
               sectors=["food_agriculture", "energy"], stage="seed", funding_type="equity",
               municipality="ovre_eiker", support_needs=["capital", "mentoring"])
    _speak(client, "nb")
    [row] = _csv(client.get("/exports/pitches.csv"))
    assert row["Bransjer"] == "Mat og landbruk; Energi"
    assert row["Finansieringsform"] == "Egenkapital"
    assert row["Kommune"] == "Øvre Eiker"
    assert row["Miljømål"] == "Begrensning av klimaendringer"
    assert row["Behov for støtte"] == "Kapital; Mentorhjelp"
    assert row["Status"] == "Publisert" and row["Skjult"] == "Nei"
    assert row["Forening"] == "Asker Næringsforening"
    _no_codes(row)
    _speak(client, "en")
    [row] = _csv(client.get("/exports/pitches.csv"))
    assert row["Sectors"] == "Food & agriculture; Energy" and row["Stage"] == "Seed"
    assert row["Status"] == "Published" and row["Hidden"] == "No"
    _no_codes(row)


def test_investor_workbook_names_the_fixed_lists(client, staff):
    make_investor(make_user("investor", association="asker"), stages=["seed", "series_a"],
                  regions=["asker", "baerum"])
    _speak(client, "nb")
    [row] = _xlsx(client.get("/exports/investors.xlsx"))
    assert row["Type"] == "Venturefond" and row["Grønt mandat"] == "Foretrukket"
    assert row["Regioner"] == "Asker; Bærum" and row["Tilbyr"] == "Kapital; Nettverk"
    assert row["Minste investering (kr)"] == 1_000_000  # numbers stay numbers
    _no_codes(row)


def test_arena_exports_name_sides_answers_and_kinds_as_the_staff_pages(client, staff):
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder", attended=True)
    investor = make_participant(arena, "investor")
    make_participant(arena, "investor", state="declined")
    make_meeting(arena, founder, investor, source="mutual", locked=True)
    _speak(client, "nb")
    invitations = _csv(client.get(f"/staff/arenas/{arena.id}/export/invitations.csv"))
    assert [(r["Rolle"], r["Status"]) for r in invitations] == [
        ("Gründer", "Takket ja"), ("Investor", "Takket ja"), ("Investor", "Takket nei")]
    answers = _xlsx(client.get(f"/exports/arenas/{arena.id}/answers.xlsx"))
    assert [(r["Svar"], r["Møtte"]) for r in answers] == [
        ("Takket ja", "Ja"), ("Takket ja", None), ("Takket nei", None)]
    [meeting] = _csv(client.get(f"/staff/arenas/{arena.id}/export/meetings.csv"))
    assert (meeting["Type"], meeting["Låst"]) == ("gjensidig", "Ja")
    for row in (*invitations, *answers, meeting):
        _no_codes(row)
    _speak(client, "en")
    [meeting] = _csv(client.get(f"/staff/arenas/{arena.id}/export/meetings.csv"))
    assert (meeting["Kind"], meeting["Locked"]) == ("mutual", "Yes")


def test_command_line_export_speaks_english(app, tmp_path):
    make_pitch(sectors=["energy"], stage="series_a")
    out = tmp_path / "pitches.csv"
    result = app.test_cli_runner().invoke(args=["export", "pitches", "-o", str(out)])
    assert result.exit_code == 0, result.output
    [row] = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert (row["Sectors"], row["Stage"]) == ("Energy", "Series A")
    db.session.rollback()
