"""A held arena's own page says how it went: attended, meetings held, worth it to both and
follow-ups, counted as its row on the dashboard, with a link there. Before, the page of an
arena that had taken place showed only the answers to its invitations, and the results
were on the dashboard, which the arena's pages do not link to. Held with nobody marked
present, the page says what to do: record attendance. An arena still to come shows none."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import MeetingFeedback
from tests.factories import make_arena, make_done_arena, make_meeting, make_participant


@pytest.fixture
def staff_lang():
    return "nb"


def _results(page: str) -> dict[str, int]:
    table = re.search(r'aria-labelledby="results-heading">(.*?)</table>', page, re.S).group(1)
    return {label: int(n) for label, n in re.findall(
        r'<th scope="row" class="fw-normal">([^<]+)</th><td class="text-end">(\d+)</td>',
        table)}


def test_a_held_arena_shows_how_it_went(app, client, staff):
    arena = make_done_arena(title="Gründerfrokost")
    f1, i1 = (make_participant(arena, "founder", attended=True),
              make_participant(arena, "investor", attended=True))
    f2 = make_participant(arena, "founder", attended=False)
    held = make_meeting(arena, f1, i1, slot=0, table=0)
    make_meeting(arena, f2, i1, slot=1, table=0)  # f2 absent: not held
    db.session.add_all([
        MeetingFeedback(meeting_id=held.id, user_id=f1.user_id, worth_it=True,
                        will_follow_up=True),
        MeetingFeedback(meeting_id=held.id, user_id=i1.user_id, worth_it=True,
                        will_follow_up=False)])
    db.session.commit()
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert "Etter arenaen" in page
    assert _results(page) == {"Møtte": 2, "Gjennomførte møter": 1, "Verdt det for begge": 1,
                              "Oppfølginger": 1}
    assert 'href="/staff/dashboard"' in page
    assert "Ingen er registrert som til stede ennå" not in page


def test_held_without_attendance_says_to_record_it(app, client, staff):
    arena = make_done_arena()
    make_meeting(arena, make_participant(arena, "founder"), make_participant(arena, "investor"))
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert _results(page)["Gjennomførte møter"] == 0
    assert ("Ingen er registrert som til stede ennå. Registrer hvem som kom, på siden Oppmøte: "
            "før det teller ingen møter som gjennomført.") in page
    assert f'href="/staff/arenas/{arena.id}/attendance"' in page


def test_in_english(app, client, staff):
    client.post("/language", data={"lang": "en"})
    arena = make_done_arena()
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert "After the arena" in page and "Meetings held" in page


def test_an_arena_to_come_shows_no_results(app, client, staff):
    arena = make_arena(status="scheduled")
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert "Etter arenaen" not in page and "results-heading" not in page
