"""What is true of a pair for the facets compared as sets, and the words their bars say.

Sectors, stage, place, support and funding type are compared as sets: the engine's
component is the cosine of the pitch's values and the investor's (matching/facets.py), so
an investor who names three stages scores a pitch at one of them 1/√3 ≈ 58 %, and one who
names fourteen municipalities a pitch in one of them about 48 %: a bar saying "Fase 58 %"
beside the sentence "fasen passer" read as a partial fit. The bar keeps the engine's value
(what the score is made of, measured on real data); its words say what is true: fits,
partly, near or not, and of how many values the investor names.

verdicts() reads the facts once; the bar words (words()) and the reasons the sentence says
(explain.said_reasons) are both made from them, so a card computes them once for both.
"""

from __future__ import annotations

from flask import g, has_app_context
from flask_babel import get_locale
from flask_babel import gettext as _

from app.services.match_sides import INVESTOR, UNLOADED, investor_of, pitch_of, stated
from matching.facets import REGIONS, normalize_location

# (component, pitch column, investor column) of the facets compared as sets. The engine
# compares them only where both sides state a value (matching/features.py,
# FeatureBuilder.known); where a side states none, match_bars.not_applicable leaves the bar
# out.
SET_FACETS = (
    ("sectors", "sectors", "sectors"),
    ("stage", "stage", "stages"),
    ("location", "municipality", "regions"),
    ("support", "support_needs", "support_offers"),
    ("funding", "funding_type", "funding_types"),
)

# {component: (verdict, shared, pitch's values, investor's values)}, see verdicts()
Verdicts = dict[str, tuple[str, set[str], set[str], set[str]]]


def _texts(viewpoint: str | None, locale: str | None = None) -> dict:
    """The words of the set facets' bars, as the reader (`viewpoint`) reads them; once per
    request and locale (`locale`: the current one, when the caller has it). The neutral
    reader (no chart draws for one yet) reads the founder's."""
    key = (locale or str(get_locale()), viewpoint)
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


def verdicts(match) -> Verdicts:
    """{component: (verdict, shared, pitch's values, investor's values)} of the set facets
    (SET_FACETS) the pair can be read for; verdict "fits" (every value of the pitch is one
    the investor names), "partly" (some), "near" (a place in a county the investor names) or
    "no". None for a facet whose sides are not at hand or state nothing, or whose stored value
    disagrees with the sides as they are now (a profile edited since the last rebuild)."""
    investor, pitch = investor_of(match), pitch_of(match)
    components = match.components or {}
    out = {}
    for component, pitch_column, investor_column in SET_FACETS:
        mine, theirs = stated(pitch, pitch_column), stated(investor, investor_column)
        if mine is UNLOADED or theirs is UNLOADED or component not in components:
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


def words(found: Verdicts, viewpoint: str | None = None,
          locale: str | None = None) -> dict[str, str]:
    """{component: words} for the bars of the set facets with a verdict (`found`, from
    verdicts()): "Fits (1 of the 3 stages you name)", "Partly (...)", "Near (same county)",
    "No fit". None for a facet without one: its bar keeps its percent, or has none
    (match_bars.not_applicable); words that contradict the bar drawn beside them would be
    worse than a percent. `locale`: the current one, when the caller has looked it up."""
    if not found:
        return {}
    texts = _texts(viewpoint, locale)
    out = {}
    for component, (verdict, shared, mine, theirs) in found.items():
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


def set_fit_words(match, viewpoint: str | None = None) -> dict[str, str]:
    """words() of the match's verdicts(): what its set facets' bars say instead of a
    percent, as the reader (`viewpoint`) reads them."""
    return words(verdicts(match), viewpoint)
