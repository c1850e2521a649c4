"""A person's lists of arenas put the next one first. "My meetings" listed them oldest
first, so every past arena came before the one the person goes to next; "My arenas" (and
the API's invitations and arenas) newest first, so an arena a year away came before next
week's. Now both pages list today's and later arenas soonest first, then the past ones under
"Past arenas", the most recent first; the API lists them in that order."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models.arena import LOCAL_TZ
from tests.app.api.helpers import bearer
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_invitation, make_participant

PAST = {"en": "Past arenas", "nb": "Tidligere arenaer"}
# titles in the order the lists give them
TO_COME = ["I dag i Asker", "Neste uke i Bærum", "Om et år i Drammen"]
GONE = ["For en måned siden i Asker", "For et år siden i Oslo"]


def _arena(title: str, days: int, **fields):
    date = (datetime.now(LOCAL_TZ) + timedelta(days=days)).date()
    status = "scheduled" if days >= 0 else "done"
    deadline = datetime.now(UTC) + timedelta(days=days - 7)
    return make_arena(title=title, date=date, status=status, rsvp_deadline=deadline, **fields)


@pytest.fixture
def founder():
    """A founder coming to five arenas, made in an order that is none of the lists'."""
    days = {"Om et år i Drammen": 365, "For en måned siden i Asker": -30,
            "I dag i Asker": 0, "For et år siden i Oslo": -365, "Neste uke i Bærum": 7}
    first = _arena("Om et år i Drammen", 365)
    me = make_participant(first, "founder")
    for title, day in days.items():
        if title != first.title:
            make_invitation(_arena(title, day), me.user, state="accepted",
                            pitch_id=me.pitch_id)
    db.session.commit()
    return me.user


def _order(page: str, titles: list[str]) -> list[str]:
    return sorted(titles, key=page.index)


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("path", ["/arenas/meetings", "/arenas"])
def test_the_pages_list_the_next_arena_first_and_the_past_after(app, founder, path, lang):
    page = _client_in(app, lang, founder).get(path).get_data(as_text=True)
    heading = f'<h2 class="h4 mt-4">{PAST[lang]}</h2>'
    assert _order(page, TO_COME + GONE) == TO_COME + GONE
    assert page.index(TO_COME[-1]) < page.index(heading) < page.index(GONE[0])
    # each arena's heading: those to come at the top level, the past ones under "Past arenas"
    for titles, level in ((TO_COME, 2), (GONE, 3)):
        for title in titles:
            assert re.search(f'<h{level} class="h5"[^>]*><a [^>]*>{title}</a>', page), title


def test_no_past_heading_without_past_arenas(app):
    me = make_participant(_arena("Neste uke i Bærum", 7), "founder")
    for path in ("/arenas/meetings", "/arenas"):
        page = _client_in(app, "en", me.user).get(path).get_data(as_text=True)
        assert "Neste uke i Bærum" in page and PAST["en"] not in page


def test_the_api_lists_them_in_the_same_order(client, founder):
    headers = bearer(founder)
    invitations = client.get("/api/v1/invitations", headers=headers).get_json()["items"]
    arenas = client.get("/api/v1/arenas", headers=headers).get_json()["items"]
    assert [a["title"] for a in arenas] == TO_COME + GONE
    assert [i["arena_id"] for i in invitations] == [a["id"] for a in arenas]
