"""`flask export … --lang nb|en` chooses the file's language: its headers, the list values in
its cells and, for a CSV, the dialect that goes with them (";" for bokmål, "," for English).
Without it the file is in the site's default language, bokmål in production. Before, the
command ran in a made-up request, and the file was in the site's default language whatever
one wanted. A language the site does not have is refused with the choices, before anything
is written."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.factories import make_pitch


@pytest.fixture
def app_overrides() -> dict:
    return {"BABEL_DEFAULT_LOCALE": "nb"}  # as in production


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


@pytest.fixture
def pitch():
    return make_pitch(title="Sol, vind og vann", sectors=["energy"], stage="series_a")


def _csv(path) -> tuple[list[str], dict[str, str], str]:
    text = path.read_bytes().decode("utf-8-sig")
    first = text.split("\r\n")[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    header, row = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return header, dict(zip(header, row, strict=True)), delimiter


def test_lang_en_writes_english_headers_and_values(app, tmp_path, pitch):
    out = tmp_path / "pitches.csv"
    result = run(app, "export", "pitches", "--lang", "en", "-o", str(out))
    assert result.exit_code == 0, result.output
    header, cells, delimiter = _csv(out)
    assert header[:3] == ["Id", "Title", "Summary"] and delimiter == ","
    assert (cells["Title"], cells["Sectors"], cells["Stage"]) == (
        "Sol, vind og vann", "Energy", "Series A")
    assert "Wrote 1 pitches to" in result.output


@pytest.mark.parametrize("args", [(), ("--lang", "nb")], ids=["default", "nb"])
def test_the_default_and_lang_nb_write_bokmal(app, tmp_path, pitch, args):
    out = tmp_path / "pitches.csv"
    result = run(app, "export", "pitches", *args, "-o", str(out))
    assert result.exit_code == 0, result.output
    header, cells, delimiter = _csv(out)
    assert header[:3] == ["ID", "Tittel", "Sammendrag"] and delimiter == ";"
    assert (cells["Bransjer"], cells["Fase"]) == ("Energi", "Serie A")
    assert "Wrote 1 pitches to" in result.output  # the command itself speaks English


def test_lang_en_reaches_an_xlsx_file_too(app, tmp_path, pitch):
    out = tmp_path / "investors.xlsx"
    result = run(app, "export", "investors", "--format", "xlsx", "--lang", "en",
                 "-o", str(out))
    assert result.exit_code == 0, result.output
    header = [c.value for c in next(load_workbook(out).active.iter_rows(max_row=1))]
    assert header[:3] == ["Id", "Organisation", "Type"]


@pytest.mark.parametrize("lang", ["de", "NB", ""])
def test_a_language_the_site_lacks_is_refused_and_nothing_written(app, tmp_path, pitch,
                                                                   lang):
    out = tmp_path / "pitches.csv"
    result = run(app, "export", "pitches", "--lang", lang, "-o", str(out))
    assert result.exit_code == 2
    assert "Invalid value for '--lang'" in result.output
    assert "'nb'" in result.output and "'en'" in result.output
    assert not out.exists()
