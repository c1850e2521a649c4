"""After the arena, a meeting whose partner (or oneself) staff marked absent did not take
place: the agenda says so, asks nothing about it (an answer "not worth it" would teach the
engine that a pair who never met is poor) and no longer says contact details are to come."""

from __future__ import annotations

from app.extensions import db
from app.models import MeetingFeedback
from tests.factories import make_arena, make_arena_over, make_meeting, make_participant

NOTE = "appear here once your meeting has begun"


def _held():
    arena = make_arena_over()
    founder = make_participant(arena, "founder")
    came, absent = make_participant(arena, "investor"), make_participant(arena, "investor")
    absent.attended = False
    db.session.commit()
    met = make_meeting(arena, founder, came, slot=0, table=0)
    missed = make_meeting(arena, founder, absent, slot=1, table=0)
    return arena, founder, came, absent, met, missed


def _row(page: str, meeting) -> str:
    row = page[page.index(f'id="meeting-{meeting.id}"'):]
    return row[:row.index("</tr>")]


def test_the_agenda_says_the_partner_did_not_come_and_asks_nothing(client, auth):
    arena, founder, _came, absent, met, missed = _held()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert (f"The organisers marked {absent.user.name} absent, so this meeting did not take "
            "place.") in _row(page, missed)
    assert "/feedback" not in _row(page, missed) and "/feedback" in _row(page, met)
    assert NOTE not in page  # no contact details are to come from a meeting missed


def test_the_absent_one_reads_it_of_themselves(client, auth):
    arena, _founder, _came, absent, _met, missed = _held()
    auth.login(absent.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert "The organisers marked you absent, so this meeting did not take place." in _row(
        page, missed)


def test_no_answer_about_a_meeting_missed(client, auth):
    arena, founder, _came, _absent, met, missed = _held()
    auth.login(founder.user.email)
    for meeting in (missed, met):
        client.post(f"/arenas/{arena.id}/meetings/{meeting.id}/feedback",
                    data={"worth_it": "no", "will_follow_up": "no"})
    answered = {f.meeting_id for f in db.session.scalars(db.select(MeetingFeedback))}
    assert answered == {met.id}


def test_the_note_stays_for_meetings_to_come(client, auth):
    arena = make_arena(status="scheduled")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor)
    auth.login(founder.user.email)
    assert NOTE in client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
