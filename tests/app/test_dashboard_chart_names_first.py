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
    figures = re.findall(r"<figure[^>]*>(.*?)</figure>", html, re.S)
    assert len(figures) >= 4
    for figure in figures:
        assert figure.strip().startswith("<figcaption"), figure[:120]
        assert figure.count("<figcaption") == 1
    captions = [re.search(r"<figcaption[^>]*>(.*?)</figcaption>", f, re.S).group(1)
                for f in figures]
    assert "Grønn arena" in captions and "Gründerfrokost" in captions
