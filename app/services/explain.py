"""Match explanations in the reader's language, composed from translatable fragments.

The engine returns reason codes (strongest first) and the terms both texts share; each code
has one fragment here, and the sentence joins the strongest few with "; ". In bokmål:
"Både pitchen og investoren nevner solenergi og batterilagring; trinnet passer; ønsket
beløp ligger i investorens intervall."

A support partner (vocabulary.PARTNER) is matched for its support, not for money: its
sentence opens with the support it offers that the pitch asks for, by name, and never speaks
of an amount. The partner and the pitch's needs are read from what the session holds already
(a page has loaded its own pitch or profile; the score carries the other side); explaining
never loads a row (match_sides).

The sentence speaks to its reader where the reader is one of the two (`viewpoint`): on an
investor's own recommendations "the amount asked lies within your range", on a founder's
own pitch "the investor offers the support you need". Staff, the API's recommendations and
anyone else read the neutral third person (viewpoint None); the API's agenda gives the
agenda page's sentence, to its reader (agenda.why_you_match).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from babel.lists import format_list
from flask import g, has_app_context
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app import vocabulary
from app.services import own_words, set_fit
from app.services.match_sides import (
    FOUNDER,
    INVESTOR,
    UNLOADED,
    investor_of,
    loaded,
    pitch_of,
    stated,
)
from matching import EngineWeights
from matching.explain import NOT_NAMED, nameable

MAX_FRAGMENTS = 4
MAX_TERMS = 3

# One fragment per reason code of the engine (matching/explain.py).
FRAGMENTS = {
    "sector_overlap": _l("the sectors overlap"),
    "stage_fit": _l("the stage fits"),
    # The place is one the investor names, not where it sits: "same municipality" read as
    # if both were in one, of an investor naming 15 places. "Covers" fits a partner too.
    "same_location": _l("the investor covers the pitch's municipality"),
    "same_region": _l("the investor covers places near the pitch's municipality"),
    "ticket_in_range": _l("the amount asked lies within the investor's range"),
    "ticket_near": _l("the amount asked is close to the investor's range"),
    "green_match": _l("the green objectives match"),
    "support_match": _l("the investor offers the support the founder needs"),
    "funding_match": _l("the funding type fits"),
    "active_investor": _l("the investor is active"),
}
# The fragments a side reads otherwise about itself; None: not said to that side. An
# investor is not told they are active: it is so on every card of theirs and tells one pitch
# from another nothing (their activity bar is left out there too, cards._OWN_SIDE).
OWN_FRAGMENTS = {
    FOUNDER: {
        "support_match": _l("the investor offers the support you need"),
        "same_location": _l("the investor covers your municipality"),
        "same_region": _l("the investor covers places near your municipality"),
    },
    INVESTOR: {
        "same_location": _l("you cover the pitch's municipality"),
        "same_region": _l("you cover places near the pitch's municipality"),
        "ticket_in_range": _l("the amount asked lies within your range"),
        "ticket_near": _l("the amount asked is close to your range"),
        "support_match": _l("you offer the support the founder needs"),
        "active_investor": None,
    },
}
# A partner has no ticket: an amount reason could only come from a range left over from an
# earlier type.
_NOT_FOR_PARTNERS = frozenset({"ticket_in_range", "ticket_near"})
# Words the sentence never names as shared (filler, places: matching.explain.NOT_NAMED), with
# all of the app's municipalities: the engine's place list lacks a few, and scores stored
# before a rebuild were picked without the list.
_NOT_NAMED = NOT_NAMED | frozenset(
    word for name in vocabulary.MUNICIPALITIES.values() if isinstance(name, str)
    for word in name.lower().split())


def _fragments(viewpoint: str | None = None) -> dict[str, str]:
    """The fixed fragments, as `viewpoint` reads them, in the current locale; translated
    once per request: a page explains 20 matches, and each gettext call has a cost."""
    key = (str(get_locale()), viewpoint)
    cache = g.setdefault("_koble_explain_texts", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        texts = dict(FRAGMENTS, **OWN_FRAGMENTS.get(viewpoint, {}))
        found = cache[key] = {code: str(text) for code, text in texts.items()
                              if text is not None}
    return found


def terms_fragment(terms: list[str], viewpoint: str | None = None) -> str:
    """ "both the pitch and the investor mention a, b and c"; to the founder "both your
    pitch and the investor ...", to the investor "both the pitch and your profile ..." """
    listed = format_list([t for t in terms if t][:MAX_TERMS], locale=get_locale())
    if viewpoint == FOUNDER:
        return _("both your pitch and the investor mention %(terms)s", terms=listed)
    if viewpoint == INVESTOR:
        return _("both the pitch and your profile mention %(terms)s", terms=listed)
    return _("both the pitch and the investor mention %(terms)s", terms=listed)


