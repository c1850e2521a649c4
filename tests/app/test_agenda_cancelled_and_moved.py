"""The participant's agenda says what staff changed after publishing the schedule: a meeting
they cancelled stays on the page, struck through and marked, with nothing to do on it, until
the arena is over; a meeting they moved says where it was ("Moved: was 09:00, table 1"), for
whoever printed the agenda or remembers the old time. Before, a cancelled meeting just
disappeared, and a moved one looked as if it had always been where it is."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Arena, Meeting
from app.models.user import utcnow
from app.services import agenda
from tests.factories import (
    make_arena,
    make_arena_over,
    make_meeting,
    make_participant,
    make_score,
    make_user,
)


@pytest.fixture
def room():
    """A scheduled arena 30 days ahead (09:00, 15-minute slots, slot 5 a break): the founder
    meets `first` at 09:00 at table 1 and `second` at 09:15 at table 2."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder = make_participant(arena, "founder")
    first, second = make_participant(arena, "investor"), make_participant(arena, "investor")
    early = make_meeting(arena, founder, first, slot=0, table=0)
    later = make_meeting(arena, founder, second, slot=1, table=1)
    return arena, founder, first, second, early, later


def as_staff(client, auth):
    staff = make_user("staff", association="asker")
    auth.login(staff.email)
    return staff


def agenda_of(client, auth, invitation, locale: str = "en") -> str:
    invitation.user.locale = locale
    db.session.commit()
    auth.logout()
    auth.login(invitation.user.email)
    client.post("/language", data={"lang": locale})
    return client.get(f"/arenas/{invitation.arena_id}/agenda").get_data(as_text=True)


def row_of(page: str, meeting) -> str:
    start = page.index(f'id="meeting-{meeting.id}"')
    return page[start:page.index("</tr>", start)]


def staff_cancel(client, auth, arena, meeting):
    as_staff(client, auth)
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/cancel")
    assert response.status_code == 302


def staff_move(client, arena, meeting, slot: int, table: int):
    response = client.post(f"/staff/arenas/{arena.id}/meetings/{meeting.id}/move",
                           data={"slot": str(slot), "table": str(table)})
    assert response.status_code == 302


# --- cancelled by the organisers ------------------------------------------------------------
def test_a_meeting_staff_cancelled_stays_on_the_agenda_marked_and_without_actions(
        client, auth, room):
    arena, founder, first, second, early, later = room
    staff_cancel(client, auth, arena, early)
    page = agenda_of(client, auth, founder)
    row = row_of(page, early)
    assert "<del>09:00–09:15</del>" in row
    assert "Cancelled</span>" in row
    assert f"<del>{first.user.name}" in row
    assert "The organisers cancelled this meeting." in row
    assert "<form" not in row and "mailto:" not in row and "Why you match" not in row
    # Not counted as a meeting: the other one is still next, and the page has meetings.
    assert 'id="no-meetings"' not in page
    assert f'id="meeting-{later.id}"' in page
    assert "The organisers cancelled" not in row_of(page, later)

    items = agenda.page_items(founder.user, arena)
    assert [(i.meeting.id, i.active, i.cancelled_by_staff) for i in items] == [
        (early.id, False, True), (later.id, True, False)]
    assert agenda.agenda_meetings(founder.user, arena) == ([later], [early])  # the API's


def test_the_cancelled_meeting_reads_in_bokmaal_too(client, auth, room):
    arena, founder, first, _second, early, _later = room
    staff_cancel(client, auth, arena, early)
    row = row_of(agenda_of(client, auth, first, "nb"), early)
    assert "<del>09:00–09:15</del>" in row
    assert "Avlyst</span>" in row
    assert "Arrangørene har avlyst dette møtet." in row


def test_with_only_a_cancelled_meeting_the_page_says_there_is_none_and_shows_it(
        client, auth, room):
    arena, _founder, first, _second, early, _later = room
    staff_cancel(client, auth, arena, early)
    page = agenda_of(client, auth, first)
    assert 'id="no-meetings"' in page
    assert "The organisers cancelled this meeting." in row_of(page, early)


def test_a_meeting_called_off_because_the_partner_withdrew_is_not_shown(client, auth, room):
    """A guard: only a cancel by the organisers gets the line; "cancelled" rows are also what
    a re-run replaced, no meeting anyone had."""
    arena, founder, first, _second, early, later = room
    auth.login(first.user.email)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code in (302, 303)
    db.session.expire_all()
    assert db.session.get(Meeting, early.id).state == "cancelled"
    page = agenda_of(client, auth, founder)
    assert f'id="meeting-{early.id}"' not in page
    assert f'id="meeting-{later.id}"' in page


