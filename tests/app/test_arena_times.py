"""A person's time at an arena: the participant (or staff for them) says when they arrive and
leave and at most how many meetings they want; bad values change nothing; only the invitee
and the host association's staff can change it; the schedule, the agenda and the attendance
list follow it.

The test arena (tests/factories.make_arena): 8 slots of 15 minutes from 09:00, slot 4
(10:00) a break; leaving "at slot k" means the last slot attended is k - 1.
"""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Arena
from app.services import rsvp
from tests.app.arena_times_support import active, audits, stored
from tests.app.test_i18n import _client_in, _untranslated
from tests.factories import (
    make_arena,
    make_done_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_score,
    make_user,
)


def staff_url(arena, invitation) -> str:
    return f"/staff/arenas/{arena.id}/invitations/{invitation.id}/times"


# --- the participant ------------------------------------------------------------------------
def test_participant_sets_window_and_cap_on_the_arena_page(client, auth):
    arena = make_arena(meeting_cap=4)
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    page = client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert 'id="times"' in page and 'name="arrive_slot"' in page
    assert "09:15" in page and "10:00 (break)" in page and "11:00" in page  # clock times
    assert "You are there 09:00–11:00, for up to 4 meetings." in page
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "1", "leave_slot": "6", "meeting_cap": "2"})
    assert response.status_code == 302 and response.location.endswith("#times")
    assert stored(me.id) == (1, 6, 2)
    page = client.get(response.location).get_data(as_text=True)
    assert "Your times are saved." in page
    assert "You are there 09:15–10:30, for at most 2 meetings (your own limit)." in page
    [event] = audits()
    assert event.actor_id == me.user_id and "arrive=09:15 leave=10:30 cap=2" in event.detail


def test_whole_time_and_empty_cap_store_the_arena_defaults(client, auth):
    arena = make_arena()
    me = make_participant(arena, "investor", arrive_slot=2, leave_slot=5, meeting_cap=1)
    auth.login(me.user.email)
    client.post(f"/arenas/{arena.id}/times",
                data={"arrive_slot": "0", "leave_slot": "8", "meeting_cap": ""})
    assert stored(me.id) == (None, None, None)


def test_invitee_sets_times_through_the_emailed_link_without_login(client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"))
    url = "/arenas/rsvp/" + rsvp.make_token(invitation)
    assert 'name="arrive_slot"' not in client.get(url).get_data(as_text=True)  # not accepted
    client.post(url, data={"answer": "accept"})
    page = client.get(url).get_data(as_text=True)
    assert f'action="{url}/times"' in page
    response = client.post(url + "/times", data={"arrive_slot": "0", "leave_slot": "3"})
    assert response.status_code == 302 and response.headers["Cache-Control"] == "no-store"
    assert stored(invitation.id) == (None, 3, None)
    assert client.post("/arenas/rsvp/not-a-token/times",
                       data={"leave_slot": "2"}).status_code == 404


BAD = [
    ({"arrive_slot": "5", "leave_slot": "3"}, "The leaving time must be after the arrival time."),
    ({"arrive_slot": "3", "leave_slot": "3"}, "The leaving time must be after the arrival time."),
    ({"arrive_slot": "8", "leave_slot": "8"}, "Choose an arrival time from the arena"),
    ({"arrive_slot": "-1", "leave_slot": "8"}, "Choose an arrival time from the arena"),
    ({"arrive_slot": "0", "leave_slot": "9"}, "Choose a leaving time from the arena"),
    ({"arrive_slot": "0", "leave_slot": "0"}, "Choose a leaving time from the arena"),
    ({"arrive_slot": "x", "leave_slot": "8"}, "Choose an arrival time from the arena"),
    ({"arrive_slot": "4", "leave_slot": "5"}, "There is no meeting slot between these times"),
    ({"meeting_cap": "-1"}, "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": "4"}, "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": "999999999999"}, "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": "1" + "0" * 5000}, "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": "-" + "9" * 40}, "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": "--5"}, "Enter a whole number."),
    ({"meeting_cap": "two"}, "Enter a whole number."),
]


