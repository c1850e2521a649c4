"""POST /api/v1/pitches/{id}/unpublish says what unpublishing does, as the pitch page says it
before asking (877b37c, templates/pitches/confirm_unpublish.html): the API reference gave
only "Turn your published pitch back into a draft", and the endpoint does not ask first, so
a client had nothing to tell its user before calling it."""

from __future__ import annotations

import html
import re

import pytest

PATH = "/api/v1/pitches/{pitch_id}/unpublish"
SAID = {
    "en": ["which only you can see", "nobody can say they are interested in it",
           "contact details already shared stay shared",
           "a meeting schedule the organisers make while it is a draft gives you no meetings",
           "brings the answers back", "ask your user before you call it"],
    "nb": ["som bare du kan se", "ingen kan si at de er interessert i den",
           "kontaktopplysninger som alt er delt, forblir delt",
           "en møteplan arrangørene lager mens den er et utkast, gir deg ingen møter",
           "kommer svarene tilbake", "spør brukeren din før du kaller det"],
}


def test_the_json_description_says_what_unpublishing_does(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    described = " ".join(spec["paths"][PATH]["post"]["description"].split())
    for words in SAID["en"]:
        assert words in described


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_docs_page_says_it_in_the_readers_language(client, lang):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    page = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    for words in SAID[lang]:
        assert words in page, words
