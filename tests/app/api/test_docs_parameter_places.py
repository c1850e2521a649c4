"""The API reference page's "in" column (where a parameter goes) in the reader's language.
The bokmål page, under its heading "Plassering", wrote OpenAPI's English words (query,
path, header) among bokmål descriptions; it now writes "spørrestreng", "sti", "header",
the words its own descriptions use ("spørreparameter", "sti", "headeren"), as the type
column does since 45d8d4e. openapi.json keeps OpenAPI's words, for code."""

from __future__ import annotations

import html
import json
import re

import pytest


def _places(client, lang: str) -> set[str]:
    """Every value of the parameter tables' second column (the tables with that column)."""
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    heading = {"nb": "Plassering", "en": "In"}[lang]
    tables = [t for t in re.findall(r"<table.*?</table>", page, re.S)
              if f'<th scope="col">{heading}</th>' in t]
    assert tables
    return {place for table in tables
            for place in re.findall(r"<tr><td><code>[^<]*</code>(?: \*)?</td><td>([^<]*)</td>",
                                    table)}


def test_the_bokmal_page_says_where_a_parameter_goes_in_bokmal(client):
    assert _places(client, "nb") == {"spørrestreng", "sti", "header"}


def test_the_english_page_keeps_openapis_words(client):
    """Guard: the English page is as before."""
    assert _places(client, "en") == {"query", "path", "header"}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_json_description_keeps_openapis_words(client, lang):
    """Guard: openapi.json is one English document whatever the reader's language."""
    spec = client.get(f"/api/v1/openapi.json?lang={lang}").get_json()
    places = re.findall(r'"in": ?"([^"]*)"', json.dumps(spec))
    assert set(places) == {"query", "path", "header"}
