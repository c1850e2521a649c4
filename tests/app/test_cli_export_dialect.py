"""`flask export … -o FILE.csv` writes the CSV dialect of the language its headers are in,
as the web exports do: with the site's default bokmål, semicolons between cells (Norwegian
Excel put every row of "ID,Tittel,Sammendrag,…" in column A), CRLF and a BOM."""

from __future__ import annotations

import csv
import io

import pytest

from tests.factories import make_pitch


@pytest.fixture
def app_overrides() -> dict:
    return {"BABEL_DEFAULT_LOCALE": "nb"}  # as in production


def test_bokmal_headers_come_with_semicolons(app, tmp_path):
    make_pitch(title="Sol, vind og vann", sectors=["energy"], stage="series_a")
    out = tmp_path / "pitches.csv"

    result = app.test_cli_runner().invoke(args=["export", "pitches", "-o", str(out)])

    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw and b"\r\r\n" not in raw
    text = raw.decode("utf-8-sig")
    assert text.split("\r\n")[0].startswith("ID;Tittel;Sammendrag;")
    header, row = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(row) == len(header)
    cells = dict(zip(header, row, strict=True))
    assert (cells["Tittel"], cells["Bransjer"], cells["Fase"]) == (
        "Sol, vind og vann", "Energi", "Serie A")
