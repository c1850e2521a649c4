"""The arena edit page's conflict check compares what the page shows, not the arena row's
version. Every schedule change (a meeting moved or cancelled, a re-run, publishing) writes
the arena row and raised that version, so on an arena's day staff who had opened "Edit
arena" to fix the venue, and meanwhile moved a meeting in another tab (or a colleague did),
were refused "Someone changed this arena after you opened it" for a change the page does
not show. A real edit of the page's values in between is still refused, what was typed
kept."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from app.extensions import db
from app.models import Arena
from tests.app.test_arena_edit_after_schedule import _form
from tests.factories import make_arena, make_meeting, make_participant

_VERSION = re.compile(r'name="version"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="version"')


def _opened(client, arena: Arena) -> str:
    """Open the edit page, as staff would in a tab: the version it sends back."""
    page = client.get(f"/staff/arenas/{arena.id}/edit")
    assert page.status_code == 200
    match = _VERSION.search(page.get_data(as_text=True))
    assert match, "no version on the edit page"
    return match.group(1) or match.group(2)


def _venue_fixed(arena: Arena, version: str, venue: str = "Asker kulturhus, sal 2") -> dict:
    """The page as it was drawn, with only the venue changed."""
    return _form(arena, title=arena.title, description=arena.description, venue=venue,
                 breaks="5", version=version)


def _saved(arena: Arena) -> Arena:
    db.session.expire_all()
    return db.session.get(Arena, arena.id)


def test_a_meeting_moved_meanwhile_is_no_conflict(client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1,
                       schedule_published_at=datetime.now(UTC))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=1, table=0)
    row_version = arena.version
    sent = _venue_fixed(arena, _opened(client, arena))

    base = f"/staff/arenas/{arena.id}/meetings/{meeting.id}"
    assert client.post(f"{base}/move", data={"slot": "3", "table": "2"}).status_code in (302,
                                                                                          303)
    assert client.post(f"{base}/cancel").status_code == 302
    assert _saved(arena).version > row_version  # the schedule changes wrote the row

    response = client.post(f"/staff/arenas/{arena.id}/edit", data=sent)
    assert response.status_code == 302
    assert _saved(arena).venue == "Asker kulturhus, sal 2"


def test_a_schedule_built_and_published_meanwhile_is_no_conflict(client, staff, fitting_room):
    arena = fitting_room[0]
    version = _opened(client, arena)
    sent = _form(arena, title=arena.title, description=arena.description, slot_count="4",
                 breaks="", table_count="2", venue="Asker kulturhus, sal 2", version=version)
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert client.post(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 302
    assert _saved(arena).schedule_published

    response = client.post(f"/staff/arenas/{arena.id}/edit", data=sent)
    assert response.status_code == 302
    saved = _saved(arena)
    assert saved.venue == "Asker kulturhus, sal 2" and saved.status == "scheduled"


def test_an_edit_of_the_page_meanwhile_is_still_a_conflict(client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1,
                       schedule_published_at=datetime.now(UTC))
    mine = _opened(client, arena)
    theirs = _opened(client, arena)  # a colleague's tab
    assert client.post(f"/staff/arenas/{arena.id}/edit",
                       data=_venue_fixed(arena, theirs, "Bærum rådhus")).status_code == 302

    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_venue_fixed(arena, mine, "Asker kulturhus, sal 2"))
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone changed this arena after you opened it" in page
    assert 'value="Asker kulturhus, sal 2"' in page  # what they typed is kept
    assert _saved(arena).venue == "Bærum rådhus"

    # saving again, with the version the conflict page carries, replaces theirs on purpose
    again = _VERSION.search(page)
    sent = _venue_fixed(arena, again.group(1) or again.group(2), "Asker kulturhus, sal 2")
    assert client.post(f"/staff/arenas/{arena.id}/edit", data=sent).status_code == 302
    assert _saved(arena).venue == "Asker kulturhus, sal 2"


def test_the_same_edit_sent_twice_after_a_schedule_change_is_saved_once(client, staff):
    """A guard: 3915805's double click still saves once, the schedule written between."""
    arena = make_arena(status="scheduled", schedule_sequence=1,
                       schedule_published_at=datetime.now(UTC))
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=1, table=0)
    sent = _venue_fixed(arena, _opened(client, arena))
    path = f"/staff/arenas/{arena.id}/edit"
    assert client.post(path, data=sent).status_code == 302
    assert client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/move",
                       data={"slot": "3", "table": "2"}).status_code in (302, 303)
    assert client.post(path, data=sent).status_code == 302
    assert _saved(arena).venue == "Asker kulturhus, sal 2"
