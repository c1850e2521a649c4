"""The API reference page's type column in the reader's language. The bokmål page wrote
JSON Schema's English words in every row ("array of string", "integer", "object", …)
among bokmål descriptions; it now writes "liste av tekst", "heltall", "objekt". Schema
names (PitchOut) and enum values (seed) are the API's own and stay; openapi.json keeps
JSON Schema's words, for clients and code generators."""

from __future__ import annotations

import html
import re

import pytest

WORDS = {
    "en": ["string", "integer", "number", "boolean", "object", "array of string",
           "string | null", "integer | null", "array of PitchOut"],
    "nb": ["tekst", "heltall", "tall", "sann/usann", "objekt", "liste av tekst",
           "tekst | null", "heltall | null", "liste av PitchOut"],
}


def _types(client, lang: str) -> set[str]:
    """Every type the page shows: the parameters' and fields' type cells and the responses'
    types, enum values left off."""
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    cells = (re.findall(r"</td><td>([^<]*)</td><td>", page)  # and the "in" column
             + re.findall(r" — <code>([^<]*)</code></li>", page))
    return {cell.split(" (")[0] for cell in cells} - {"query", "path", "header", "spørrestreng",
                                                      "sti"}


def test_the_bokmal_page_writes_types_in_bokmal(client):
    types = _types(client, "nb")
    assert set(WORDS["nb"]) <= types, sorted(types)
    english = {"string", "integer", "number", "boolean", "object", "array"}
    assert not [t for t in types if english & set(re.split(r"[ |&]+", t))], sorted(types)
    assert {"PitchOut", "PitchOut | null"} <= types  # schema names stay


def test_enum_values_stay_the_apis_own(client):
    page = html.unescape(client.get("/api/v1/docs?lang=nb").get_data(as_text=True))
    assert "<td>tekst (idea, pre_seed, seed, series_a, growth)</td>" in page


def test_the_english_page_keeps_json_schemas_words(client):
    """Guard: the English page is as before."""
    types = _types(client, "en")
    assert set(WORDS["en"]) <= types, sorted(types)
    assert not {"tekst", "heltall", "objekt"} & types


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_json_description_keeps_json_schemas_words(client, lang):
    """Guard: openapi.json is one English document whatever the reader's language."""
    spec = client.get(f"/api/v1/openapi.json?lang={lang}").get_data(as_text=True)
    assert '"type": "integer"' in spec or '"type":"integer"' in spec
    assert "heltall" not in spec and "liste av" not in spec
