"""On the staff dashboard each bar chart says whose numbers it shows (the arena, the
association, the priority) above its bars. The name stood below them, and in a row of charts
(three to a row on a laptop, one under the other on a phone) it sat right above the next
chart's "Invited" bar: "Asker Næringsforening" read as the title of Kongsberg's numbers."""

from __future__ import annotations

import re

from tests.factories import make_arena, make_participant


def test_each_chart_names_its_numbers_before_its_bars(client, staff):
    make_arena(title="Grønn arena")
    make_participant(make_arena(title="Gründerfrokost"), "founder")
    html = client.get("/staff/dashboard").get_data(as_text=True)
    found = list(re.finditer(r"<figure[^>]*>(.*?)</figure>", html, re.S))
    assert len(found) >= 4
    figures = []
    for match in found:
        figure = match.group(1)
        if any(f'id="chart-{name}-title"' in figure
               for name in ("funnel-pitches", "funnel-investors", "total")):
            # the totals: named by the heading right above, not a second time
            # (test_dashboard_funnel_headings.py, test_staff_labels_agree.py)
            assert html[:match.start()].rstrip().endswith("</h3>")
            assert "<figcaption" not in figure
            continue
        assert figure.strip().startswith("<figcaption"), figure[:120]
        assert figure.count("<figcaption") == 1
        figures.append(figure)
    captions = [re.search(r"<figcaption[^>]*>(.*?)</figcaption>", f, re.S).group(1)
                for f in figures]
    assert "Grønn arena" in captions and "Gründerfrokost" in captions
