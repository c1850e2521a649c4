"""A no-show marked absent at the door gets no meetings when staff run the schedule again on
the arena's day: the re-run took the attendance mark for nothing, so it kept the absent
person's meetings (locked ones too) and could give them new ones, telling the people they
were to meet. Their meetings are now cancelled by the run, the freed people meet someone
else where they can, and the schedule page says why the absent person has none."""

from __future__ import annotations

from datetime import UTC, datetime

from app.extensions import db
from app.models import Invitation, Meeting
from app.services import no_meetings
from tests.app.page_text import main_text
from tests.factories import (
    make_arena,
    make_meeting,
    make_participant,
    make_score,
    make_user,
)


def _active(arena_id: int) -> set[tuple[int, int]]:
    db.session.expire_all()
    return {(m.founder_user_id, m.investor_user_id) for m in db.session.query(Meeting)
            .filter_by(arena_id=arena_id, state="scheduled")}


def test_a_rerun_gives_someone_marked_absent_no_meetings(client, auth):
    arena = make_arena(status="scheduled", schedule_published_at=datetime.now(UTC))
    founders = [make_participant(arena, "founder") for _ in range(2)]
    gone = make_participant(arena, "investor")
    came = make_participant(arena, "investor")
    for f in founders:
        make_score(f, gone, 0.9)
        make_score(f, came, 0.5)
    make_meeting(arena, founders[0], gone, slot=0, table=0, locked=True)
    make_meeting(arena, founders[1], gone, slot=1, table=0)
    auth.login(make_user("staff", association="asker").email)
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert (founders[0].user_id, gone.user_id) in _active(arena.id)  # locked: kept

    db.session.get(Invitation, gone.id).attended = False
    db.session.commit()
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert _active(arena.id) == {(f.user_id, came.user_id) for f in founders}
    text = main_text(client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True))
    assert f"{gone.user.name} . Marked absent on the attendance page, so the schedule " \
           "gives them no meetings." in text


def test_the_reason_is_worded_for_staff_and_for_the_person(app):
    with app.test_request_context():
        assert no_meetings.reasons(no_meetings.Inputs(
            people=(1, 2), withdrawn=frozenset(), available={1: frozenset(), 2: frozenset({0})},
            caps={1: 3, 2: 3}, pairs=frozenset({(2, 1)}), placed=(), tables=2,
            absent=frozenset({1}))) == {1: no_meetings.ABSENT, 2: no_meetings.NO_COMMON_TIME}
        assert no_meetings.ABSENT in no_meetings.CODES
        assert "mark them present" in no_meetings.staff_text(no_meetings.ABSENT)
        message = no_meetings.participant_message("Grønn arena", no_meetings.ABSENT)
        assert "marked you as not at the arena" in message
