"""What the recommendation cards load and how their component chart is drawn, cheaply.

A recommendation page shows 20 cards of nine component bars each. Drawn by a Jinja loop
(and a gettext call per label) the chart cost more CPU than everything else on the page;
here each bar is one string format, with the labels translated and escaped once per request.
The markup is the same: a labelled definition list, each bar a progressbar with its value
as text (aria-valuetext) and the percent shown next to it.
"""

from __future__ import annotations

from flask import g, has_app_context
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from app.services import explain

# Columns a card shows (plus what the page checks); the rest of the row loads on access.
PITCH_CARD_COLUMNS = ("id", "owner_id", "title", "summary", "stage", "ask_nok",
                      "municipality", "status", "hidden", "version")
INVESTOR_CARD_COLUMNS = ("id", "user_id", "organisation", "investor_type", "ticket_min",
                         "ticket_max", "contact_email", "contact_phone", "active", "version")
INVESTOR_NAME_COLUMNS = ("id", "user_id", "organisation", "active", "version")

_BAR = (
    '<div class="col d-flex align-items-center gap-2">'
    '<dt class="fw-normal text-body-secondary flex-shrink-0 match-label" id="{id}">{label}</dt>'
    '<dd class="mb-0 flex-grow-1 d-flex align-items-center gap-2">'
    '<div class="progress score-bar flex-grow-1" role="progressbar" aria-labelledby="{id}" '
    'aria-valuenow="{percent}" aria-valuemin="0" aria-valuemax="100" '
    'aria-valuetext="{percent} %"><div class="progress-bar bg-success w-score-{step}"></div>'
    '</div><span class="text-nowrap">{percent} %</span></dd></div>'
)


def _texts() -> tuple[str, tuple[tuple[str, str], ...]]:
    """The chart's opening tag and the escaped (name, label) pairs, once per request."""
    key = str(get_locale())
    cache = g.setdefault("_koble_chart_texts", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        opening = ('<dl class="match-components row row-cols-1 row-cols-sm-2 g-1 small mb-2" '
                   f'aria-label="{escape(_("Why this match"))}">')
        labels = tuple((name, str(escape(label))) for name, label in explain.component_labels())
        found = cache[key] = (opening, labels)
    return found


def component_chart(components: dict | None, id_prefix: str) -> Markup:
    """The components as a small bar chart, in the engine's label order."""
    opening, labels = _texts()
    components = components or {}
    prefix = escape(id_prefix)
    parts = [opening]
    for name, label in labels:
        if name not in components:
            continue
        value = max(0.0, min(1.0, float(components[name])))
        parts.append(_BAR.format(id=f"{prefix}-{name}", label=label,
                                 percent=round(value * 100), step=round(value * 10)))
    parts.append("</dl>")
    return Markup("".join(parts))  # noqa: S704 - labels and id escaped above, numbers are ints
