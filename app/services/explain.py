"""Match explanations in the reader's language, composed from translatable fragments.

The engine returns reason codes (strongest first) and the terms both texts share; each code
has one fragment here, and the sentence joins the strongest few with "; ". In bokmål:
"Både pitchen og investoren nevner solenergi og batterilagring; trinnet passer; ønsket
beløp ligger i investorens intervall."

A support partner (vocabulary.PARTNER) is matched for its support, not for money: its
sentence opens with the support it offers that the pitch asks for, by name, and never speaks
of an amount. The partner and the pitch's needs are read from what the session holds already
(a page has loaded its own pitch or profile; the score carries the other side); explaining
never loads a row.

The sentence speaks to its reader where the reader is one of the two (`viewpoint`): on an
investor's own recommendations "the amount asked lies within your range", on a founder's
own pitch "the investor offers the support you need". Staff, the API and anyone else read
the neutral third person (viewpoint None).
"""

from __future__ import annotations

from functools import lru_cache

from babel.lists import format_list
from babel.numbers import format_percent
from flask import g, has_app_context
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import NoInspectionAvailable
from sqlalchemy.orm.util import identity_key

from app import vocabulary
from app.models import InvestorProfile, Pitch
from matching import EngineWeights
from matching.explain import NOT_NAMED, nameable
from matching.facets import REGIONS, normalize_location

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
FOUNDER, INVESTOR = "founder", "investor"  # the reader's side (viewpoint), None: neutral
# The fragments a side reads otherwise about itself; None: not said to that side. An
# investor is not told they are active: it is so on every card of theirs and tells one pitch
# from another nothing (their activity bar is left out there too, cards._OWN_SIDE).
OWN_FRAGMENTS = {
    FOUNDER: {
        "support_match": _l("the investor offers the support you need"),
    },
    INVESTOR: {
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


def _translated(viewpoint: str | None = None) -> dict:
    """The fixed fragments (as `viewpoint` reads them) and the component labels in the
    current locale, translated once per request: a page explains 20 matches, and each
    gettext call has a cost."""
    key = (str(get_locale()), viewpoint)
    cache = g.setdefault("_koble_explain_texts", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        texts = dict(FRAGMENTS, **OWN_FRAGMENTS.get(viewpoint, {}))
        found = cache[key] = {
            "fragments": {code: str(text) for code, text in texts.items() if text is not None},
            "labels": tuple((name, str(label)) for name, label in COMPONENT_LABELS.items()),
        }
    return found


def component_labels() -> tuple[tuple[str, str], ...]:
    """(name, translated label) of every component, in the chart's order."""
    return _translated()["labels"]


def terms_fragment(terms: list[str], viewpoint: str | None = None) -> str:
    """ "both the pitch and the investor mention a, b and c"; to the founder "both your
    pitch and the investor ...", to the investor "both the pitch and your profile ..." """
    listed = format_list([t for t in terms if t][:MAX_TERMS], locale=get_locale())
    if viewpoint == FOUNDER:
        return _("both your pitch and the investor mention %(terms)s", terms=listed)
    if viewpoint == INVESTOR:
        return _("both the pitch and your profile mention %(terms)s", terms=listed)
    return _("both the pitch and the investor mention %(terms)s", terms=listed)


_UNLOADED = object()


def _stated(obj, name: str):
    """obj.name when it is loaded, None included; _UNLOADED when it is not at hand."""
    if obj is None:
        return _UNLOADED
    try:
        state = sa_inspect(obj)
    except NoInspectionAvailable:
        return getattr(obj, name, _UNLOADED)
    return state.dict.get(name, _UNLOADED)


def _loaded(obj, name: str):
    """obj.name when it is at hand: None for an attribute or relationship not loaded (reading
    it would cost a query per card, or raise under raiseload)."""
    value = _stated(obj, name)
    return None if value is _UNLOADED else value


def _side(match, relationship: str, model, key: str):
    """The score's pitch or investor: its relationship when loaded, else the row the session
    already holds (the founder's own pitch, the investor's own profile), else None."""
    found = _loaded(match, relationship)
    if found is not None:
        return found
    try:
        session = sa_inspect(match).session
    except NoInspectionAvailable:
        return None
    ident = _loaded(match, key)
    if session is None or ident is None:
        return None
    return session.identity_map.get(identity_key(model, ident))


def partner_support(match) -> tuple[str, ...] | None:
    """For a support partner: the support kinds it offers that the pitch needs, in the
    vocabulary's order ((): not known here). None when the investor is no partner, or its
    type is not at hand."""
    investor = _side(match, "investor", InvestorProfile, "investor_profile_id")
    if _loaded(investor, "investor_type") != vocabulary.PARTNER:
        return None
    pitch = _side(match, "pitch", Pitch, "pitch_id")
    needs, offers = _loaded(pitch, "support_needs"), _loaded(investor, "support_offers")
    if needs is None or offers is None:
        return ()
    return tuple(k for k in vocabulary.SUPPORT_KINDS
                 if k != "capital" and k in needs and k in offers)


# (component, pitch column, investor column) of the facets the engine compares only where
# both sides state a value (matching/features.py, FeatureBuilder.known). Where the investor
# states none it scores a neutral 0.5, where the pitch states none the investor's expected
# fit to a pitch of its own profile (up to 1: one stage named, a pitch with none); neither
# is a comparison, and the engine gives no reason for either. The green objectives are not
# here: the engine scores a side that names none as no green fit (0), not as unknown.
_FACET_COLUMNS = (
    ("sectors", "sectors", "sectors"),
    ("stage", "stage", "stages"),
    ("location", "municipality", "regions"),
    ("support", "support_needs", "support_offers"),
    ("funding", "funding_type", "funding_types"),
)


# Focus is activity narrowed to past deals like the pitch (matching/focus.py). Koble knows an
# investor's past deals only as a count (services/records.investor_record passes no
# portfolio), so the engine falls back to activity and the bar would repeat the one above it.
_NO_OWN_DATA = frozenset({"focus"})


def not_applicable(match) -> frozenset[str]:
    """Components the engine could not compare for this pair, so their bars say nothing:
    a side that states no value gets a neutral 0.5 or an expected fit (_FACET_COLUMNS), which
    a bar would show as a fit. The amount needs the pitch's ask and the investor's range (a
    support partner has none, and a range left from an earlier type is not its ticket). A
    side not at hand counts as stated: a bar too many rather than a query per card."""
    investor = _side(match, "investor", InvestorProfile, "investor_profile_id")
    pitch = _side(match, "pitch", Pitch, "pitch_id")
    if investor is None and pitch is None:
        return _NO_OWN_DATA
    out = set(_NO_OWN_DATA)
    ask = _stated(pitch, "ask_nok")
    low, high = _stated(investor, "ticket_min"), _stated(investor, "ticket_max")
    if (_stated(investor, "investor_type") == vocabulary.PARTNER
            or (ask is not _UNLOADED and not ask)
            or (low is not _UNLOADED and high is not _UNLOADED and not low and not high)):
        out.add("ticket")
    for component, pitch_column, investor_column in _FACET_COLUMNS:
        mine, theirs = _stated(pitch, pitch_column), _stated(investor, investor_column)
        if (mine is not _UNLOADED and not mine) or (theirs is not _UNLOADED and not theirs):
            out.add(component)
    return frozenset(out)


# Sectors, stage, place, support and funding type are compared as sets: the engine's
# component is the cosine of the pitch's values and the investor's (matching/facets.py), so
# an investor who names three stages scores a pitch at one of them 1/√3 ≈ 58 %, and one who
# names fourteen municipalities a pitch in one of them about 48 %: a bar saying "Fase 58 %"
# beside the sentence "fasen passer" read as a partial fit. The bar keeps the engine's value
# (what the score is made of, measured on real data); its words say what is true: fits,
# partly, near or not, and of how many values the investor names. (component, pitch
# column, investor column)
_SET_FACETS = (
    ("sectors", "sectors", "sectors"),
    ("stage", "stage", "stages"),
    ("location", "municipality", "regions"),
    ("support", "support_needs", "support_offers"),
    ("funding", "funding_type", "funding_types"),
)


def _set_texts(viewpoint: str | None) -> dict:
    """The words of the set facets' bars, as the reader (`viewpoint`) reads them; once per
    request and locale. The neutral reader (no chart draws for one yet) reads the founder's."""
    key = (str(get_locale()), viewpoint)
    cache = g.setdefault("_koble_set_texts", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        if viewpoint == INVESTOR:
            fits = {
                "sectors": _("Fits (%(shared)s of the %(named)s sectors you name)"),
                "stage": _("Fits (%(shared)s of the %(named)s stages you name)"),
                "location": _("Fits (%(shared)s of the %(named)s places you name)"),
                "support": _("Fits (%(shared)s of the %(named)s kinds of support you offer)"),
                "funding": _("Fits (%(shared)s of the %(named)s funding types you name)"),
            }
            partly = {
                "sectors": _("Partly (you name %(shared)s of the pitch's %(total)s sectors)"),
                "support": _("Partly (you offer %(shared)s of the %(total)s kinds of support "
                             "the pitch asks for)"),
            }
        else:
            fits = {
                "sectors": _("Fits (%(shared)s of the %(named)s sectors the investor names)"),
                "stage": _("Fits (%(shared)s of the %(named)s stages the investor names)"),
                "location": _("Fits (%(shared)s of the %(named)s places the investor names)"),
                "support": _("Fits (%(shared)s of the %(named)s kinds of support the "
                             "investor offers)"),
                "funding": _("Fits (%(shared)s of the %(named)s funding types the investor "
                             "names)"),
            }
            partly = {
                "sectors": _("Partly (the investor names %(shared)s of your pitch's "
                             "%(total)s sectors)"),
                "support": _("Partly (the investor offers %(shared)s of the %(total)s kinds "
                             "of support you ask for)"),
            }
        found = cache[key] = {"fits": fits, "partly": partly, "fits_only": _("Fits"),
                              "near": _("Near (same county)"), "no": _("No fit")}
    return found


def _values(value) -> set[str]:
    if isinstance(value, str):
        return {value} if value else set()
    return {v for v in value or () if v}


def _set_verdicts(match) -> dict[str, tuple[str, set[str], set[str], set[str]]]:
    """{component: (verdict, shared, pitch's values, investor's values)} of the set facets
    (_SET_FACETS) the pair can be read for; verdict "fits" (every value of the pitch is one
    the investor names), "partly" (some), "near" (a place in a county the investor names) or
    "no". None for a facet whose sides are not at hand or state nothing, or whose stored value
    disagrees with the sides as they are now (a profile edited since the last rebuild)."""
    investor = _side(match, "investor", InvestorProfile, "investor_profile_id")
    pitch = _side(match, "pitch", Pitch, "pitch_id")
    components = match.components or {}
    out = {}
    for component, pitch_column, investor_column in _SET_FACETS:
        mine, theirs = _stated(pitch, pitch_column), _stated(investor, investor_column)
        if mine is _UNLOADED or theirs is _UNLOADED or component not in components:
            continue
        mine, theirs = _values(mine), _values(theirs)
        if not mine or not theirs:
            continue
        shared, value = mine & theirs, float(components[component])
        if component == "location" and not shared:
            counties = {REGIONS.get(normalize_location(x)) for x in theirs} - {None}
            near = REGIONS.get(normalize_location(next(iter(mine)))) in counties
            verdict, agrees = ("near", value > 0) if near else ("no", value <= 0.0)
        elif not shared:
            verdict, agrees = "no", value <= 0.0
        else:
            verdict, agrees = ("partly" if shared != mine else "fits"), value > 0
        if agrees:
            out[component] = (verdict, shared, mine, theirs)
    return out


def set_fit_words(match, viewpoint: str | None = None) -> dict[str, str]:
    """{component: words} for the bars of the set facets (_SET_FACETS) the pair can be read
    for: "Fits (1 of the 3 stages you name)", "Partly (...)", "Near (same county)", "No fit".
    None for a facet whose sides are not at hand or state nothing (its bar keeps its percent,
    or has none: not_applicable), or whose stored value disagrees with the sides as they are
    now (a profile edited since the last rebuild): words that contradict the bar drawn
    beside them would be worse than a percent."""
    verdicts = _set_verdicts(match)
    if not verdicts:
        return {}
    texts = _set_texts(viewpoint)
    out = {}
    for component, (verdict, shared, mine, theirs) in verdicts.items():
        if verdict in ("near", "no"):
            out[component] = texts[verdict]
        elif verdict == "partly":
            out[component] = texts["partly"][component] % {"shared": len(shared),
                                                            "total": len(mine)}
        elif len(theirs) == 1:
            out[component] = texts["fits_only"]
        else:
            out[component] = texts["fits"][component] % {"shared": len(shared),
                                                         "named": len(theirs)}
    return out


# The sentence's reasons for the set facets follow the facts their bars' words follow
# (_set_verdicts), not the engine's threshold: the engine says "stage_fit" only above 0.5,
# and the cosine of one stage against the four an investor names is exactly 0.5, so the bar
# read "Fits (1 of the 4 stages you name)" while the sentence never said the stage fits.
# Rule: where a bar has words, its reason is said iff the words say so: the stage and the
# funding type fit when the pitch's is one the investor names; the sectors overlap when
# they share one ("Partly" is an overlap too); the place is the same municipality when the
# investor names the pitch's, the same region when only the county is shared ("Near").
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


def said_reasons(match) -> tuple[str, ...]:
    """The engine's reason codes for `match`, with those of the set facets whose bars have
    words (_set_verdicts) made to agree with them (the rule above _VERDICT_CODES)."""
    codes = list(match.reasons or ())
    verdicts = _set_verdicts(match)
    if not verdicts:
        return tuple(codes)
    components = match.components or {}

    def weight(code: str) -> float:
        component = _CODE_COMPONENT.get(code) or _ENGINE_COMPONENT.get(code)
        if component is None or component not in components:
            return 0.0
        return getattr(_DEFAULT_WEIGHTS, component) * float(components[component])

    for component, (verdict, *_facts) in verdicts.items():
        if component not in _VERDICT_CODES:
            continue
        wanted = _VERDICT_CODES[component].get(verdict)
        codes = [c for c in codes if _CODE_COMPONENT.get(c) != component or c == wanted]
        if wanted is not None and wanted not in codes:
            mine = weight(wanted)
            at = next((i for i, c in enumerate(codes) if weight(c) < mine), len(codes))
            codes.insert(at, wanted)
    return tuple(codes)


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
    translated = _translated(viewpoint)["fragments"]
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


def explain(match, viewpoint: str | None = None) -> str:
    """The sentence for a stored MatchScore or an engine MatchResult, as the reader's side
    (`viewpoint`: FOUNDER, INVESTOR; None for staff, the API, anyone else) reads it."""
    return sentence_in(str(get_locale()), match, viewpoint)


def sentence_in(locale: str, match, viewpoint: str | None = None) -> str:
    """explain() for a locale the caller has looked up already (the current one)."""
    if viewpoint not in (None, FOUNDER, INVESTOR):
        raise ValueError(f"no such viewpoint: {viewpoint!r}")
    return _sentence_in(locale, said_reasons(match), tuple(match.shared_terms or ()),
                        partner_support(match), viewpoint)


@lru_cache(maxsize=8192)
def _sentence_in(locale: str, reasons: tuple[str, ...], terms: tuple[str, ...],
                 partner: tuple[str, ...] | None, viewpoint: str | None) -> str:
    """sentence() for the current locale, kept per process: every page view of the same
    match formats the same sentence (Babel list formatting and gettext calls). The
    viewpoint is part of the key: a founder never gets the investor's wording."""
    return sentence(list(reasons), list(terms), partner, viewpoint)


def component_bars(components: dict[str, float], skip=frozenset()) -> list[dict]:
    """Bars for a template: label, percent (0–100) and the .w-score-N class step (0–10);
    none for the components in `skip` (not_applicable())."""
    bars = []
    for name, label in component_labels():
        if name not in (components or {}) or name in skip:
            continue
        value = max(0.0, min(1.0, float(components[name])))
        bars.append({"name": name, "label": label, "percent": round(value * 100),
                     "step": round(value * 10)})
    return bars


def percent(score: float) -> int:
    """A score in [0, 1] as a whole percent."""
    return round(max(0.0, min(1.0, float(score or 0))) * 100)


@lru_cache(maxsize=16)
def percent_sign(locale: str) -> str:
    """What follows a percent's number in the language: "%" in English ("54%"), a no-break
    space and "%" in bokmål ("54 %"); from Babel's locale data, once per locale."""
    return format_percent(0.5, locale=locale).replace("50", "", 1)


def percent_text(score: float) -> str:
    """percent() as the user's language writes it: "54%" in English, "54 %" with a
    no-break space in bokmål."""
    return f"{percent(score)}{percent_sign(str(get_locale()))}"
