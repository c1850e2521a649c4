"""A match's component bars: their labels, which of them say something for a pair, and
their values as a template draws them (app/matches/cards.py draws the cards' charts)."""

from __future__ import annotations

from flask import g, has_app_context
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from app import vocabulary
from app.services.match_sides import UNLOADED, investor_of, pitch_of, stated
from app.services.set_fit import SET_FACETS

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


def component_labels() -> tuple[tuple[str, str], ...]:
    """(name, translated label) of every component, in the chart's order; translated once
    per request: a page draws 20 charts, and each gettext call has a cost."""
    key = str(get_locale())
    cache = g.setdefault("_koble_component_labels", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        found = cache[key] = tuple((name, str(label))
                                   for name, label in COMPONENT_LABELS.items())
    return found


# Focus is activity narrowed to past deals like the pitch (matching/focus.py). Koble knows an
# investor's past deals only as a count (services/records.investor_record passes no
# portfolio), so the engine falls back to activity and the bar would repeat the one above it.
_NO_OWN_DATA = frozenset({"focus"})


def not_applicable(match) -> frozenset[str]:
    """Components the engine could not compare for this pair, so their bars say nothing.
    The set facets (set_fit.SET_FACETS) are compared only where both sides state a value
    (matching/features.py, FeatureBuilder.known): where the investor states none it scores a
    neutral 0.5, where the pitch states none the investor's expected fit to a pitch of its
    own profile (up to 1: one stage named, a pitch with none); neither is a comparison, the
    engine gives no reason for either, and a bar would show either as a fit. The green
    objectives are not among them: the engine scores a side that names none as no green fit
    (0), not as unknown. The amount needs the pitch's ask and the investor's range (a
    support partner has none, and a range left from an earlier type is not its ticket). A
    side not at hand counts as stated: a bar too many rather than a query per card."""
    investor, pitch = investor_of(match), pitch_of(match)
    if investor is None and pitch is None:
        return _NO_OWN_DATA
    out = set(_NO_OWN_DATA)
    ask = stated(pitch, "ask_nok")
    low, high = stated(investor, "ticket_min"), stated(investor, "ticket_max")
    if (stated(investor, "investor_type") == vocabulary.PARTNER
            or (ask is not UNLOADED and not ask)
            or (low is not UNLOADED and high is not UNLOADED and not low and not high)):
        out.add("ticket")
    for component, pitch_column, investor_column in SET_FACETS:
        mine, theirs = stated(pitch, pitch_column), stated(investor, investor_column)
        if (mine is not UNLOADED and not mine) or (theirs is not UNLOADED and not theirs):
            out.add(component)
    return frozenset(out)


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
