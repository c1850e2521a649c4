"""Marked absent at the door, a no-show's meetings are dealt with on the schedule (cancelled,
so that the people they were to meet are told): the attendance page led nowhere from there,
and staff had to find the person among every table's meetings. Their row now links to their
own list on the schedule."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.app.page_text import main_text
from tests.factories import make_arena, make_meeting, make_participant, make_user


def test_an_absent_persons_row_links_to_their_meetings(client, auth):
    arena = make_arena(status="scheduled", schedule_published_at=datetime.now(UTC))
    founder = make_participant(arena, "founder", attended=True)
    gone = make_participant(arena, "investor", attended=False)
    make_meeting(arena, founder, gone)
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    link = f'href="/staff/arenas/{arena.id}/schedule#person-{gone.user_id}"'
    assert link in page
    assert f'aria-label="Meetings of {gone.user.name} in the schedule"' in page
    assert f"#person-{founder.user_id}" not in page  # present: nothing to deal with
    assert "Absent – their meetings in the schedule" in main_text(page)
    client.post("/language", data={"lang": "nb"})
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert "møtene deres i møteplanen" in page and link in page