def test_a_cancel_in_a_draft_nobody_saw_is_not_shown(client, auth):
    """A guard: the people of a draft's meeting never knew of it."""
    arena = make_arena(status="scheduled")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    other = make_participant(arena, "investor")
    draft = make_meeting(arena, founder, investor, slot=0, table=0, published=False,
                         state="cancelled_by_staff")
    kept = make_meeting(arena, founder, other, slot=1, table=0, published=False)
    arena.schedule_published_at = utcnow()  # published after the cancel
    db.session.commit()
    db.session.expire_all()
    ids = [i.meeting.id for i in agenda.page_items(founder.user,
                                                   db.session.get(Arena, arena.id))]
    assert draft.id not in ids and kept.id in ids


def test_a_cancelled_meeting_is_not_shown_once_the_arena_is_over(client, auth):
    """A guard: the line is for the day; after it the meetings had are the record."""
    arena = make_arena_over()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    other = make_participant(arena, "investor")
    cancelled = make_meeting(arena, founder, investor, slot=0, table=0,
                             state="cancelled_by_staff")
    make_meeting(arena, founder, other, slot=1, table=0)
    assert agenda.calendar_items(founder.user, arena)[0].cancelled_by_staff
    page = agenda_of(client, auth, founder)
    assert f'id="meeting-{cancelled.id}"' not in page


# --- moved by the organisers ----------------------------------------------------------------
def test_a_moved_meeting_says_where_it_was_in_english_and_bokmaal(client, auth, room):
    arena, founder, first, _second, early, later = room
    as_staff(client, auth)
    staff_move(client, arena, early, slot=6, table=3)  # slot 6 counted from 1: 10:15
    row = row_of(agenda_of(client, auth, founder), early)
    assert "10:15–10:30" in row
    assert "Moved: was 09:00, table 1" in row
    assert "Table 3" in row
    assert "Moved:" not in row_of(agenda_of(client, auth, founder), later)
    assert "Flyttet: var kl. 09:00, bord 1" in row_of(agenda_of(client, auth, first, "nb"),
                                                      early)


def test_moved_twice_it_names_the_first_place_and_moved_back_none(client, auth, room):
    arena, founder, _first, _second, early, _later = room
    as_staff(client, auth)
    staff_move(client, arena, early, slot=6, table=3)
    staff_move(client, arena, early, slot=7, table=2)
    (item,) = [i for i in agenda.page_items(founder.user, arena) if i.meeting.id == early.id]
    assert (f"{item.moved_from[0]:%H:%M}", item.moved_from[1]) == ("09:00", 1)
    as_staff(client, auth)
    staff_move(client, arena, early, slot=1, table=1)  # back where it was published
    page = agenda_of(client, auth, founder)
    assert "Moved:" not in page
    db.session.expire_all()
    assert db.session.get(Meeting, early.id).moved_from_start is None


def test_a_move_in_a_draft_is_no_move(client, auth):
    """A guard: nobody saw the draft, so it has no earlier place."""
    arena = make_arena(status="scheduled")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=0, table=0, published=False)
    as_staff(client, auth)
    staff_move(client, arena, meeting, slot=2, table=2)
    db.session.expire_all()
    assert db.session.get(Meeting, meeting.id).moved_from_start is None


def test_a_re_run_that_moves_a_published_meeting_says_where_it_was(client, auth):
    """The pair sits in slot 5, now a break, at table 4: the re-run has to move it."""
    arena = make_arena(status="scheduled", table_count=4, schedule_sequence=1)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_score(founder, investor, 0.9)
    meeting = make_meeting(arena, founder, investor, slot=4, table=3)
    as_staff(client, auth)
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    db.session.expire_all()
    moved = db.session.get(Meeting, meeting.id)
    assert moved.state == "scheduled" and moved.slot != 4
    row = row_of(agenda_of(client, auth, founder), meeting)
    assert "Moved: was 10:00, table 4" in row


def test_a_new_slot_length_that_moves_a_meeting_says_where_it_was(client, auth, staff):
    """An edit of the arena (3 slots of 20 minutes, no break) moves the 09:15 meeting to
    09:20: its people were told of the new time (meetings_retimed), the agenda says it."""
    from tests.app.test_call_off_notices import edit

    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, slot=1, table=0)
    assert edit(client, arena, slot_count="3", slot_minutes="20", breaks="").status_code == 302
    row = row_of(agenda_of(client, auth, founder), meeting)
    assert "09:20–09:40" in row and "Moved: was 09:15, table 1" in row


def test_the_meeting_that_took_a_cancelled_ones_place_comes_first(client, auth, room):
    """Staff cancel the 09:00 meeting and move the 09:15 one there: on a phone the meeting
    on comes before the one called off at the same time, not under it."""
    arena, founder, _first, _second, early, later = room
    staff_cancel(client, auth, arena, early)
    staff_move(client, arena, later, slot=1, table=1)
    page = agenda_of(client, auth, founder)
    assert page.index(f'id="meeting-{later.id}"') < page.index(f'id="meeting-{early.id}"')
    assert "Moved: was 09:15, table 2" in row_of(page, later)
