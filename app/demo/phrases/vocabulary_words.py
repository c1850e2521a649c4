"""The app vocabulary's funding types, support kinds and stages in running text, per language
(pitches and investor theses both use them)."""

from __future__ import annotations

FUNDING_WORDS = {
    "nb": {"equity": "egenkapital", "convertible_loan": "konvertibelt lån", "loan": "lån",
           "grant": "tilskudd", "partnership": "del av et partnerskap"},
    "en": {"equity": "equity", "convertible_loan": "a convertible loan", "loan": "a loan",
           "grant": "a grant", "partnership": "part of a partnership"},
}

SUPPORT_WORDS = {
    "nb": {"capital": "kapital", "mentoring": "mentorhjelp", "competence": "kompetanse",
           "premises": "lokaler", "network": "nettverk", "pilot_customer": "pilotkunder"},
    "en": {"capital": "capital", "mentoring": "mentoring", "competence": "expertise",
           "premises": "premises", "network": "networks", "pilot_customer": "pilot "
           "customers"},
}

STAGE_WORDS = {
    "nb": {"idea": "idéfase", "pre_seed": "pre-seed", "seed": "seed",
           "series_a": "serie A", "growth": "vekstfase"},
    "en": {"idea": "idea stage", "pre_seed": "pre-seed", "seed": "seed",
           "series_a": "series A", "growth": "growth"},
}
