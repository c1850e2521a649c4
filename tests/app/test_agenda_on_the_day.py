"""The agenda on the arena's day, on a phone: the meeting at hand and the next at the top."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models.arena import LOCAL_TZ
from app.services import agenda
from tests.factories import make_arena, make_meeting, make_participant

pytestmark = pytest.mark.usefixtures("midday_in_oslo")


def _today(minutes_ago: int = 20, slots: int = 8):
    """An arena today in Oslo whose first 10-minute slot began `minutes_ago` minutes ago.
    Its slots must end by midnight: a module using it runs at `midday_in_oslo`."""
    now = datetime.now(UTC)
    start = (now - timedelta(minutes=minutes_ago)).astimezone(LOCAL_TZ)
    start = start.replace(second=0, microsecond=0)
    return make_arena(status="scheduled", date=start.date(), start_time=start.time(),
                      end_time=(start + timedelta(minutes=10 * slots)).time(),
                      slot_minutes=10, slot_count=slots, breaks=[],
                      rsvp_deadline=now - timedelta(days=2)), start


def _room(arena):
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(3)]
    had = make_meeting(arena, founder, investors[0], slot=0, table=0)
    now_m = make_meeting(arena, founder, investors[1], slot=2, table=1)
    later = make_meeting(arena, founder, investors[2], slot=5, table=0)
    return founder, investors, had, now_m, later


def test_the_agenda_says_which_meeting_is_now_and_which_is_next(client, auth):
    arena, _start = _today(minutes_ago=25)  # slot 2 (20-30 min) runs now
    founder, investors, _had, now_m, later = _room(arena)
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    top = page[page.index('id="agenda-now"'):page.index("<table")]
    assert f'href="#meeting-{now_m.id}"' in top and f'href="#meeting-{later.id}"' in top
    assert f"table 2, with {investors[1].user.name}" in top
    assert f"table 1, with {investors[2].user.name}" in top
    row = page[page.index(f'id="meeting-{now_m.id}"'):]
    assert '<span class="badge text-bg-primary">Now</span>' in row[:row.index("</td>")]
    row = page[page.index(f'id="meeting-{later.id}"'):]
    assert "Next</span>" in row[:row.index("</td>")]


def test_now_and_next_only_on_the_day():
    class Item:
        def __init__(self, start, minutes=10, active=True, absent=None):
            self.start, self.end, self.active = start, start + timedelta(minutes=minutes), active
            self.absent = absent

    day = datetime(2030, 6, 19, 9, 0, tzinfo=LOCAL_TZ)

    class Arena:
        status, schedule_published, date = "scheduled", True, day.date()

    items = [Item(day), Item(day + timedelta(minutes=10), active=False),
             Item(day + timedelta(minutes=20))]
    at = (day + timedelta(minutes=12)).astimezone(UTC)
    assert agenda.now_and_next(Arena, items, at) == (None, items[2])  # a called-off one skipped
    at = (day + timedelta(minutes=5)).astimezone(UTC)
    assert agenda.now_and_next(Arena, items, at) == (items[0], items[2])
    assert agenda.now_and_next(Arena, items, at - timedelta(days=1)) == (None, None)
    Arena.status = "done"
    assert agenda.now_and_next(Arena, items, at) == (None, None)


def test_the_day_before_no_now_or_next(client, auth):
    arena = make_arena(status="scheduled")
    founder, *_ = _room(arena)
    auth.login(founder.user.email)
    assert 'id="agenda-now"' not in client.get(f"/arenas/{arena.id}/agenda").get_data(
        as_text=True)


def test_a_partner_marked_absent_is_neither_now_nor_next(client, auth):
    arena, _start = _today(minutes_ago=25)  # slot 2 runs now
    founder, investors, _had, now_m, later = _room(arena)
    investors[1].attended = False  # the one of the meeting at hand did not come
    investors[2].attended = False
    db.session.commit()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert 'id="agenda-now"' not in page
    assert "Now</span>" not in page and "Next</span>" not in page
