"""Staff cancel one meeting (someone fell ill): both people are told in their language, the
calendar file sends it CANCELLED with a higher SEQUENCE, a re-run of the schedule leaves the
pair out, and staff see it and can restore it. Before, staff could only move a meeting."""

from __future__ import annotations

import icalendar
import pytest

from app.extensions import db
from app.models import Arena, InvestorProfile, Meeting, Notification
from app.services.agenda_calendar import arena_uid
from tests.factories import (
    make_arena,
    make_meeting,
    make_participant,
    make_score,
    make_user,
    outbox_of,
)


@pytest.fixture
def scheduled():
    """One table, one slot: the founder meets the better investor; the other waits."""
    arena = make_arena(slot_count=1, breaks=[], table_count=1, status="scheduled",
                       schedule_sequence=2)
    founder = make_participant(arena, "founder")
    founder.user.locale = "nb"
    best, second = make_participant(arena, "investor"), make_participant(arena, "investor")
    db.session.commit()
    make_score(founder, best, 0.9)
    make_score(founder, second, 0.5)
    meeting = make_meeting(arena, founder, best, slot=0, table=0, source="suggestion",
                           value=0.9)
    return arena, meeting, founder, best, second


def url(arena, meeting, action: str) -> str:
    return f"/staff/arenas/{arena.id}/meetings/{meeting.id}/{action}"


def state(meeting) -> str:
    db.session.expire_all()
    return db.session.get(Meeting, meeting.id).state


def notes(kind: str) -> list[int]:
    db.session.expire_all()
    return sorted(n.user_id for n in db.session.scalars(
        db.select(Notification).where(Notification.kind == kind)))


def test_cancelling_a_meeting_tells_both_and_the_calendar_file_cancels_it(
        app, client, auth, staff, scheduled):
    arena, meeting, founder, best, second = scheduled
    response = client.post(url(arena, meeting, "cancel"))
    assert response.status_code == 302
    assert state(meeting) == "cancelled_by_staff"
    assert notes("meeting_cancelled") == sorted([founder.user_id, best.user_id])
    mails = {m.to[0]: m for m in outbox_of(app)}
    assert set(mails) == {founder.user.email, best.user.email}  # not staff, not `second`
    assert mails[founder.user.email].subject == "Et møte på Grønn arena er avlyst"
    assert "Arrangørene har avlyst møtet ditt med" in mails[founder.user.email].body
    assert "The organisers cancelled your meeting with" in mails[best.user.email].body

    auth.logout()
    auth.login(best.user.email)
    ics = client.get(f"/arenas/{arena.id}/agenda.ics").data
    (event,) = [e for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")
                if str(e["UID"]) != arena_uid(arena)]  # the meeting, not the arena itself
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) > 2
    agenda = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    row = agenda[agenda.index(f'id="meeting-{meeting.id}"'):]
    assert "The organisers cancelled this meeting." in row[:row.index("</tr>")]


def test_a_re_run_leaves_a_cancelled_pair_out_until_staff_restore_it(client, staff,
                                                                       scheduled):
    arena, meeting, founder, best, second = scheduled
    client.post(url(arena, meeting, "cancel"))
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    db.session.expire_all()
    active = db.session.scalars(db.select(Meeting).where(
        Meeting.arena_id == arena.id, Meeting.state == "scheduled")).all()
    assert [(m.founder_user_id, m.investor_user_id) for m in active] == [
        (founder.user_id, second.user_id)]  # the slot went to the next best, not back
    assert state(meeting) == "cancelled_by_staff"

    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert f'id="cancelled-{meeting.id}"' in page
    # Its slot is taken now: restoring lets the pair into the next re-run.
    response = client.post(url(arena, meeting, "restore"))
    assert response.status_code == 302
    assert state(meeting) == "cancelled"
    assert notes("meeting_restored") == []
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    assert state(meeting) == "scheduled"  # the better pair wins the slot again


