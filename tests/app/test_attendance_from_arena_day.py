"""Staff mark who came from the arena's day on (the Oslo date of its start): before, a
published schedule was enough, so someone could be marked present a month ahead, and the
dashboard and "met before" counted meetings as held before they happened. Before the day
the attendance page says from when, where the buttons would be, and a mark (a hand-made
POST) is refused with the same sentence, once, changing nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from app.extensions import db
from app.models import AuditEvent, Invitation
from app.models.arena import LOCAL_TZ
from app.services import attendance
from tests.factories import make_arena, make_participant, make_user

MONTHS_NB = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
             "september", "oktober", "november", "desember")


def published(day: date):
    return make_arena(date=day, status="scheduled", schedule_published_at=datetime.now(UTC),
                      rsvp_deadline=datetime.now(UTC) - timedelta(days=1))


@pytest.mark.parametrize(("lang", "says"), [
    ("en", "Attendance can be marked from the day of the arena, {day:%B} {day.day}, "
           "{day.year}."),
    ("nb", "Oppmøte kan registreres fra og med arenadagen, {day.day}. {month} {day.year}."),
])
def test_nobody_is_marked_before_the_arenas_day(client, auth, lang, says):
    day = (datetime.now(LOCAL_TZ) + timedelta(days=30)).date()
    arena = published(day)
    founder = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    says = says.format(day=day, month=MONTHS_NB[day.month - 1])
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert says in page and 'name="attended"' not in page
    response = client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}",
                           data={"attended": "yes"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert page.count(says) == 1 and page.count('class="alert') == 1
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is None
    assert db.session.query(AuditEvent).filter_by(action="attendance_marked").count() == 0


def test_on_the_arenas_day_staff_mark_who_came(client, auth):
    arena = published(datetime.now(LOCAL_TZ).date())
    founder = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert 'name="attended"' in page and "from the day of the arena" not in page
    client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}", data={"attended": "yes"})
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is True


def test_the_day_begins_at_midnight_in_oslo_not_in_utc(app):
    """12 March 2027 begins at 23:00 UTC on the 11th (Oslo is UTC+1 then)."""
    arena = published(date(2027, 3, 12))
    arena.start_time = time(0, 30)
    with app.test_request_context():
        before = attendance.closed_because(arena, now=datetime(2027, 3, 11, 22, 59, tzinfo=UTC))
        assert before == "Attendance can be marked from the day of the arena, March 12, 2027."
        assert attendance.closed_because(
            arena, now=datetime(2027, 3, 11, 23, 0, tzinfo=UTC)) is None


NEVER_PUBLISHED = ("The schedule was never published, so nobody can be marked present or "
                   "absent.")
NOT_YET = ("The meeting schedule is not published yet, so nobody can be marked present or "
           "absent.")


def test_the_reason_reads_held_at_the_instant_it_is_asked_for(app):
    """closed_because(arena, now) read the day at `now` but "held" at the real clock: a
    draft asked about after the arena's end said "not published yet" while the arena was
    still ahead, and before its end "never published" once it was over."""
    ahead = make_arena(date=date(2027, 3, 12), status="scheduled",
                       rsvp_deadline=datetime(2027, 3, 1, tzinfo=UTC))
    past = make_arena(date=date(2025, 3, 12), status="scheduled",
                      rsvp_deadline=datetime(2025, 3, 1, tzinfo=UTC))
    with app.test_request_context():
        # 12:00 ends the arena: 11:00 UTC in March (Oslo is UTC+1)
        assert attendance.closed_because(
            ahead, now=datetime(2027, 3, 12, 11, 1, tzinfo=UTC)) == NEVER_PUBLISHED
        assert attendance.closed_because(
            past, now=datetime(2025, 3, 12, 10, 59, tzinfo=UTC)) == NOT_YET
    assert ahead.held_at(datetime(2027, 3, 12, 11, 1, tzinfo=UTC)) and not ahead.held
    assert not past.held_at(datetime(2025, 3, 12, 10, 59, tzinfo=UTC)) and past.held
