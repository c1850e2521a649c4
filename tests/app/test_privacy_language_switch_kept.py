"""The privacy page says, by the cookie list, what a language switch on a half-filled form
keeps (static/language_keeps_input.js): what was typed stays in this browser tab's session
storage until the page has reloaded, and goes nowhere else."""

from __future__ import annotations

import re

import pytest

SAID = {
    "nb": "Bytter du språk mens et skjema er halvveis utfylt, lagres det du har skrevet bare "
          "i denne nettleserfanen (i fanens øktlager, «session storage») til siden er lastet "
          "inn på nytt, og det sendes aldri noe annet sted.",
    "en": "If you switch the language while a form is half filled in, what you typed is kept "
          "in this browser tab only (its session storage) until the page has reloaded, and is "
          "never sent anywhere else.",
}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_privacy_page_says_what_a_language_switch_keeps(client, lang):
    client.post("/language", data={"lang": lang})
    html = client.get("/privacy").get_data(as_text=True)
    cookies = html.index('id="cookies"')
    text = " ".join(re.sub(r"<[^>]+>", " ", html[cookies:]).split())
    text = text.replace("&#34;", '"').replace("&#39;", "'")
    assert SAID[lang] in text
