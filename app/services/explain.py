"""Match explanations in the reader's language, composed from translatable fragments.

The engine returns reason codes (strongest first) and the terms both texts share; each code
has one fragment here, and the sentence joins the strongest few with "; ". In bokmål:
"Både pitchen og investoren nevner solenergi og batterilagring; trinnet passer; ønsket
beløp ligger i investorens intervall."
"""

from __future__ import annotations

from functools import lru_cache

from babel.lists import format_list
from flask import g, has_app_context
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

MAX_FRAGMENTS = 4
MAX_TERMS = 3

# Component names as shown next to their bars.
COMPONENT_LABELS = {
    "text": _l("Description"),
    "sectors": _l("Sectors"),
    "stage": _l("Stage"),
    "location": _l("Location"),
    "green": _l("Green objectives"),
    "support": _l("Support"),
    "funding": _l("Funding type"),
    "ticket": _l("Amount"),
    "activity": _l("Investor activity"),
    "focus": _l("Investor focus"),
}

# One fragment per reason code of the engine (matching/explain.py).
FRAGMENTS = {
    "sector_overlap": _l("the sectors overlap"),
    "stage_fit": _l("the stage fits"),
    "same_location": _l("same municipality"),
    "same_region": _l("same region"),
    "ticket_in_range": _l("the amount asked lies within the investor's range"),
    "ticket_near": _l("the amount asked is close to the investor's range"),
    "green_match": _l("the green objectives match"),
    "support_match": _l("the investor offers the support the founder needs"),
    "funding_match": _l("the funding type fits"),
    "active_investor": _l("the investor is active"),
}


def _translated() -> dict:
    """The fixed fragments and the component labels in the current locale, translated once
    per request: a page explains 20 matches, and each gettext call has a cost."""
    key = str(get_locale())
    cache = g.setdefault("_koble_explain_texts", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        found = cache[key] = {
            "fragments": {code: str(text) for code, text in FRAGMENTS.items()},
            "labels": tuple((name, str(label)) for name, label in COMPONENT_LABELS.items()),
        }
    return found


def component_labels() -> tuple[tuple[str, str], ...]:
    """(name, translated label) of every component, in the chart's order."""
    return _translated()["labels"]


def terms_fragment(terms: list[str]) -> str:
    """ "both the pitch and the investor mention a, b and c" """
    shown = [t for t in terms if t][:MAX_TERMS]
    return _("both the pitch and the investor mention %(terms)s",
             terms=format_list(shown, locale=get_locale()))


def fragments(reasons: list[str], shared_terms: list[str]) -> list[str]:
    """Translated fragments: the shared terms first (the most telling), then the strongest
    other reasons in the engine's order."""
    out: list[str] = []
    codes = list(reasons or ())
    if shared_terms and ("text_overlap" in codes or not codes):
        out.append(terms_fragment(shared_terms))
    translated = _translated()["fragments"]
    for code in codes:
        if len(out) == MAX_FRAGMENTS:
            break
        if code in translated:
            out.append(translated[code])
    return out


def sentence(reasons: list[str], shared_terms: list[str]) -> str:
    """One sentence: fragments joined by "; ", first letter capitalised, full stop."""
    parts = fragments(reasons, shared_terms)
    if not parts:
        return _("A weak match: little in common beyond the basics.")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def explain(match) -> str:
    """The sentence for a stored MatchScore or an engine MatchResult."""
    return sentence_in(str(get_locale()), match)


def sentence_in(locale: str, match) -> str:
    """explain() for a locale the caller has looked up already (the current one)."""
    return _sentence_in(locale, tuple(match.reasons or ()), tuple(match.shared_terms or ()))


@lru_cache(maxsize=8192)
def _sentence_in(locale: str, reasons: tuple[str, ...], terms: tuple[str, ...]) -> str:
    """sentence() for the current locale, kept per process: every page view of the same
    match formats the same sentence (Babel list formatting and gettext calls)."""
    return sentence(list(reasons), list(terms))


def component_bars(components: dict[str, float]) -> list[dict]:
    """Bars for a template: label, percent (0–100) and the .w-score-N class step (0–10)."""
    bars = []
    for name, label in component_labels():
        if name not in (components or {}):
            continue
        value = max(0.0, min(1.0, float(components[name])))
        bars.append({"name": name, "label": label, "percent": round(value * 100),
                     "step": round(value * 10)})
    return bars


def percent(score: float) -> int:
    """A score in [0, 1] as a whole percent."""
    return round(max(0.0, min(1.0, float(score or 0))) * 100)