@pytest.mark.parametrize(("form", "message"), BAD)
def test_bad_times_are_refused_and_nothing_changes(client, auth, form, message):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    auth.login(me.user.email)
    data = {"arrive_slot": "1", "leave_slot": "6", "meeting_cap": "2", **form}
    response = client.post(f"/arenas/{arena.id}/times", data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    assert stored(me.id) == (1, 6, 2)
    assert audits() == []


@pytest.mark.parametrize(("lang", "form", "message"), [
    ("nb", {"arrive_slot": "5", "leave_slot": "3"}, "Avreisetiden må være etter ankomsttiden."),
    ("en", {"arrive_slot": "5", "leave_slot": "3"}, "The leaving time must be after the arrival"),
    ("nb", {"meeting_cap": "9"}, "Skriv et antall møter fra 0 til 3."),
    ("nb", {"meeting_cap": "to"}, "Skriv inn et helt tall."),
])
def test_refusals_speak_the_users_language(client, auth, lang, form, message):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder")
    auth.login(me.user.email)
    client.post("/language", data={"lang": lang})
    response = client.post(f"/arenas/{arena.id}/times", data=form)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert stored(me.id) == (None, None, None)


# What the participant reads once staff are making the schedule: while it is a draft only
# staff see, nothing is planned for them yet, so it is not "made".
CLOSED = {
    (True, "en"): ("The schedule is already made", "The schedule is made."),
    (True, "nb"): ("Møteplanen er allerede laget", "Møteplanen er laget."),
    (False, "en"): ("The organisers are planning the meetings now, so your times",
                    "the plan can still change until it is published."),
    (False, "nb"): ("Arrangørene planlegger møtene nå, så tidene dine",
                    "planen kan fortsatt endres til den er publisert."),
}


@pytest.mark.parametrize("published", [True, False])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_after_the_schedule_is_made_a_change_is_refused_but_the_same_values_pass(
        client, auth, lang, published):
    from app.models.user import utcnow

    arena = make_arena(status="scheduled",
                       schedule_published_at=utcnow() if published else None)
    me = make_participant(arena, "founder", leave_slot=6)
    auth.login(me.user.email)
    client.post("/language", data={"lang": lang})
    refusal, note = CLOSED[(published, lang)]
    page = client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert 'name="arrive_slot"' not in page  # no form once the schedule is made
    assert note in page
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "0", "leave_slot": "3"})
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert refusal in text
    if not published:
        assert "allerede laget" not in text and "already made" not in text
    assert stored(me.id) == (None, 6, None)
    same = client.post(f"/arenas/{arena.id}/times", data={"arrive_slot": "0", "leave_slot": "6"})
    assert same.status_code == 302 and audits() == []


def test_an_invitee_who_has_not_accepted_cannot_set_times(client, auth):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"))
    auth.login(invitation.user.email)
    assert 'name="arrive_slot"' not in client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    response = client.post(f"/arenas/{arena.id}/times", data={"leave_slot": "3"})
    assert response.status_code == 422 and b"Accept the invitation first" in response.data
    assert stored(invitation.id) == (None, None, None)


def test_strangers_and_other_participants_cannot_change_someone_elses_times(client, auth):
    arena = make_arena()
    me = make_participant(arena, "founder", leave_slot=6)
    other_arena = make_arena(title="Annen arena")
    other = make_participant(other_arena, "investor")
    for user in (make_user("founder"), other.user):
        auth.login(user.email)
        assert client.post(f"/arenas/{arena.id}/times", data={"leave_slot": "2"}
                           ).status_code == 404
        # the staff page is not theirs either
        assert client.post(staff_url(arena, me), data={"leave_slot": "2"}).status_code == 403
        auth.logout()
    assert stored(me.id) == (None, 6, None) and stored(other.id) == (None, None, None)


# --- staff ----------------------------------------------------------------------------------
def test_staff_override_any_invitee_and_it_is_audited(client, staff):
    arena = make_arena(meeting_cap=3)
    waiting = make_invitation(arena, make_user("investor"), "invited")
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert f'id="times-{waiting.id}"' in page and "09:00–11:00" in page
    form = client.get(staff_url(arena, waiting)).get_data(as_text=True)
    assert 'name="leave_slot"' in form and "There 09:00–11:00, for up to 3 meetings." in form
    response = client.post(staff_url(arena, waiting),
                           data={"arrive_slot": "2", "leave_slot": "8", "meeting_cap": "1"})
    assert response.status_code == 302
    assert stored(waiting.id) == (2, None, 1)
    [event] = audits()
    assert event.actor_id == staff.id and event.target == f"arena:{arena.id}"
    assert f"user:{waiting.user_id} arrive=09:30 leave=11:00 cap=1" in event.detail
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert "09:30–11:00" in page and "at most 1 meeting<" in page