def test_restoring_puts_a_meeting_back_in_its_free_slot_and_tells_both(app, client, staff,
                                                                      scheduled):
    arena, meeting, founder, best, _second = scheduled
    client.post(url(arena, meeting, "cancel"))
    sequence = db.session.get(Arena, arena.id).schedule_sequence
    response = client.post(url(arena, meeting, "restore"))
    assert response.status_code == 302
    assert state(meeting) == "scheduled"
    assert db.session.get(Arena, arena.id).schedule_sequence > sequence
    assert notes("meeting_restored") == sorted([founder.user_id, best.user_id])
    nb = [m for m in outbox_of(app) if m.to == [founder.user.email]][-1]
    assert nb.subject == "Et møte på Grønn arena blir likevel av"
    assert "kl. 09:00, bord 1" in nb.body


@pytest.mark.parametrize("who", ["founder", "investor", "other_staff"])
def test_only_the_hosts_staff_may_cancel_or_restore(client, auth, scheduled, who):
    arena, meeting, founder, best, _second = scheduled
    user = (founder.user if who == "founder" else best.user if who == "investor"
            else make_user("staff", association="drammen"))
    auth.login(user.email)
    for action in ("cancel", "restore"):
        assert client.post(url(arena, meeting, action)).status_code in (403, 404)
    assert state(meeting) == "scheduled"
    assert notes("meeting_cancelled") == []
    auth.logout()
    auth.login(make_user("staff", association="asker").email)
    assert client.post(url(arena, meeting, "cancel")).status_code == 302
    assert state(meeting) == "cancelled_by_staff"


def test_cancelling_needs_a_post(client, staff, scheduled):
    arena, meeting, founder, best, _second = scheduled
    page = client.get(url(arena, meeting, "cancel"))  # it asks first
    assert page.status_code == 200
    assert state(meeting) == "scheduled"
    # naming the pair as the schedule's buttons do: the investor with their organisation
    organisation = db.session.scalars(db.select(InvestorProfile.organisation).where(
        InvestorProfile.user_id == best.user_id)).one()
    text = page.get_data(as_text=True)
    assert f"{best.user.name} ({organisation})" in text and founder.user.name in text


def test_a_refused_cancel_or_restore_changes_nothing_and_tells_nobody(app, client, staff,
                                                                      scheduled):
    arena, meeting, *_ = scheduled
    client.post(url(arena, meeting, "restore"))  # not cancelled
    assert state(meeting) == "scheduled"
    assert client.post(url(arena, meeting, "cancel")).status_code == 302
    assert len(outbox_of(app)) == 2
    assert client.post(url(arena, meeting, "cancel")).status_code == 302  # a second time
    page = client.get(f"/staff/arenas/{arena.id}/schedule").get_data(as_text=True)
    assert "Only scheduled meetings can be cancelled." in page
    other = make_arena(status="scheduled")
    stranger = make_meeting(other, make_participant(other, "founder"),
                            make_participant(other, "investor"))
    assert client.post(url(arena, stranger, "cancel")).status_code == 404
    assert state(stranger) == "scheduled"
    assert len(outbox_of(app)) == 2
    assert notes("meeting_cancelled") == sorted([meeting.founder_user_id,
                                                 meeting.investor_user_id])


@pytest.mark.parametrize(("status", "says"), [
    ("done", "The arena has taken place: this schedule is its record and can no longer be "
             "changed."),
    ("cancelled", "The arena is cancelled: this schedule is kept as a record and can no "
                  "longer be changed."),
])
def test_a_held_or_cancelled_arenas_meetings_cannot_be_moved_or_locked(client, staff, scheduled,
                                                                         status, says):
    """Refused with the reason the schedule page states in place of the buttons, once."""
    arena, meeting, *_ = scheduled
    arena = db.session.get(Arena, arena.id)
    arena.table_count = 2
    arena.status = status
    db.session.commit()
    moved = client.post(url(arena, meeting, "move"), data={"slot": "1", "table": "2"})
    assert moved.status_code == 303
    assert client.get(moved.location).get_data(as_text=True).count(says) == 1
    locked = client.post(url(arena, meeting, "lock"), data={"locked": "1"})
    assert locked.status_code == 302
    page = client.get(locked.headers["Location"]).get_data(as_text=True)
    assert page.count(says) == 1
    db.session.expire_all()
    kept = db.session.get(Meeting, meeting.id)
    assert (kept.slot, kept.table, kept.locked, kept.state) == (0, 0, False, "scheduled")
