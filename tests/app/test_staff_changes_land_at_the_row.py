"""A change staff make on a row of the schedule or of the attendance list comes back to that
row: lock, move, cancel and restore at the meeting (#meeting-12, or #cancelled-12 in the
list of cancelled meetings), a mark at the person (#attendance-7, the next one to mark just
below). They came back to the top of the page: marking thirty people at the door, a
keyboard or screen-reader user (and a phone's thumb) had to find the place again each time.
A refused move came back to its row already."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import make_arena, make_meeting, make_participant

pytestmark = pytest.mark.usefixtures("staff")


@pytest.fixture
def scheduled(app):
    arena = make_arena(slot_count=3, breaks=[], table_count=2, status="scheduled")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=0, table=0)
    return arena, meeting


def _at(response) -> str:
    assert response.status_code in (302, 303)
    location = response.headers["Location"]
    return location.split("#", 1)[1] if "#" in location else ""


def test_lock_move_cancel_and_restore_come_back_to_the_meeting(client, scheduled):
    arena, meeting = scheduled
    base = f"/staff/arenas/{arena.id}/meetings/{meeting.id}"
    assert _at(client.post(f"{base}/lock", data={"locked": "1"})) == f"meeting-{meeting.id}"
    assert _at(client.post(f"{base}/move", data={"slot": "2", "table": "2"})) == \
        f"meeting-{meeting.id}"
    assert _at(client.post(f"{base}/cancel")) == f"cancelled-{meeting.id}"
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert f'id="cancelled-{meeting.id}"' in page
    assert _at(client.post(f"{base}/restore")) == f"meeting-{meeting.id}"
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert f'id="meeting-{meeting.id}"' in page


def test_a_mark_comes_back_to_the_persons_row(client):
    arena = make_arena(date=datetime.now(UTC).date() - timedelta(days=1), status="scheduled",
                       schedule_published_at=datetime.now(UTC) - timedelta(days=3),
                       rsvp_deadline=datetime.now(UTC) - timedelta(days=9))
    people = [make_participant(arena, side) for side in ("founder", "investor", "founder")]
    second = people[1]

    response = client.post(f"/staff/arenas/{arena.id}/attendance/{second.id}",
                           data={"attended": "yes"})

    assert _at(response) == f"attendance-{second.id}"
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert f'id="attendance-{second.id}"' in page
