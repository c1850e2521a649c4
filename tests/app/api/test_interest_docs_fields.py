"""PUT /api/v1/interests' description says which field a 422 names (e0d3e01): `pitch_id`
for a founder's interest on their own pitch that investors do not see."""

from __future__ import annotations

import html

import pytest


def test_the_description_names_pitch_id_for_ones_own_unseen_pitch(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    description = spec["paths"]["/api/v1/interests"]["put"]["description"]
    assert "with the reason under `pitch_id` in `fields`" in " ".join(description.split())


@pytest.mark.parametrize("lang, words", [
    ("en", "with the reason under pitch_id in fields"),
    ("nb", "med grunnen under pitch_id i fields"),
])
def test_the_docs_page_says_it_in_the_readers_language(client, lang, words):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    page = page.replace("<code>", "").replace("</code>", "")
    assert words in " ".join(page.split())
