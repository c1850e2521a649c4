"""What the recommendation cards load and how their component chart is drawn, cheaply.

A recommendation page shows 20 cards of nine component bars each. Drawn by a Jinja loop
(and a gettext call per label) the chart cost more CPU than everything else on the page;
here each bar is one string format, with the labels translated and escaped once per request.
The markup is the same: a labelled definition list, each bar a progressbar with its value
as text (aria-valuetext) and the percent shown next to it.
"""

from __future__ import annotations

from flask import current_app, g, has_app_context, render_template, request
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

# One bar, cut where the card's id prefix and the value go: the labelled parts are made once
# per locale, the value parts once per process.
_BAR_OPEN = ('<div class="col d-flex align-items-center gap-2">'
             '<dt class="fw-normal text-body-secondary flex-shrink-0 match-label" id="')
_BAR_LABEL = ('-{name}">{label}</dt><dd class="mb-0 flex-grow-1 d-flex align-items-center gap-2">'
              '<div class="progress score-bar flex-grow-1" role="progressbar" aria-labelledby="')
_BAR_VALUE = ('-{name}" aria-valuenow="')
_BAR_TAIL = ('{percent}" aria-valuemin="0" aria-valuemax="100" aria-valuetext="{percent} %">'
             '<div class="progress-bar bg-success w-score-{step}"></div></div>'
             '<span class="text-nowrap">{percent} %</span></dd></div>')
_TAILS: dict[tuple[int, int], str] = {}


def _tail(percent: int, step: int) -> str:
    found = _TAILS.get((percent, step))
    if found is None:
        found = _TAILS[(percent, step)] = _BAR_TAIL.format(percent=percent, step=step)
    return found


def _texts() -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """The chart's opening tag and, per component, its escaped label parts; once per
    request."""
    key = str(get_locale())
    cache = g.setdefault("_koble_chart_texts", {}) if has_app_context() else {}
    found = cache.get(key)
    if found is None:
        opening = ('<dl class="match-components row row-cols-1 row-cols-sm-2 g-1 small mb-2" '
                   f'aria-label="{escape(_("Why this match"))}">')
        bars = tuple((name, _BAR_LABEL.format(name=name, label=escape(label)),
                      _BAR_VALUE.format(name=name))
                     for name, label in explain.component_labels())
        found = cache[key] = (opening, bars)
    return found


def component_chart(components: dict | None, id_prefix: str) -> Markup:
    """The components as a small bar chart, in the engine's label order."""
    opening, bars = _texts()
    components = components or {}
    prefix = str(escape(id_prefix))
    parts = [opening]
    for name, label_part, value_part in bars:
        if name not in components:
            continue
        value = max(0.0, min(1.0, float(components[name])))
        parts += (_BAR_OPEN, prefix, label_part, prefix, value_part,
                  _tail(round(value * 100), round(value * 10)))
    parts.append("</dl>")
    return Markup("".join(parts))  # noqa: S704 - labels and id escaped above, numbers are ints


MAX_FORMS = 512  # filter forms kept per process (locale × filter values)


def filter_form(form) -> Markup:
    """The filter form of the investor's recommendations, as HTML.

    A GET form without a CSRF token: the same locale and filter values give the same HTML,
    so it is rendered once per process and reused (its seven fields cost more than the
    cards' charts). A form with errors is rendered each time.
    """
    if form.errors:
        return Markup(render_template("matches/_filters.html", form=form))  # noqa: S704
    values = tuple(sorted((key, tuple(value)) for key, value in request.args.lists()
                          if key in form._fields))
    key = (str(get_locale()), values)
    cache = current_app.extensions.setdefault("koble_filter_forms", {})
    html = cache.get(key)
    if html is None:
        if len(cache) >= MAX_FORMS:
            cache.clear()
        html = cache[key] = Markup(render_template("matches/_filters.html", form=form))  # noqa: S704
    return html