@pytest.mark.parametrize(("form", "message"), BAD[:2] + BAD[-3:])
def test_staff_bad_values_are_refused_and_nothing_changes(client, staff, form, message):
    arena = make_arena(meeting_cap=3)
    person = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    data = {"arrive_slot": "1", "leave_slot": "6", "meeting_cap": "2", **form}
    response = client.post(staff_url(arena, person), data=data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    assert stored(person.id) == (1, 6, 2) and audits() == []


def test_staff_change_after_the_schedule_calls_off_what_no_longer_fits(client, staff):
    arena = make_arena(status="scheduled", table_count=4)
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(4)]
    for slot, investor in zip((0, 1, 3, 6), investors, strict=True):
        make_meeting(arena, founder, investor, slot=slot, table=0,
                     value=0.1 * (slot + 1))
    response = client.post(staff_url(arena, founder),
                           data={"arrive_slot": "0", "leave_slot": "4", "meeting_cap": "2"})
    assert response.status_code == 302
    left = active(arena.id)
    # slot 6 is after leaving; of slots 0, 1, 3 the cap keeps the two most valuable
    assert sorted(m.slot for m in left) == [1, 3]
    assert db.session.get(Arena, arena.id).schedule_sequence == 1
    assert "meetings called off=2" in audits()[0].detail
    page = client.get(response.location).get_data(as_text=True)
    assert "2 meetings no longer fit and were called off." in page


def test_done_arena_cannot_be_changed_by_staff(client, staff):
    arena = make_done_arena()
    person = make_participant(arena, "founder")
    response = client.post(staff_url(arena, person), data={"leave_slot": "3"})
    assert response.status_code == 422 and b"can no longer be changed" in response.data
    assert stored(person.id) == (None, None, None)


def test_staff_of_another_association_gets_404(client, auth):
    arena = make_arena(hosts=("baerum",))
    person = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    assert client.get(staff_url(arena, person)).status_code == 404
    assert client.post(staff_url(arena, person), data={"leave_slot": "3"}).status_code == 404
    own = make_arena()
    # an invitation of another arena through one's own arena's URL
    assert client.post(staff_url(own, person), data={"leave_slot": "3"}).status_code == 404
    assert stored(person.id) == (None, None, None)


# --- the schedule and the pages that show the window ---------------------------------------
def test_the_built_schedule_respects_the_window_and_the_cap(client, auth):
    """Set through the pages: an investor leaves at slot 3 (staff), a founder allows
    themself one meeting (own page); everyone wants to meet everyone."""
    arena = make_arena(table_count=6, founder_capacity=6, investor_capacity=6)
    founders = [make_participant(arena, "founder") for _ in range(5)]
    investors = [make_participant(arena, "investor") for _ in range(3)]
    for f in founders:
        for i in investors:
            make_score(f, i, 0.5)
    capped, leaving = founders[0], investors[0]
    auth.login(capped.user.email)
    client.post(f"/arenas/{arena.id}/times", data={"leave_slot": "8", "meeting_cap": "1"})
    auth.logout()
    auth.login(make_user("staff", association="asker").email)
    client.post(staff_url(arena, leaving), data={"arrive_slot": "0", "leave_slot": "3"})
    assert stored(capped.id)[2] == 1 and stored(leaving.id)[1] == 3
    assert client.post(f"/staff/arenas/{arena.id}/schedule/build").status_code == 302
    meetings = active(arena.id)
    leaver = [m for m in meetings if m.investor_user_id == leaving.user_id]
    assert leaver and all(m.slot < 3 for m in leaver)
    assert sum(m.founder_user_id == capped.user_id for m in meetings) <= 1
    # the limits bite: without them, founders meet several investors and investors stay on
    assert max(sum(m.founder_user_id == f.user_id for m in meetings) for f in founders) >= 2
    assert any(m.slot >= 3 for m in meetings if m.investor_user_id != leaving.user_id)


def test_a_locked_meeting_beyond_a_lowered_cap_is_unlocked_on_rerun(client, staff):
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder", meeting_cap=1)
    a, b = make_participant(arena, "investor"), make_participant(arena, "investor")
    make_score(founder, a, 0.5)
    make_score(founder, b, 0.5)
    make_meeting(arena, founder, a, slot=0, table=0, locked=True)
    make_meeting(arena, founder, b, slot=1, table=0, locked=True)
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    assert sum(m.founder_user_id == founder.user_id for m in active(arena.id)) == 1


def test_agenda_and_attendance_show_the_window(client, auth):
    arena = make_arena(status="scheduled")
    me = make_participant(arena, "founder", arrive_slot=2, meeting_cap=2)
    auth.login(me.user.email)
    agenda = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert "You are there 09:30–11:00, for at most 2 meetings (your own limit)." in agenda
    auth.logout()
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert "09:30–11:00" in page and "at most 2 meetings" in page


def test_the_times_pages_are_all_bokmal(app):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder", leave_slot=6)
    staff = make_user("staff", association="asker")
    assert _untranslated(app, f"/arenas/{arena.id}", me.user, data={arena.title}) == []
    assert _untranslated(app, staff_url(arena, me), staff, data={arena.title}) == []
    page = _client_in(app, "nb", me.user).get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert "Tiden din på arenaen" in page and "Du er der 09:00–10:30, for opptil 3 møter." in page
    assert "10:00 (pause)" in page and "arenaens grense på 3 møter" in page
