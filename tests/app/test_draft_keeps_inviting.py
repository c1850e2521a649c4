"""Building a draft schedule no longer moves the arena from "Inviting" to "Scheduled" on its
own. Staff tried a draft a week before the answer deadline and found the arena "Scheduled":
the invitation list closed (no more people could be invited), and whoever said yes after
that could not set their own times ("The organisers are planning the meetings now"). Now the
arena goes on inviting while the draft is a draft; publishing it moves it to "Scheduled",
and the page that asks before publishing says so. A participant who narrows their times
while a draft exists loses the draft meetings outside them (nobody is told: nobody knows of
the draft), so publishing never sends a meeting outside someone's times."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Arena, Invitation, Meeting, Notification
from tests.factories import make_invitation, make_user


@pytest.fixture
def staff_lang():
    """The staff member reads English."""
    return "en"


def _arena(arena_id: int) -> Arena:
    db.session.expire_all()
    return db.session.get(Arena, arena_id)


def test_a_draft_leaves_the_arena_inviting_and_publishing_moves_it_on(client, staff,
                                                                     fitting_room):
    arena = fitting_room[0]
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert _arena(arena.id).status == "inviting"
    assert db.session.scalars(select(Meeting).filter_by(state="scheduled")).all()
    # the invitation list is still open: staff can add someone
    newcomer = make_user("investor")
    response = client.post(f"/staff/arenas/{arena.id}/invitations/add",
                           data={"user_id": str(newcomer.id)})
    assert response.status_code == 302
    assert db.session.scalar(select(Invitation).filter_by(arena_id=arena.id,
                                                          user_id=newcomer.id))
    page = client.get(f"/staff/arenas/{arena.id}/schedule/publish").get_data(as_text=True)
    assert "The arena then changes from “Inviting” to “Scheduled”." in page
    assert client.post(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 302
    assert _arena(arena.id).status == "scheduled"


def test_a_late_yes_can_still_set_their_times_while_the_schedule_is_a_draft(
        client, auth, staff, fitting_room):
    arena = fitting_room[0]
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    late = make_invitation(arena, make_user("founder"), state="invited")
    auth.logout()
    auth.login(late.user.email)
    assert client.post(f"/arenas/{arena.id}/answer", data={"answer": "accept"}
                       ).status_code == 302
    response = client.post(f"/arenas/{arena.id}/times", data={"arrive_slot": "1",
                                                               "leave_slot": "3"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, late.id).arrive_slot == 1


def test_narrowed_times_drop_the_draft_meetings_outside_them_and_tell_nobody(
        client, auth, staff, fitting_room):
    arena, founders, _investors = fitting_room
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    me = founders[0]
    mine = db.session.scalars(select(Meeting).filter_by(founder_user_id=me.user_id,
                                                        state="scheduled")).all()
    assert {m.slot for m in mine} - {0}  # a meeting after the first slot
    before = db.session.query(Notification).count()
    auth.logout()
    auth.login(me.user.email)
    response = client.post(f"/arenas/{arena.id}/times", data={"arrive_slot": "0",
                                                               "leave_slot": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    kept = db.session.scalars(select(Meeting).filter_by(founder_user_id=me.user_id,
                                                        state="scheduled")).all()
    assert all(m.slot == 0 for m in kept)
    assert db.session.query(Notification).count() == before
    assert _arena(arena.id).schedule_published_at is None
