"""The word tokens of a mixed Norwegian bokmål / English text, its language, and how it
writes its words: what `text_analysis.Analyzer` reads a text as before any glossary or
stemmer, and what `TextVectorizer` names a pitch's own spellings by."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from .glossary import ENGLISH_STOP_WORDS, NORWEGIAN_STOP_WORDS

TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Web and e-mail addresses say where, not what: "https://example.no/examples" would make
# "example" a shared term of two texts that both link somewhere.
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
NORWEGIAN_LETTERS = re.compile(r"[æøå]")
# What may come right before the first word of a sentence, a title or a list item.
_SENTENCE_START = frozenset(".!?:…\n-*•#>|")
_BEFORE_WORD = frozenset(" \t\"'«»“”‘’([")
_PARTS = re.compile(r"[-']")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of `text` (hyphenated words kept whole), addresses left out."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    if "://" in text or "@" in text or "www." in text:  # the regex costs 2× the rest
        text = _ADDRESS.sub(" ", text)
    return TOKEN.findall(text)


def language(tokens: Sequence[str]) -> str:
    """Guess "nb" or "en" from stop-word counts (Norwegian letters break ties)."""
    nb = sum(map(NORWEGIAN_STOP_WORDS.__contains__, tokens))
    en = sum(map(ENGLISH_STOP_WORDS.__contains__, tokens))
    if nb != en:
        return "nb" if nb > en else "en"
    return "nb" if any(NORWEGIAN_LETTERS.search(t) for t in tokens) else "en"


def written_forms(text: str) -> dict[str, str]:
    """Lower-cased token → how `text` writes it, for the tokens it never writes in lower
    case and writes as more than a sentence's capital: "co2" → "CO2", "saas" → "SaaS",
    "sintef" → "SINTEF", a name within a sentence ("Buildly"). A word capitalised only at the
    start of a sentence stays out ("Solceller på taket." names "solceller")."""
    text = unicodedata.normalize("NFKC", text or "")
    if "://" in text or "@" in text or "www." in text:
        text = _ADDRESS.sub(" ", text)
    toks = TOKEN.findall(text)
    # Every token and every part of one ("CO2-utslipp": "CO2", "utslipp"): a lower-cased
    # key among them is one the text writes in lower case somewhere.
    written = set(toks)
    cased = {t for t in written if t != t.lower()}
    if not cased:  # a token in lower case has its parts in lower case too
        return {}
    for t in [t for t in written if "-" in t or "'" in t]:
        written.update(_PARTS.split(t))
    inner: dict[str, str] = {}  # an upper-case letter after the first: an acronym
    named: dict[str, str] = {}  # capitalised within a sentence
    for m in TOKEN.finditer(text):
        whole = m.group()
        if whole not in cased:
            continue
        # the parts of "CO2-utslipp" too: a compound's part is named on its own ("CO2")
        for token in (whole, *_PARTS.split(whole)) if _PARTS.search(whole) else (whole,):
            key = token.lower()
            if token == key:
                continue
            elif token[1:] != token[1:].lower():
                inner.setdefault(key, token)
            elif key not in named:
                i = m.start() - 1
                while i >= 0 and text[i] in _BEFORE_WORD:
                    i -= 1
                if i >= 0 and text[i] not in _SENTENCE_START:
                    named[key] = token
    return {key: form for key, form in {**named, **inner}.items() if key not in written}
