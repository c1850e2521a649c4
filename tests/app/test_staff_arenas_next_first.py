"""Staff's list of arenas puts the next one first, as participants' lists do (cac0d8a). It
listed them newest first (arenas.staff_arenas, whose docstring said soonest first), so an
arena a year away came before next week's. Now the page lists today's and later arenas
soonest first, then the past ones under "Past arenas", the most recent first, and the staff
API's GET /api/v1/arenas in that order."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models.arena import LOCAL_TZ
from tests.app.api.helpers import bearer
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_user

PAST = {"en": "Past arenas", "nb": "Tidligere arenaer"}
# titles in the order the lists give them
TO_COME = ["I dag i Asker", "Neste uke i Bærum", "Om et år i Drammen"]
GONE = ["For en måned siden i Asker", "For et år siden i Oslo"]
# made in an order that is none of the lists'
DAYS = {"Om et år i Drammen": 365, "For en måned siden i Asker": -30, "I dag i Asker": 0,
        "For et år siden i Oslo": -365, "Neste uke i Bærum": 7}


@pytest.fixture
def staff(app):
    for title, days in DAYS.items():
        date = (datetime.now(LOCAL_TZ) + timedelta(days=days)).date()
        make_arena(title=title, date=date, status="scheduled" if days >= 0 else "done",
                   rsvp_deadline=datetime.now(UTC) + timedelta(days=days - 7))
    make_arena(title="Et annet sted", hosts=("baerum",))  # another association's
    db.session.commit()
    return make_user("staff")


def _order(page: str, titles: list[str]) -> list[str]:
    return sorted(titles, key=page.index)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_page_lists_the_next_arena_first_and_the_past_after(app, staff, lang):
    page = _client_in(app, lang, staff).get("/staff/arenas").get_data(as_text=True)
    heading = f'<h2 class="h4 mt-4">{PAST[lang]}</h2>'
    assert _order(page, TO_COME + GONE) == TO_COME + GONE
    assert page.index(TO_COME[-1]) < page.index(heading) < page.index(GONE[0])
    assert "Et annet sted" not in page
    # two tables, each counting its own arenas
    captions = re.findall(r"<caption>([^<]*)</caption>", page)
    assert captions == (["3 arenaer.", "2 arenaer."] if lang == "nb"
                        else ["3 arenas.", "2 arenas."])


def test_no_past_heading_without_past_arenas(app):
    make_arena(title="Neste uke i Bærum",
               date=(datetime.now(LOCAL_TZ) + timedelta(days=7)).date())
    page = _client_in(app, "en", make_user("staff")).get("/staff/arenas").get_data(
        as_text=True)
    assert "Neste uke i Bærum" in page and PAST["en"] not in page


def test_the_api_lists_them_in_the_same_order(client, staff):
    arenas = client.get("/api/v1/arenas", headers=bearer(staff)).get_json()["items"]
    assert [a["title"] for a in arenas] == TO_COME + GONE


def test_the_json_description_says_so(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    text = " ".join(spec["paths"]["/api/v1/arenas"]["get"]["description"].split())
    assert "The next arena first, for staff as for others" in text and "newest" not in text


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_docs_page_says_it_in_the_readers_language(client, lang):
    page = html.unescape(client.get(f"/api/v1/docs?lang={lang}").get_data(as_text=True))
    page = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    assert {"en": "The next arena first, for staff as for others",
            "nb": "Den neste arenaen først, for ansatte som for andre"}[lang] in page
    assert {"en": "Staff get the newest first",
            "nb": "Ansatte får dem med den nyeste først"}[lang] not in page
