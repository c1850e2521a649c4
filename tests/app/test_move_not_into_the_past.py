"""During the arena a meeting cannot be moved into a slot that has begun: staff moving
meetings on the day (a no-show's partner, a late arrival) could put one at 09:00 at 10:30,
and both people were told of a meeting that cannot take place. A meeting missed at 09:00
may still move to a later slot, and one under way to another table."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from flask_babel import force_locale

from app.extensions import db
from app.models import Meeting
from app.services import meeting_changes
from app.services.errors import DomainError
from tests.factories import make_arena, make_meeting, make_participant, make_user


@pytest.fixture
def day(app):
    arena = make_arena(table_count=3)  # 09:00, 15-minute slots, slot 5 (index 4) a break
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    early = make_meeting(arena, founder, investor, slot=0, table=0)
    later = make_meeting(arena, make_participant(arena, "founder"),
                         make_participant(arena, "investor"), slot=3, table=0)
    now = arena.slot_start(2).astimezone(UTC) + timedelta(minutes=1)  # 09:31
    return arena, early, later, now, make_user("staff", association="asker")


@pytest.mark.parametrize(("lang", "says"), [
    ("en", "Slot 2 began at 09:15: move the meeting to a slot still to come."),
    ("nb", "Tidsluke 2 begynte kl. 09:15: flytt møtet til en tidsluke som ikke har begynt "
           "ennå."),
])
def test_a_meeting_is_not_moved_into_a_slot_that_has_begun(app, day, lang, says):
    arena, _early, later, now, staff = day
    with (app.test_request_context(), force_locale(lang),
          pytest.raises(DomainError) as refused):
        meeting_changes.move(staff, arena, later.id, slot=1, table=1, now=now)
    assert refused.value.message == says
    db.session.expire_all()
    assert (db.session.get(Meeting, later.id).slot, db.session.get(Meeting, later.id).table) \
        == (3, 0)


def test_a_missed_meeting_moves_on_and_one_under_way_changes_table(app, day):
    arena, early, later, now, staff = day
    with app.test_request_context():
        meeting_changes.move(staff, arena, early.id, slot=5, table=1, now=now)
        meeting_changes.move(staff, arena, later.id, slot=3, table=2,
                             now=arena.slot_start(3).astimezone(UTC) + timedelta(minutes=5))
    db.session.expire_all()
    assert (db.session.get(Meeting, early.id).slot, db.session.get(Meeting, early.id).table) \
        == (5, 1)
    assert db.session.get(Meeting, later.id).table == 2
