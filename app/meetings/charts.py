"""The dashboard's horizontal bar charts as SVG, drawn in Python.

A chart comes from app.services.dashboard.chart(), each label on the line above its bar:
sizes are SVG attributes, no inline styles; the title and description name every number
for screen readers. The caption (whose numbers they are: an arena, an association) comes
first: below the bars, in a row or column of charts it stood right above the next chart's
bars and read as theirs. `caption` false leaves it out where a heading right above says the
same (the funnel's totals); the SVG's title still names the chart.

The markup is what the Jinja macro it replaces (templates/meetings/_chart.html) wrote: a
staff dashboard draws 18 or more of these, and the macro, three escaped values a bar, was a
third of the page's CPU.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def bar_chart(c: dict, id: str, caption: bool = True) -> Markup:  # noqa: A002 - the template's name
    """One chart (`c`, from dashboard.chart) as a <figure>; `id` prefixes its title's and
    description's ids. Sizes and positions are numbers that dashboard.chart computed (no
    escaping needed); the words are escaped."""
    name = escape(id)
    title = escape(c["title"])
    width, height = c["width"], c["height"]
    parts = ['<figure class="mb-3">\n']
    if caption:
        parts.append(f'<figcaption class="small fw-semibold mb-1">{title}</figcaption>')
    parts.append(f'<svg class="chart-svg" role="img" aria-labelledby="{name}-title {name}-desc"'
                 f' viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
                 ' xmlns="http://www.w3.org/2000/svg">\n'
                 f'  <title id="{name}-title">{title}</title>\n'
                 f'  <desc id="{name}-desc">{escape(c["desc"])}</desc>\n')
    for b in c["bars"]:
        x, w = b["x"], b["w"]
        parts.append(
            f'  <text class="chart-label" x="1" y="{b["label_y"]}" font-size="13">'
            f'{escape(b["label"])}</text>\n'
            f'  <rect class="chart-bar" x="{x}" y="{b["y"]}" width="{w}"'
            f' height="{b["h"]}" fill="#14532d"></rect>\n'
            f'  <text class="chart-value" x="{x + w + 6}" y="{b["text_y"]}" font-size="13">'
            f'{escape(b["value"])}</text>\n')
    parts.append("</svg>\n</figure>\n")
    return Markup("".join(parts))  # noqa: S704 - the words escaped above, the rest numbers
