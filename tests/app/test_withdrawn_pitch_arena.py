"""An invited founder whose pitch was withdrawn after the invitation (made a draft again, or
hidden by staff): staff's invitation list says so on the row, and the schedule gives the
founder no meetings (locked ones included) until the pitch is shown again."""

from __future__ import annotations

import re

from app.extensions import db
from app.models import Meeting, MeetingRequest, Pitch
from app.services import moderation, pitches
from tests.factories import make_arena, make_meeting, make_participant, make_score


def _row(page: str, invitation_id: int) -> str:
    match = re.search(rf'<tr[^>]*data-invitation-id="{invitation_id}".*?</tr>', page, re.S)
    assert match, invitation_id
    return match.group(0)


def test_the_invitation_list_marks_withdrawn_pitches(client, staff):
    arena = make_arena()
    shown, drafted, hidden = (make_participant(arena, "founder") for _ in range(3))
    pitches.unpublish(db.session.get(Pitch, drafted.pitch_id))
    moderation.hide(db.session.get(Pitch, hidden.pitch_id), "Reklame", staff)
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert "Pitch unpublished" in _row(page, drafted.id)
    assert "Pitch hidden" in _row(page, hidden.id)
    assert "no meetings until it is shown again" in _row(page, drafted.id)
    for word in ("Pitch unpublished", "Pitch hidden", "no meetings"):
        assert word not in _row(page, shown.id)


def _meetings_of(arena, founder) -> list[Meeting]:
    db.session.expire_all()
    return list(db.session.query(Meeting).filter_by(
        arena_id=arena.id, founder_user_id=founder.user_id, state="scheduled"))


def test_the_schedule_gives_a_withdrawn_pitch_no_meetings(client, staff):
    arena = make_arena(status="scheduled")
    keeps, withdraws = make_participant(arena, "founder"), make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(2)]
    for founder in (keeps, withdraws):
        for investor in investors:
            make_score(founder, investor, 0.8)
    make_meeting(arena, withdraws, investors[0], slot=0, locked=True)
    db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=investors[1].user_id,
                                  to_user_id=withdraws.user_id, state="accepted"))
    db.session.commit()
    pitches.unpublish(db.session.get(Pitch, withdraws.pitch_id))
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert _meetings_of(arena, keeps)
    # neither the locked meeting nor the one both asked for
    assert not _meetings_of(arena, withdraws)
    # published again, the next run gives the founder meetings
    pitches.publish(db.session.get(Pitch, withdraws.pitch_id))
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    assert _meetings_of(arena, withdraws)
