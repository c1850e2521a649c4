"""/api/v1/docs reads in the reader's language throughout: its intro, operation summaries
and descriptions, parameter, response and field descriptions, which the bokmål page showed
in English (they come from docstrings and schema metadata, not from gettext calls). The
JSON description stays one English document, for clients and code generators."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.api.doc_texts import page_texts

ROOT = Path(__file__).resolve().parents[3]

# (English, bokmål): the intro, a summary from a docstring, an operation description, a
# parameter's, a response's and a field's
SAMPLES = [
    ("Koble's JSON API. Authenticate every request with a personal API token",
     "Kobles JSON-API. Autentiser hver forespørsel med en personlig API-nøkkel"),
    ("The caller's own account.", "Din egen konto: den nøkkelen tilhører."),
    ("404 for a pitch or investor you cannot answer",
     "404 for en pitch eller investor du ikke kan svare på"),
    ("their list is always their own pitches, drafts included",
     "listen deres er alltid deres egne pitcher, utkast medregnet"),
    ("No token, or one that is invalid, expired or revoked",
     "Ingen nøkkel, eller en som er ugyldig, utløpt eller trukket tilbake"),
    ("a newer one on the server gives 409, unless it already holds exactly what you send",
     "en nyere på serveren gir 409, med mindre den allerede har nøyaktig det du sender"),
]


def _text(page: str) -> str:
    """The page's words as a reader sees them (tags and code examples left out)."""
    page = re.sub(r"<pre.*?</pre>|<code>.*?</code>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_every_text_the_docs_page_shows_has_bokmal():
    """A new endpoint's English (a docstring, a description=) must not stay English on the
    bokmål page: `make messages` collects it (app/api/doc_texts.py) and it needs bokmål."""
    texts = page_texts()
    assert "The caller's own account." in texts  # a docstring
    assert "Total number of items." in texts  # flask-smorest's own schema
    assert len(texts) > 80
    with (ROOT / "translations/nb/LC_MESSAGES/messages.po").open("rb") as handle:
        catalogue = {m.id: m for m in read_po(handle, locale="nb") if m.id}
    missing = [t for t in texts if t not in catalogue or catalogue[t].fuzzy
               or not catalogue[t].string]
    assert not missing, f"no bokmål for these texts of /api/v1/docs: {missing}"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_docs_page_reads_in_the_readers_language(client, lang):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    shown, hidden = (0, 1) if lang == "en" else (1, 0)
    for sample in SAMPLES:
        assert sample[shown] in page
        assert sample[hidden] not in page


def test_the_bokmal_docs_page_has_no_english_prose_left(client):
    """It had about 160 "the" in its summaries and descriptions."""
    words = re.findall(r"[A-Za-z']+", _text(
        client.get("/api/v1/docs?lang=nb").get_data(as_text=True)))
    assert not [w for w in words if w.lower() in ("the", "your", "you", "with", "when")]


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_json_description_stays_english(client, lang):
    response = client.get(f"/api/v1/openapi.json?lang={lang}",
                          headers={"Accept-Language": lang})
    spec = response.get_json()
    assert spec["info"]["description"].startswith("Koble's JSON API.")
    assert spec["paths"]["/api/v1/me"]["get"]["summary"] == "The caller's own account."
    assert "Kobles" not in response.get_data(as_text=True)


def test_the_page_says_the_json_description_is_english(client):
    page = client.get("/api/v1/docs?lang=nb").get_data(as_text=True)
    assert "(på engelsk: den ene beskrivelsen, for klienter og kodegeneratorer)" in page
