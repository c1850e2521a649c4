"""Staff cannot cancel a meeting that has begun. On the arena's day the schedule page offered
Cancel on every row, the 09:00 meeting's at 10:00 too: both people were told it was called
off, and it left feedback and "met before" though it took place (or did not, which is what
attendance records). A meeting still to come stays cancellable."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.models import Invitation, Meeting, Notification
from tests.app.page_text import main_text
from tests.app.test_agenda_on_the_day import _room, _today

pytestmark = pytest.mark.usefixtures("midday_in_oslo")


@pytest.fixture
def day(app):
    """An arena whose first 10-minute slot began 25 minutes ago: the slot-0 meeting is had,
    the slot-2 one under way, the slot-5 one still to come; published."""
    arena, _start = _today(minutes_ago=25)
    arena.schedule_published_at = datetime.now(UTC)
    db.session.commit()
    founder, investors, had, now_m, later = _room(arena)
    return arena, founder, had, now_m, later


def schedule(arena) -> str:
    return f"/staff/arenas/{arena.id}/schedule"


def url(arena, meeting, action: str = "cancel") -> str:
    return f"/staff/arenas/{arena.id}/meetings/{meeting.id}/{action}"


def test_a_begun_meeting_is_not_cancelled(client, staff, day):
    arena, _founder, had, now_m, later = day
    for meeting in (had, now_m):
        assert client.get(url(arena, meeting)).status_code == 302  # no "are you sure?"
        asked = client.get(schedule(arena)).get_data(as_text=True)
        assert "so it can no longer be cancelled" in asked
        assert "mark them absent on the Attendance page" in main_text(asked)
        client.post(url(arena, meeting))
        assert "This meeting began at" in client.get(schedule(arena)).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Meeting, had.id).state == "scheduled"
    assert db.session.get(Meeting, now_m.id).state == "scheduled"
    assert not db.session.scalars(db.select(Notification)).all()  # nobody told
    # one still to come is cancelled as before
    client.post(url(arena, later))
    db.session.expire_all()
    assert db.session.get(Meeting, later.id).state == "cancelled_by_staff"


def test_the_schedule_offers_no_cancel_on_a_begun_meeting(client, staff, day):
    arena, _founder, had, now_m, later = day
    page = client.get(schedule(arena)).get_data(as_text=True)

    def row(meeting):
        part = page[page.index(f'id="meeting-{meeting.id}"'):]
        return part[:part.index("</tr>")]

    for meeting in (had, now_m):
        assert url(arena, meeting) not in row(meeting)
        assert "Has begun, so it cannot be cancelled." in row(meeting)
        assert url(arena, meeting, "move") in row(meeting)  # a missed one may still move on
    assert url(arena, later) in row(later) and "Has begun" not in row(later)


def test_in_bokmal(client, staff, day):
    arena, _founder, had, _now_m, _later = day
    client.post("/language", data={"lang": "nb"})
    page = client.get(schedule(arena)).get_data(as_text=True)
    assert "Har begynt, så det kan ikke avlyses." in page
    client.post(url(arena, had))
    said = client.get(schedule(arena)).get_data(as_text=True)
    assert "Dette møtet begynte kl." in said
    assert "marker dem som fraværende på siden Oppmøte" in said


def test_an_absent_persons_begun_meetings_are_not_ones_to_cancel(client, staff, day):
    arena, founder, _had, _now_m, _later = day
    founder.attended = False
    db.session.commit()
    text = main_text(client.get(schedule(arena)).get_data(as_text=True))
    # of their three meetings only the slot-5 one is still to come
    assert f"{founder.user.name} : 1 meeting" in text


def test_a_begun_meeting_with_someone_marked_absent_reads_not_held(client, staff, day):
    """The row asked "Did someone not come? Mark them absent" beside a person already
    marked absent: the question is answered, so the row says the meeting was not held."""
    arena, _founder, had, now_m, _later = day
    absent = db.session.scalar(db.select(Invitation).where(
        Invitation.arena_id == arena.id, Invitation.user_id == had.investor_user_id))
    absent.attended = False
    db.session.commit()
    page = client.get(schedule(arena)).get_data(as_text=True)

    def row(meeting):
        part = page[page.index(f'id="meeting-{meeting.id}"'):]
        return part[:part.index("</tr>")]

    assert "Not held: one of them is marked absent." in row(had)
    assert "Did someone not come?" not in row(had)
    assert "Did someone not come?" in row(now_m)  # nobody marked absent there
    client.post("/language", data={"lang": "nb"})
    page = client.get(schedule(arena)).get_data(as_text=True)
    assert "Ikke holdt: en av dem er markert som fraværende." in row(had)
