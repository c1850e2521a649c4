"""The data page says exports follow a list's filters and to "use the export links on that
page", but no list page had any: a founder who had filtered the investors, or an investor
the pitches, had no way to download what they saw. The lists now link their CSV and Excel
export with the page's own filters, and the file holds what the list shows."""

from __future__ import annotations

import html
import re

import pytest

from tests.factories import make_investor, make_pitch, make_user


def _export_links(page: str) -> list[str]:
    block = re.search(r'id="export-list">(.*?)</p>', page, re.S)
    assert block is not None, "no export links on the list"
    return [html.unescape(href) for href in re.findall(r'href="([^"]+)"', block.group(1))]


@pytest.mark.parametrize(("lang", "words"), [("nb", "Last ned denne listen"),
                                             ("en", "Download this list")])
def test_a_founder_downloads_the_investors_the_list_shows(client, auth, lang, words):
    make_investor(organisation="Solkraft Invest", sectors=["energy"])
    make_investor(organisation="Havbruk Kapital", sectors=["maritime"])
    auth.login(make_user("founder").email)
    client.post("/language", data={"lang": lang})
    page = client.get("/investors?sector=energy").get_data(as_text=True)
    assert words in page
    csv_link, xlsx_link = _export_links(page)
    assert csv_link.startswith("/exports/investors.csv?") and "sector=energy" in csv_link
    assert xlsx_link.startswith("/exports/investors.xlsx?") and "sector=energy" in xlsx_link
    exported = client.get(csv_link)
    assert exported.status_code == 200
    text = exported.get_data(as_text=True)
    assert "Solkraft Invest" in text and "Havbruk Kapital" not in text


def test_an_investor_downloads_the_pitches_the_list_shows(client, auth):
    make_pitch(title="Solcelletak for skoler", sectors=["energy"])
    make_pitch(title="Tareoppdrett i Oslofjorden", sectors=["maritime"])
    investor = make_user("investor")
    make_investor(investor)
    auth.login(investor.email)
    page = client.get("/pitches?q=solcelletak").get_data(as_text=True)
    csv_link, _xlsx = _export_links(page)
    assert csv_link.startswith("/exports/pitches.csv?") and "q=solcelletak" in csv_link
    text = client.get(csv_link).get_data(as_text=True)
    assert "Solcelletak for skoler" in text and "Tareoppdrett" not in text


def test_staff_get_no_pitch_list_link_whose_file_would_not_follow_its_filters(client, auth):
    """Staff's pitch export follows the moderation list's filters (status, hidden), not the
    browse list's search, so linking it from the browse list would download another list."""
    make_pitch()
    auth.login(make_user("staff", association="asker").email)
    page = client.get("/pitches?q=solcelletak").get_data(as_text=True)
    assert 'id="export-list"' not in page


@pytest.mark.parametrize(("role", "lang", "sentence", "href"), [
    ("founder", "nb", "filtrer investorlisten og bruk lenken «Last ned denne listen: CSV · "
                      "Excel» der.", "/investors"),
    ("founder", "en", "filter the investor list and use its link “Download this list: CSV · "
                      "Excel”.", "/investors"),
    ("investor", "nb", "filtrer pitchlisten og bruk lenken «Last ned denne listen: CSV · "
                       "Excel» der.", "/pitches"),
    ("staff", "nb", "filtrer modereringslisten eller investorlisten og bruk lenken «Last ned "
                    "denne listen: CSV · Excel» der.", "/staff/pitches"),
    ("staff", "en", "filter the moderation list or the investor list and use its link "
                    "“Download this list: CSV · Excel”.", "/staff/pitches"),
    ("admin", "en", "filter the investor list and use its link “Download this list: CSV · "
                    "Excel”.", "/investors"),
])
def test_the_data_page_points_at_the_lists_download_links(client, auth, role, lang, sentence,
                                                          href):
    """It told people to add the list's filters to the export's address by hand."""
    auth.login(make_user(role).email)
    client.post("/language", data={"lang": lang})
    page = client.get("/exports").get_data(as_text=True)
    text = re.sub(r"<[^>]+>", "", page)
    assert sentence in html.unescape(text)
    assert f'<a href="{href}">' in page
    assert "address" not in text and "adressen" not in text
