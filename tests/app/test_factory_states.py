"""The test factories make only states the site can reach. Staff mark an arena Done only
once it has taken place (139e213), yet about fifteen tests made Done arenas 30 days ahead
(make_arena's default date): they described an arena nobody can produce, and one that reads
as held everywhere (Arena.held) although its day is still to come."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.extensions import db
from app.models import Arena
from app.models.arena import LOCAL_TZ
from tests.factories import make_arena, make_done_arena


@pytest.mark.parametrize("fields", [
    {},  # the default date: 30 days ahead
    {"date": datetime.now(LOCAL_TZ).date() + timedelta(days=1)},
    {"date": date(2099, 1, 1)},
])
def test_the_factory_refuses_a_done_arena_still_to_come(app, fields):
    with pytest.raises(ValueError, match="done arena must have ended"):
        make_arena(status="done", **fields)
    assert db.session.query(Arena).count() == 0


def test_a_done_arena_has_taken_place(app):
    arena = make_done_arena()
    assert arena.status == "done"
    assert arena.ends_at.astimezone(UTC) < datetime.now(UTC)
    assert arena.rsvp_deadline.replace(tzinfo=UTC) < arena.starts_at.astimezone(UTC)
    yesterday = make_arena(status="done", date=datetime.now(LOCAL_TZ).date() - timedelta(days=1),
                           end_time=time(23, 0))
    assert yesterday.held
