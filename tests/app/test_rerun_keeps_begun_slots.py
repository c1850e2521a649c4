"""A run of the schedule on the arena's day leaves the slots that have begun as they are.
Staff re-run it during the arena (after marking a no-show absent, say): the run placed
meetings anew in every slot, so meetings already held at 09:00 moved to later slots, new
ones were put in slots that were over, and everyone concerned was told."""

from __future__ import annotations

from datetime import UTC, timedelta

from app.extensions import db
from app.models import Invitation, Meeting
from app.services import schedule as schedule_service
from tests.factories import make_arena, make_participant, make_score, make_user


def _meetings(arena_id: int) -> set[tuple[int, int, int, int]]:
    db.session.expire_all()
    return {(m.founder_user_id, m.investor_user_id, m.slot, m.table)
            for m in db.session.query(Meeting).filter_by(arena_id=arena_id, state="scheduled")}


def test_a_run_during_the_arena_keeps_what_has_begun(app):
    arena = make_arena(table_count=2, meeting_cap=4, founder_capacity=4, investor_capacity=4)
    founders = [make_participant(arena, "founder") for _ in range(3)]
    investors = [make_participant(arena, "investor") for _ in range(3)]
    for n, f in enumerate(founders):
        for k, i in enumerate(investors):
            make_score(f, i, 0.3 + 0.1 * ((n + k) % 3))
    staff = make_user("staff", association="asker")
    with app.test_request_context():
        schedule_service.build(staff, arena)  # days before: every slot is free
        first = _meetings(arena.id)
        # 09:31: slots 0 (09:00), 1 (09:15) and 2 (09:30) have begun
        now = arena.slot_start(2).astimezone(UTC) + timedelta(minutes=1)
        begun = {m for m in first if m[2] <= 2}
        assert begun
        gone = investors[0]
        db.session.get(Invitation, gone.id).attended = False
        db.session.commit()
        schedule_service.build(staff, arena, now=now)
    after = _meetings(arena.id)
    assert {m for m in after if m[2] <= 2} == begun  # held or not, as they were
    assert not any(m[1] == gone.user_id for m in after if m[2] > 2)  # absent: no new ones
    assert any(m[2] > 2 for m in after)


def test_before_the_arena_every_slot_is_placed(app):
    arena = make_arena(table_count=2, meeting_cap=4)
    founders = [make_participant(arena, "founder") for _ in range(2)]
    investors = [make_participant(arena, "investor") for _ in range(2)]
    for f in founders:
        for i in investors:
            make_score(f, i, 0.6)
    staff = make_user("staff", association="asker")
    with app.test_request_context():
        before_start = arena.slot_start(0).astimezone(UTC) - timedelta(minutes=1)
        schedule_service.build(staff, arena, now=before_start)
    assert any(m[2] == 0 for m in _meetings(arena.id))
