"""On the arena's day staff mark a no-show absent at the door (attendance page), then go to
the schedule to deal with their meetings: the schedule page said nothing of it, so the
person's meetings looked like any other and the people they were to meet waited at the
table. It now names who is marked absent and still has meetings, and marks them in the
tables."""

from __future__ import annotations

from datetime import UTC, datetime

from app.extensions import db
from tests.app.page_text import main_text
from tests.factories import make_arena, make_meeting, make_participant, make_user


def _arena_with_a_no_show():
    arena = make_arena(status="scheduled", schedule_published_at=datetime.now(UTC))
    founder = make_participant(arena, "founder")
    came = make_participant(arena, "investor")
    gone = make_participant(arena, "investor", attended=False)
    make_meeting(arena, founder, came, slot=0, table=0)
    make_meeting(arena, founder, gone, slot=1, table=0)
    make_meeting(arena, make_participant(arena, "founder"), gone, slot=2, table=1)
    return arena, came, gone


def test_schedule_names_who_is_marked_absent_and_still_has_meetings(client, auth):
    arena, came, gone = _arena_with_a_no_show()
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    text = main_text(page)
    assert ("1 participant marked absent still has meetings: "
            f"{gone.user.name} : 2 meetings") in text  # the name is a link
    assert f'href="#person-{gone.user_id}"' in page
    # each of the two meetings in the tables, and their own heading, say it; nobody else's
    assert text.count("marked absent") == 1 + 2 + 1
    assert f"{came.user.name} marked absent" not in text


def test_in_bokmal_too(client, auth):
    arena, _came, gone = _arena_with_a_no_show()
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": "nb"})
    text = main_text(client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True))
    assert ("1 deltaker som er markert fraværende, har fortsatt møter: "
            f"{gone.user.name} : 2 møter") in text


def test_nothing_is_said_once_their_meetings_are_cancelled(client, auth):
    arena, _came, gone = _arena_with_a_no_show()
    from app.models import Meeting
    for m in db.session.query(Meeting).filter_by(investor_user_id=gone.user_id):
        m.state = "cancelled_by_staff"
    db.session.commit()
    auth.login(make_user("staff", association="asker").email)
    text = main_text(client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True))
    assert "still has meetings" not in text
    assert text.count("marked absent") == 1  # their own heading in the per-person list
