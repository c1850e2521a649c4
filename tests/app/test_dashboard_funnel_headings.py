"""The staff dashboard's funnel headings are said once, and read as a sentence. Each of the
two totals charts repeated its heading ("Pitches: All associations, All time") as the
chart's caption right below it, and the period after the comma kept the picker's capital
("Pitches: Alle foreninger, Hele perioden"). Now the heading stands alone above the chart
(whose SVG title still names it for screen readers), and the period is lower case after a
comma there and in the per-association captions; the period picker keeps its capital."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_user

PERIOD = {"nb": ("Hele perioden", "hele perioden"), "en": ("All time", "all time"),
          "nb-30": ("Siste 30 dager", "siste 30 dager")}
SIDES = {"nb": ("Pitcher", "Investorer"), "en": ("Pitches", "Investors")}


@pytest.mark.parametrize("lang,query", [("nb", ""), ("en", ""), ("nb", "?period=30")])
def test_each_funnel_heading_once_with_the_period_in_lower_case(client, auth, lang, query):
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    html = client.get(f"/staff/dashboard{query}").get_data(as_text=True)
    picked, in_text = PERIOD[lang + ("-30" if query else "")]
    headings = re.findall(r"<h3>([^<]*)</h3>", html)
    captions = [c.strip() for c in re.findall(r"<figcaption[^>]*>([^<]*)</figcaption>", html)]
    for side in SIDES[lang]:
        [heading] = [h for h in headings if h.startswith(f"{side}: ")]
        assert heading.endswith(f", {in_text}"), heading
        scope = heading.removesuffix(f", {in_text}")
        assert scope not in captions and heading not in captions  # not said twice
    assert f", {picked}" not in html
    assert f">{picked}</option>" in html  # the picker keeps its capital
    assert html.count(f", {in_text}</caption>") == 2  # the per-association tables
