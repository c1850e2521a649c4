"""An arena that has taken place with a published schedule (Arena.held: its end has passed,
though staff have not marked it done) can no longer be cancelled: that called off every
meeting that had happened (which attendance, feedback and "met before" read) and told
everyone the arena was cancelled after they had been there. The staff page offers no
Cancel button there, and a cancel (a page left open) is refused, changing nothing. One
held without a published schedule, where nobody met through Koble, is still closed by
cancelling it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Meeting, Notification
from tests.factories import make_arena_over, make_meeting, make_participant, outbox_of

SAYS = {
    "en": ("The arena has taken place with its meetings, so it can no longer be "
           "cancelled. Move it to “Done” instead."),
    "nb": ("Arenaen er gjennomført og møtene fant sted, så den kan ikke lenger avlyses. "
           "Flytt den til «Gjennomført» i stedet."),
}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_arena_held_with_its_meetings_is_not_cancelled(app, client, staff, lang):
    arena = make_arena_over(schedule_published_at=datetime.now(UTC))
    founder = make_participant(arena, "founder")
    meeting = make_meeting(arena, founder, make_participant(arena, "investor"), slot=0)
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert f'/staff/arenas/{arena.id}/cancel"' not in page and 'id="finish-arena"' in page
    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    assert response.status_code == 302
    assert SAYS[lang] in client.get(response.headers["Location"]).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "scheduled"
    assert db.session.get(Meeting, meeting.id).state == "scheduled"
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0
    assert outbox_of(app) == []


def test_an_arena_over_whose_schedule_was_never_published_is_still_cancelled(client, staff):
    arena = make_arena_over(status="inviting")
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert f'/staff/arenas/{arena.id}/cancel"' in page
    client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "cancelled"