def partner_support(match) -> tuple[str, ...] | None:
    """For a support partner: the support kinds it offers that the pitch needs, in the
    vocabulary's order ((): not known here). None when the investor is no partner, or its
    type is not at hand."""
    investor = investor_of(match)
    if loaded(investor, "investor_type") != vocabulary.PARTNER:
        return None
    needs, offers = loaded(pitch_of(match), "support_needs"), loaded(investor, "support_offers")
    if needs is None or offers is None:
        return ()
    return tuple(k for k in vocabulary.SUPPORT_KINDS
                 if k != "capital" and k in needs and k in offers)


# The sentence's reasons for the set facets follow the facts their bars' words follow
# (set_fit.verdicts), not the engine's threshold: the engine says "stage_fit" only above 0.5,
# and the cosine of one stage against the four an investor names is exactly 0.5, so the bar
# read "Fits (1 of the 4 stages you name)" while the sentence never said the stage fits.
# Rule: where a bar has words, its reason is said iff the words say so: the stage and the
# funding type fit when the pitch's is one the investor names; the sectors overlap when
# they share one ("Partly" is an overlap too); the investor covers the pitch's municipality
# when it names it, places near it when only the county is shared ("Near").
# Support is left to the engine (a partner's sentence names its support itself, and
# "offers the support you need" is no word for offering one kind of three). A reason the
# facts add takes its place among the engine's by the default weight times the component,
# the engine's own order (matching/explain.py, reasons); the engine's codes, scores and
# ranking are untouched.
_VERDICT_CODES = {
    "sectors": {"fits": "sector_overlap", "partly": "sector_overlap"},
    "stage": {"fits": "stage_fit"},
    "location": {"fits": "same_location", "near": "same_region"},
    "funding": {"fits": "funding_match"},
}
_CODE_COMPONENT = {code: component for component, codes in _VERDICT_CODES.items()
                   for code in codes.values()}
_DEFAULT_WEIGHTS = EngineWeights()


def said_reasons(match, verdicts: set_fit.Verdicts | None = None) -> tuple[str, ...]:
    """The engine's reason codes for `match`, with those of the set facets whose bars have
    words (set_fit.verdicts) made to agree with them (the rule above _VERDICT_CODES).
    `verdicts`: set_fit.verdicts(match), when the caller has it for the bars' words too."""
    codes = list(match.reasons or ())
    if verdicts is None:
        verdicts = set_fit.verdicts(match)
    ticket = _ticket_code(match, codes)
    if not verdicts and ticket is _AS_THE_ENGINE_SAID:
        return tuple(codes)
    components = match.components or {}

    def weight(code: str) -> float:
        component = _CODE_COMPONENT.get(code) or _ENGINE_COMPONENT.get(code)
        if component is None or component not in components:
            return 0.0
        return getattr(_DEFAULT_WEIGHTS, component) * float(components[component])

    def say(component: str, wanted: str | None) -> None:
        nonlocal codes
        codes = [c for c in codes if (_CODE_COMPONENT.get(c) or _ENGINE_COMPONENT.get(c))
                 != component or c == wanted]
        if wanted is not None and wanted not in codes:
            mine = weight(wanted)
            at = next((i for i, c in enumerate(codes) if weight(c) < mine), len(codes))
            codes.insert(at, wanted)

    for component, (verdict, *_facts) in verdicts.items():
        if component in _VERDICT_CODES:
            say(component, _VERDICT_CODES[component].get(verdict))
    if ticket is not _AS_THE_ENGINE_SAID:
        say("ticket", ticket)
    return tuple(codes)


# The amount's reason follows the ask and the range, not the engine's 0.999 threshold: the
# engine reads the fit off quarter-decade bins (matching/ticket.py), so an ask just inside
# the range can score 0.998 ("close to the investor's range", under a bar of 100 %) and
# one just outside 0.999 ("within"). Inside the range the sentence says so; outside it says
# "close" where the engine gave the amount a reason at all, and nothing where it gave none.
_AS_THE_ENGINE_SAID = object()
_INSIDE_AT_LEAST = 0.98


def _ticket_code(match, codes: list[str]):
    """The amount's reason code the facts support ("ticket_in_range", "ticket_near" or
    None), or _AS_THE_ENGINE_SAID when the ask or the range is not at hand or not stated."""
    ask = stated(pitch_of(match), "ask_nok")
    investor = investor_of(match)
    low, high = stated(investor, "ticket_min"), stated(investor, "ticket_max")
    if (UNLOADED in (ask, low, high) or not ask or (not low and not high)
            or stated(investor, "investor_type") in (UNLOADED, vocabulary.PARTNER)):
        return _AS_THE_ENGINE_SAID  # a partner has no ticket (_NOT_FOR_PARTNERS)
    value = (match.components or {}).get("ticket")
    if value is None:
        return _AS_THE_ENGINE_SAID
    if low and high and low > high:
        low, high = high, low
    if (not low or low <= ask) and (not high or ask <= high):
        # inside the range the bins give at least 0.982; less is a score from before an
        # edit of the ask or the range, and its reasons stay as they were (set_fit's rule)
        return "ticket_in_range" if float(value) >= _INSIDE_AT_LEAST else _AS_THE_ENGINE_SAID
    engine_said = {"ticket_in_range", "ticket_near"} & set(codes)
    return "ticket_near" if engine_said else None


