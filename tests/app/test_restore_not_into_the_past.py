"""During the arena a cancelled meeting is not restored into a slot that has begun, as a
meeting is not moved into one (test_move_not_into_the_past): both people were told of a
meeting at 09:00 at 09:31. The pair is let back into the next re-run instead, which uses
only the slots still to come, and staff are told why."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from flask_babel import force_locale

from app.extensions import db
from app.models import Meeting
from app.services import meeting_changes
from tests.factories import make_arena, make_meeting, make_participant, make_user


@pytest.fixture
def day(app):
    arena = make_arena(table_count=3)  # 09:00, 15-minute slots, slot 5 (index 4) a break
    staff = make_user("staff", association="asker")
    early = make_meeting(arena, make_participant(arena, "founder"),
                         make_participant(arena, "investor"), slot=0, table=0)
    later = make_meeting(arena, make_participant(arena, "founder"),
                         make_participant(arena, "investor"), slot=3, table=0)
    now = arena.slot_start(2).astimezone(UTC) + timedelta(minutes=1)  # 09:31
    with app.test_request_context():
        for meeting in (early, later):
            meeting_changes.cancel(staff, arena, meeting.id)
    return arena, early, later, now, staff


def test_a_meeting_in_a_slot_that_has_begun_is_not_restored_there(app, day):
    arena, early, later, now, staff = day
    with app.test_request_context():
        assert meeting_changes.restore(staff, arena, early.id, now=now) is False
        assert meeting_changes.restore(staff, arena, later.id, now=now) is True
    db.session.expire_all()
    # out of the schedule, but no longer kept out of a re-run
    assert db.session.get(Meeting, early.id).state == "cancelled"
    assert db.session.get(Meeting, later.id).state == "scheduled"


@pytest.mark.parametrize(("lang", "says"), [
    ("en", "Slot 1 began at 09:00, so the meeting is not put back there. Re-run the schedule "
           "to give the pair a slot still to come."),
    ("nb", "Tidsluke 1 begynte kl. 09:00, så møtet settes ikke tilbake der. Lag møteplanen på "
           "nytt for å gi paret en tidsluke som ikke har begynt ennå."),
])
def test_staff_are_told_the_slot_had_begun(app, day, lang, says):
    arena, early, later, now, _staff = day
    with app.test_request_context(), force_locale(lang):
        assert meeting_changes.restore_too_late(arena, early, now) == says
        assert meeting_changes.restore_too_late(arena, later, now) is None
