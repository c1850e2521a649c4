"""The moderation list had no "Download this list" link, and staff's pitch export ignored the
list's search (q): a staff member who searched the list for a title or a founder got every
pitch of the status and hidden filters instead. The list now links its CSV and Excel export
with its own filters, and the export reads them through the list's own form and query, so
the file holds the rows the list shows."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from openpyxl import load_workbook

from tests.factories import make_pitch, make_user


def _export_links(page: str) -> list[str]:
    block = re.search(r'id="export-list">(.*?)</p>', page, re.S)
    assert block is not None, "no export links on the list"
    return [html.unescape(href) for href in re.findall(r'href="([^"]+)"', block.group(1))]


def _listed_ids(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'<tr data-pitch-id="(\d+)"', page)]


def _csv_ids(response, lang: str) -> list[int]:
    text = response.get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if lang == "nb" else ","))
    return [int(row[0]) for row in rows[1:]]


def _xlsx_ids(response) -> list[int]:
    sheet = load_workbook(io.BytesIO(response.data)).active
    return [int(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.mark.parametrize(("lang", "words"), [
    ("nb", "Last ned denne listen"),
    ("en", "Download this list")])
def test_staff_download_the_moderation_list_they_searched(client, auth, lang, words):
    asker = make_user("founder", association="asker", name="Kari Nordmann")
    by_name = make_user("founder", association="asker", name="Ola Solcelletak")
    make_pitch(asker, title="Solcelletak for skoler")
    make_pitch(asker, title="Solcelletak på låven", status="draft")
    make_pitch(by_name, title="Vindmøller i Modum")  # found by the founder's name
    make_pitch(asker, title="Tareoppdrett i Oslofjorden")
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    page = client.get("/staff/pitches?q=solcelletak&shown=yes").get_data(as_text=True)
    assert words in page
    listed = _listed_ids(page)
    assert len(listed) == 2
    csv_link, xlsx_link = _export_links(page)
    for link, fmt in ((csv_link, "csv"), (xlsx_link, "xlsx")):
        assert link.startswith(f"/exports/pitches.{fmt}?")
        assert "q=solcelletak" in link and "shown=yes" in link
    csv_file, xlsx_file = client.get(csv_link), client.get(xlsx_link)
    assert csv_file.status_code == xlsx_file.status_code == 200
    assert _csv_ids(csv_file, lang) == listed
    assert _xlsx_ids(xlsx_file) == listed


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_staff_pitch_export_follows_the_list_search(client, auth, fmt):
    """Each word of q in the title or the founder's name, as on the list; the other filters
    still apply beside it."""
    founder = make_user("founder", association="asker", name="Ola Havbruk")
    make_pitch(founder, title="Tareoppdrett i Oslofjorden")
    make_pitch(founder, title="Solcelletak for skoler", hidden=True, hidden_reason="Reklame")
    make_pitch(make_user("founder", association="asker"), title="Havbruk uten lus")
    make_pitch(make_user("founder", association="asker"), title="Solcelletak på låven")
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": "nb"})
    for query in ("q=havbruk", "q=HAVBRUK+lus", "q=havbruk&hidden=no", "q=ingenting"):
        listed = _listed_ids(client.get(f"/staff/pitches?{query}").get_data(as_text=True))
        exported = client.get(f"/exports/pitches.{fmt}?{query}")
        assert exported.status_code == 200
        ids = _csv_ids(exported, "nb") if fmt == "csv" else _xlsx_ids(exported)
        assert ids == listed, query
    assert len(_listed_ids(client.get("/staff/pitches?q=havbruk").get_data(as_text=True))) == 3


def test_a_stray_parameter_does_not_break_the_list_or_its_link(client, auth):
    """The links are built from the list's own filters: an extra fmt=… in the address (a
    hand-made or pasted link) once clashed with the export's own fmt."""
    make_pitch(make_user("founder", association="asker"), title="Solcelletak for skoler")
    auth.login(make_user("staff", association="asker").email)
    response = client.get("/staff/pitches?q=solcelletak&fmt=zzz&page=1")
    assert response.status_code == 200
    csv_link, _xlsx = _export_links(response.get_data(as_text=True))
    assert csv_link == "/exports/pitches.csv?q=solcelletak"
