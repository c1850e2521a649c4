"""The participants page of a past arena, opened by an old link or bookmark (its row of links
no longer leads there since 2e7d474), reads as the record of who came: "Who came from the
other side" (nb "Hvem som kom fra den andre siden"), the arena being over, whom one met, and
"Nobody from the other side came." when nobody did. It said "Who comes from the other side"
and "Nobody from the other side has accepted yet." of an arena long over. Logged in and
through the e-mailed link alike; an arena to come keeps its words (guard), and staff, who
have their own pages, are refused this one as before (guard)."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.services import rsvp
from tests.app.test_i18n import _client_in
from tests.factories import (
    make_arena,
    make_arena_over,
    make_done_arena,
    make_meeting,
    make_participant,
    make_user,
)

WORDS = {
    "nb": {"title": "<title>Hvem som kom · ", "h1": "<h1>Hvem som kom fra den andre siden</h1>",
           "nobody": "Ingen fra den andre siden kom.", "over": "er over",
           "met": "Du møtte 1 person på denne arenaen.",
           "to come": "<h1>Hvem som kommer fra den andre siden</h1>",
           "nobody yet": "Ingen fra den andre siden har takket ja ennå."},
    "en": {"title": "<title>Who came · ", "h1": "<h1>Who came from the other side</h1>",
           "nobody": "Nobody from the other side came.", "over": "is over",
           "met": "You met 1 person at this arena.",
           "to come": "<h1>Who comes from the other side</h1>",
           "nobody yet": "Nobody from the other side has accepted yet."},
}


def _pages(app, client, me, lang) -> dict[str, str]:
    """The participants page as `me` sees it logged in and through the e-mailed link."""
    me.user.locale = lang
    db.session.commit()
    arena_id = me.arena_id
    found = {"logged in": _client_in(app, lang, me.user).get(f"/arenas/{arena_id}/participants"),
             "link": client.get(f"/arenas/rsvp/{rsvp.make_token(me)}/participants")}
    for how, page in found.items():
        assert page.status_code == 200, how
    return {how: page.get_data(as_text=True) for how, page in found.items()}


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("over", [make_arena_over, make_done_arena])
def test_a_past_arena_with_nobody_from_the_other_side(app, client, lang, over):
    me = make_participant(over(), "founder")
    words = WORDS[lang]
    for how, html in _pages(app, client, me, lang).items():
        assert words["title"] in html and words["h1"] in html, how
        assert words["over"] in html.split('id="requests-closed"', 1)[1].split("</p>")[0], how
        assert words["nobody"] in html and words["nobody yet"] not in html, how


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_past_arena_lists_who_came_and_whom_one_met(app, client, lang):
    arena = make_arena_over()
    me = make_participant(arena, "founder")
    partner = make_participant(arena, "investor")
    make_meeting(arena, me, partner)
    words = WORDS[lang]
    for how, html in _pages(app, client, me, lang).items():
        assert words["h1"] in html and words["met"] in html, how
        assert f'id="person-{partner.user_id}"' in html, how


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_an_arena_to_come_keeps_its_words(app, client, lang):
    """A guard."""
    me = make_participant(make_arena(status="scheduled"), "founder")
    words = WORDS[lang]
    for how, html in _pages(app, client, me, lang).items():
        assert words["to come"] in html and words["nobody yet"] in html, how
        assert words["h1"] not in html, how


def test_staff_are_refused_the_participants_page_as_before(app):
    """A guard: staff follow an arena's people on their own pages."""
    arena = make_arena_over()
    staff = make_user("staff", association="asker")
    assert _client_in(app, "en", staff).get(f"/arenas/{arena.id}/participants").status_code \
        == 403