# The component of each of the engine's other reason codes, to place an added one.
_ENGINE_COMPONENT = {
    "text_overlap": "text", "ticket_in_range": "ticket", "ticket_near": "ticket",
    "green_match": "green", "support_match": "support", "active_investor": "activity",
}


def _partner_fragment(kinds: tuple[str, ...], viewpoint: str | None = None) -> str:
    if not kinds:
        if viewpoint == FOUNDER:
            return _("the partner offers the support you need")
        if viewpoint == INVESTOR:
            return _("you offer the support the founder needs")
        return _("the partner offers the support the founder needs")
    names = format_list([vocabulary.label(vocabulary.SUPPORT_KINDS, k).lower() for k in kinds],
                        locale=get_locale())
    if viewpoint == FOUNDER:
        return _("the partner offers %(kinds)s, which you ask for", kinds=names)
    if viewpoint == INVESTOR:
        return _("you offer %(kinds)s, which the founder asks for", kinds=names)
    return _("the partner offers %(kinds)s, which the founder asks for", kinds=names)


def fragments(reasons: list[str], shared_terms: list[str],
              partner: tuple[str, ...] | None = None,
              viewpoint: str | None = None) -> list[str]:
    """Translated fragments: the shared terms first (the most telling), then the strongest
    other reasons in the engine's order. For a partner (`partner` = partner_support()), the
    support it brings comes first: the engine weighs support lightly, so in the engine's
    order it falls behind four other reasons and would go unsaid. `viewpoint`: the reader's
    side, FOUNDER or INVESTOR (None: a third party's neutral wording)."""
    out: list[str] = []
    codes = list(reasons or ())
    shared_terms = [t for t in shared_terms or () if t and nameable(t, _NOT_NAMED)]
    if shared_terms and ("text_overlap" in codes or not codes):
        out.append(terms_fragment(shared_terms, viewpoint))
    if partner is not None:
        if partner or "support_match" in codes:
            out.insert(0, _partner_fragment(partner, viewpoint))
        codes = [c for c in codes if c not in _NOT_FOR_PARTNERS and c != "support_match"]
    translated = _fragments(viewpoint)
    for code in codes:
        if len(out) == MAX_FRAGMENTS:
            break
        if code in translated:
            out.append(translated[code])
    return out


def sentence(reasons: list[str], shared_terms: list[str],
             partner: tuple[str, ...] | None = None, viewpoint: str | None = None) -> str:
    """One sentence: fragments joined by "; ", first letter capitalised, full stop."""
    parts = fragments(reasons, shared_terms, partner, viewpoint)
    if not parts:
        return _("A weak match: little in common beyond the basics.")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def explain(match, viewpoint: str | None = None,
            reasons: Sequence[str] | None = None) -> str:
    """The sentence for a stored MatchScore or an engine MatchResult, as the reader's side
    (`viewpoint`: FOUNDER, INVESTOR; None for staff, the API, anyone else) reads it.
    `reasons`: said_reasons(match), when the caller has them already."""
    return sentence_in(str(get_locale()), match, viewpoint, reasons)


def sentence_in(locale: str, match, viewpoint: str | None = None,
                reasons: Sequence[str] | None = None) -> str:
    """explain() for a locale the caller has looked up already (the current one)."""
    if viewpoint not in (None, FOUNDER, INVESTOR):
        raise ValueError(f"no such viewpoint: {viewpoint!r}")
    if reasons is None:
        reasons = said_reasons(match)
    terms = tuple(match.shared_terms or ())
    if viewpoint == INVESTOR:  # the investor's own page quotes their profile as they wrote it
        terms = own_words.in_own_words(terms, loaded(investor_of(match), "thesis"))
    return _sentence_in(locale, tuple(reasons), terms, partner_support(match), viewpoint)


@lru_cache(maxsize=8192)
def _sentence_in(locale: str, reasons: tuple[str, ...], terms: tuple[str, ...],
                 partner: tuple[str, ...] | None, viewpoint: str | None) -> str:
    """sentence() for the current locale, kept per process: every page view of the same
    match formats the same sentence (Babel list formatting and gettext calls). The
    viewpoint is part of the key: a founder never gets the investor's wording."""
    return sentence(list(reasons), list(terms), partner, viewpoint)
