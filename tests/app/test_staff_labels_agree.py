"""Staff pages name a thing once, and by one word. The dashboard read "All your arenas" three
times in a row (the heading, the chart's caption and the table's caption, nb "Alle arenaene
dine"); now the heading names the chart and the table to the eye, and their own names (the
SVG's title, the table's caption) stay for screen readers. On the attendance page at phone
width each person's card labelled the mark "Oppmøte" while the table's column header said
"Til stede?" (en "Attendance" and "Present?"); now both say "Attendance"."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_arena, make_participant, make_user

ALL = {"en": "All your arenas", "nb": "Alle arenaene dine"}
ATTENDANCE = {"en": "Attendance", "nb": "Oppmøte"}


def _seen(page: str) -> str:
    """The page's text a sighted reader sees in <main>: no SVG titles or descriptions, no
    visually hidden text."""
    main = page.split("<main")[1].split("</main>")[0]
    main = re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)
    main = re.sub(r'<(\w+)[^>]*class="visually-hidden"[^>]*>.*?</\1>', " ", main, flags=re.S)
    return re.sub(r"<[^>]+>", " ", main)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_dashboard_says_all_your_arenas_once(client, auth, lang):
    auth.login(make_user("staff", association="asker", locale=lang).email)
    client.post("/language", data={"lang": lang})
    page = client.get("/staff/dashboard").get_data(as_text=True)
    assert _seen(page).count(ALL[lang]) == 1
    # still named where the eye does not reach: the chart's title and the table's caption
    assert f'<title id="chart-total-title">{ALL[lang]}</title>' in page
    assert (f'<caption id="table-total-caption" class="visually-hidden">{ALL[lang]}'
            "</caption>") in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_attendance_card_label_is_the_column_header(client, auth, lang):
    arena = make_arena(status="scheduled")
    make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker", locale=lang).email)
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    word = ATTENDANCE[lang]
    assert f'<th scope="col" role="columnheader">{word}</th>' in page
    assert f'data-label="{word}"' in page
    assert "Present?" not in page and "Til stede?" not in page
