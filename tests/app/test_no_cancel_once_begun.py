"""No cancelling of one's participation once the arena has begun: on the day, at 10:00,
"I can no longer come" called off the meetings already had at 09:00 as well, told their
partners that those were called off, and took them out of feedback and "met before"."""

from __future__ import annotations

from datetime import time

import pytest

from app.extensions import db
from app.models import Invitation, Meeting, Notification
from tests.app.test_agenda_on_the_day import _room, _today
from tests.factories import make_arena

pytestmark = pytest.mark.usefixtures("midday_in_oslo")


def test_no_cancelling_once_the_arena_has_begun(client, auth):
    arena, _start = _today(minutes_ago=25)
    founder, investors, had, _now_m, _later = _room(arena)
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert "cancel my participation" not in page
    assert "has begun, so your participation can no longer be cancelled" in page
    client.post(f"/arenas/{arena.id}/withdraw")
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "accepted"
    assert db.session.get(Meeting, had.id).state == "scheduled"  # the meeting they had
    assert not db.session.scalars(db.select(Notification).where(
        Notification.user_id == investors[0].user_id)).all()


def test_cancelling_before_the_day_still_works(client, auth):
    arena = make_arena(status="scheduled", start_time=time(9, 0))
    founder, *_ = _room(arena)
    auth.login(founder.user.email)
    assert "cancel my participation" in client.get(f"/arenas/{arena.id}/agenda").get_data(
        as_text=True)
    client.post(f"/arenas/{arena.id}/withdraw")
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "cancelled"
