"""/api/v1 arena times: an invitee reads and sets their own arrive/leave/meeting cap, staff of a
host association (and admins) anyone's, with the web's rules and messages (in the token user's
language); a refusal changes nothing; the schedule follows what was set.

The test arena (tests/factories.make_arena): 8 slots of 15 minutes from 09:00 (so 09:00–11:00),
slot 4 (10:00) a break.
"""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Arena, Meeting
from app.services import schedule as schedule_service
from app.services import schedule_publish
from tests.app.api.helpers import bearer
from tests.app.arena_times_support import audits, stored
from tests.factories import (
    make_arena,
    make_done_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_score,
    make_user,
)


def body(arrive=None, leave=None, cap=None) -> dict:
    """A PUT body: all three fields, null for the arena's own."""
    return {"arrive": arrive, "leave": leave, "meeting_cap": cap}


def mine(arena) -> str:
    return f"/api/v1/arenas/{arena.id}/times"


def theirs(arena, invitation) -> str:
    return f"/api/v1/arenas/{arena.id}/invitations/{invitation.id}/times"


# --- the invitee ------------------------------------------------------------------------------
def test_invitee_reads_and_sets_own_times_and_the_schedule_follows(client):
    arena = make_arena(meeting_cap=3, table_count=6, founder_capacity=6, investor_capacity=6)
    me = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(3)]
    others = [make_participant(arena, "founder") for _ in range(2)]
    for founder in (me, *others):
        for investor in investors:
            make_score(founder, investor, 0.5)
    headers = bearer(me.user)

    read = client.get(mine(arena), headers=headers)
    assert read.status_code == 200
    body = read.get_json()
    assert (body["arrive"], body["leave"], body["meeting_cap"]) == ("09:00", "11:00", None)
    assert (body["cap"], body["arena_cap"], body["meeting_slots"], body["editable"]) == (
        3, 3, 7, True)
    assert body["arrive_options"][:2] == ["09:00", "09:15"] and body["leave_options"][-1] == (
        "11:00")

    put = client.put(mine(arena), headers=headers,
                     json={"arrive": "09:15", "leave": "9:45", "meeting_cap": 1})
    assert put.status_code == 200, put.get_json()
    body = put.get_json()
    assert body["changed"] is True and body["meetings_called_off"] == 0
    assert (body["arrive"], body["leave"], body["arrive_slot"], body["leave_slot"]) == (
        "09:15", "09:45", 1, 3)
    assert (body["meeting_cap"], body["cap"], body["meeting_slots"]) == (1, 1, 2)
    assert stored(me.id) == (1, 3, 1)
    [event] = audits()
    assert event.actor_id == me.user_id and "arrive=09:15 leave=09:45 cap=1" in event.detail
    assert client.get(mine(arena), headers=headers).get_json()["leave"] == "09:45"

    staff = make_user("staff")
    schedule_service.build(staff, db.session.get(Arena, arena.id))
    schedule_publish.publish(staff, db.session.get(Arena, arena.id))
    db.session.expire_all()
    meetings = list(db.session.query(Meeting).filter_by(arena_id=arena.id, state="scheduled"))
    my_meetings = [m for m in meetings if m.founder_user_id == me.user_id]
    assert len(my_meetings) == 1 and my_meetings[0].slot in (1, 2)
    # without the limits the others meet several investors, also outside my window
    assert any(m.slot >= 3 for m in meetings)
    agenda = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers=headers).get_json()
    assert [m["starts_at"][11:16] for m in agenda["items"]] in (["09:15"], ["09:30"])


def test_put_is_the_whole_of_it_and_the_same_values_change_nothing(client):
    arena = make_arena()
    me = make_participant(arena, "investor", arrive_slot=2, leave_slot=5, meeting_cap=1)
    headers = bearer(me.user)
    same = client.put(mine(arena), headers=headers,
                      json={"arrive": "09:30", "leave": "10:15", "meeting_cap": 1})
    assert same.status_code == 200 and same.get_json()["changed"] is False
    assert audits() == []
    # a body without the fields is refused, not read as "the arena's own"
    empty = client.put(mine(arena), headers=headers, json={})
    assert empty.status_code == 422
    assert set(empty.get_json()["error"]["fields"]) == {"arrive", "leave", "meeting_cap"}
    assert stored(me.id) == (2, 5, 1)
    # null: the arena's own start, end and limit
    whole = client.put(mine(arena), headers=headers, json=body())
    assert whole.status_code == 200 and whole.get_json()["changed"] is True
    assert stored(me.id) == (None, None, None)


BAD = [
    ({"arrive": "08:00"}, "arrive", "Choose an arrival time from the arena's slots."),
    ({"arrive": "09:10"}, "arrive", "Choose an arrival time from the arena's slots."),
    ({"arrive": "11:00"}, "arrive", "Choose an arrival time from the arena's slots."),
    ({"arrive": "nine"}, "arrive", "Choose an arrival time from the arena's slots."),
    ({"arrive": 900}, "arrive", "Choose an arrival time from the arena's slots."),
    ({"leave": "09:00"}, "leave", "Choose a leaving time from the arena's slots."),
    ({"leave": "12:00"}, "leave", "Choose a leaving time from the arena's slots."),
    ({"arrive": "10:00", "leave": "09:30"}, "leave",
     "The leaving time must be after the arrival time."),
    ({"arrive": "10:00", "leave": "10:15"}, "leave",
     "There is no meeting slot between these times; choose a longer stay."),
    ({"meeting_cap": 4}, "meeting_cap", "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": -1}, "meeting_cap", "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": "999999999999"}, "meeting_cap", "Enter a whole number."),
    ({"meeting_cap": "2"}, "meeting_cap", "Enter a whole number."),
    ({"meeting_cap": 999999999999}, "meeting_cap", "Enter a number of meetings from 0 to 3."),
    ({"meeting_cap": "two"}, "meeting_cap", "Enter a whole number."),
    ({"meeting_cap": True}, "meeting_cap", "Enter a whole number."),
    ({"meeting_cap": 2.5}, "meeting_cap", "Enter a whole number."),
]


@pytest.mark.parametrize(("change", "field", "message"), BAD)
def test_bad_times_are_refused_with_the_webs_message_and_nothing_changes(
        client, change, field, message):
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    me.user.locale = "en"
    db.session.commit()
    sent = {**body("09:15", "10:30", 2), **change}
    response = client.put(mine(arena), headers=bearer(me.user), json=sent)
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["message"] == message and error["fields"] == {field: [message]}
    assert stored(me.id) == (1, 6, 2) and audits() == []


@pytest.mark.parametrize(("locale", "message"), [
    (None, "Avreisetiden må være etter ankomsttiden."),
    ("nb", "Avreisetiden må være etter ankomsttiden."),
    ("en", "The leaving time must be after the arrival time."),
])
def test_refusals_speak_the_token_users_language(app, client, locale, message):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"  # as in production (tests default to English)
    arena = make_arena()
    me = make_participant(arena, "founder")
    me.user.locale = locale
    db.session.commit()
    response = client.put(mine(arena), headers=bearer(me.user),
                          json=body(arrive="10:00", leave="09:30"))
    assert response.status_code == 422 and response.get_json()["error"]["message"] == message
    assert stored(me.id) == (None, None, None)


def test_shape_errors_are_refused_too(client):
    arena = make_arena()
    me = make_participant(arena, "founder", leave_slot=6)
    headers = bearer(me.user)
    unknown = client.put(mine(arena), headers=headers, json={**body(), "leave_slot": 3})
    assert unknown.status_code == 422 and "leave_slot" in unknown.get_json()["error"]["fields"]
    not_json = client.put(mine(arena), headers=headers, data="leave=10:00",
                          content_type="text/plain")
    assert not_json.status_code == 415
    read_only = client.put(mine(arena), headers=bearer(me.user, scope="read"),
                           json=body(leave="10:00"))
    assert read_only.status_code == 403
    assert stored(me.id) == (None, 6, None)


@pytest.mark.parametrize("published", [True, False])
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_after_the_schedule_is_made_the_invitee_is_refused_but_the_same_values_pass(
        client, lang, published):
    from app.models.user import utcnow

    arena = make_arena(status="scheduled",
                       schedule_published_at=utcnow() if published else None)
    me = make_participant(arena, "founder", leave_slot=6)
    me.user.locale = lang
    db.session.commit()
    headers = bearer(me.user)
    assert client.get(mine(arena), headers=headers).get_json()["editable"] is False
    response = client.put(mine(arena), headers=headers, json=body(leave="09:45"))
    # a draft is staff's alone: to the invitee nothing is planned yet, it can still change
    expected = {(True, "en"): "The schedule is already made",
                (True, "nb"): "Møteplanen er allerede laget",
                (False, "en"): "The organisers are planning the meetings now",
                (False, "nb"): "Arrangørene planlegger møtene nå"}
    assert response.status_code == 422
    assert response.get_json()["error"]["message"].startswith(expected[(published, lang)])
    assert stored(me.id) == (None, 6, None)
    same = client.put(mine(arena), headers=headers, json=body(leave="10:30"))
    assert same.status_code == 200 and same.get_json()["changed"] is False


def test_an_invitee_who_has_not_accepted_reads_but_cannot_set(client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder", locale="en"))
    headers = bearer(invitation.user)
    read = client.get(mine(arena), headers=headers)
    assert read.status_code == 200 and read.get_json()["editable"] is False
    response = client.put(mine(arena), headers=headers, json=body(leave="09:45"))
    assert response.status_code == 422
    assert response.get_json()["error"]["message"].startswith("Accept the invitation first")
    assert stored(invitation.id) == (None, None, None)


def test_others_get_404_and_change_nothing(client):
    arena = make_arena()
    me = make_participant(arena, "founder", leave_slot=6)
    proposed = make_invitation(arena, make_user("investor"), "proposed")  # never sent
    other_arena_person = make_participant(make_arena(title="Annen arena"), "investor")
    for user in (make_user("founder"), make_user("investor"), other_arena_person.user,
                 proposed.user):
        headers = bearer(user)
        assert client.get(mine(arena), headers=headers).status_code == 404
        assert client.put(mine(arena), headers=headers,
                          json=body(leave="09:30")).status_code == 404
        # the staff route is not theirs either
        assert client.put(theirs(arena, me), headers=headers,
                          json=body(leave="09:30")).status_code == 403
    assert client.get("/api/v1/arenas/999999/times",
                      headers=bearer(me.user)).status_code == 404
    assert stored(me.id) == (None, 6, None) and audits() == []


# --- staff ------------------------------------------------------------------------------------
def test_staff_read_and_override_anyone_on_the_list(client):
    arena = make_arena(meeting_cap=3)
    waiting = make_invitation(arena, make_user("investor"), "invited")
    staff = make_user("staff", association="asker")
    headers = bearer(staff)
    read = client.get(theirs(arena, waiting), headers=headers)
    assert read.status_code == 200
    assert read.get_json()["user_id"] == waiting.user_id and read.get_json()["editable"] is True
    put = client.put(theirs(arena, waiting), headers=headers,
                     json=body(arrive="09:30", cap=1))
    assert put.status_code == 200
    assert put.get_json()["changed"] is True and put.get_json()["meetings_called_off"] == 0
    assert stored(waiting.id) == (2, None, 1)
    [event] = audits()
    assert event.actor_id == staff.id
    assert f"user:{waiting.user_id} arrive=09:30 leave=11:00 cap=1" in event.detail
    # staff are no invitees: the invitee's own route is not theirs
    assert client.get(mine(arena), headers=headers).status_code == 403


def test_staff_change_after_the_schedule_calls_off_what_no_longer_fits(client):
    arena = make_arena(status="scheduled", table_count=4)
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(4)]
    for slot, investor in zip((0, 1, 3, 6), investors, strict=True):
        make_meeting(arena, founder, investor, slot=slot, table=0, value=0.1 * (slot + 1))
    response = client.put(theirs(arena, founder), headers=bearer(make_user("staff")),
                          json=body(leave="10:00", cap=2))
    assert response.status_code == 200 and response.get_json()["meetings_called_off"] == 2
    db.session.expire_all()
    left = db.session.query(Meeting).filter_by(arena_id=arena.id, state="scheduled")
    assert sorted(m.slot for m in left) == [1, 3]


def test_staff_bad_values_and_a_done_arena_change_nothing(client):
    arena = make_arena(meeting_cap=3)
    person = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    headers = bearer(make_user("staff", locale="en"))
    bad = client.put(theirs(arena, person), headers=headers,
                     json=body(arrive="10:30", leave="09:30"))
    assert bad.status_code == 422
    assert bad.get_json()["error"]["fields"] == {
        "leave": ["The leaving time must be after the arrival time."]}
    done = make_done_arena()
    gone = make_participant(done, "founder")
    refused = client.put(theirs(done, gone), headers=headers, json=body(leave="09:30"))
    assert refused.status_code == 422
    assert refused.get_json()["error"]["message"] == (
        "The arena has taken place: who is invited, their times and meeting caps can no longer be "
        "changed, and no invitations or reminders are sent.")
    assert client.get(theirs(done, gone), headers=headers).get_json()["editable"] is False
    assert stored(person.id) == (1, 6, 2) and stored(gone.id) == (None, None, None)
    assert audits() == []


def test_staff_of_another_association_get_404_and_admins_may(client):
    arena = make_arena(hosts=("baerum",))
    person = make_participant(arena, "founder")
    headers = bearer(make_user("staff", association="asker"))
    assert client.get(theirs(arena, person), headers=headers).status_code == 404
    assert client.put(theirs(arena, person), headers=headers,
                      json=body(leave="09:30")).status_code == 404
    own = make_arena()
    # an invitation of another arena through one's own arena's URL
    assert client.put(theirs(own, person), headers=headers,
                      json=body(leave="09:30")).status_code == 404
    assert stored(person.id) == (None, None, None)
    admin = bearer(make_user("admin", association=None))
    assert client.put(theirs(arena, person), headers=admin,
                      json=body(leave="09:30")).status_code == 200
    assert stored(person.id) == (None, 2, None)


def test_one_refusal_names_every_wrong_and_missing_field(client):
    """`{"arrive": 915, "meeting_cap": -1}` was answered "leave: Missing data" alone; once
    `leave` was sent, the next answer named the next field. One answer now names all three,
    each with its own message, in the documented shape; nothing changes."""
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    me.user.locale = "en"
    db.session.commit()
    response = client.put(mine(arena), headers=bearer(me.user),
                          json={"arrive": 915, "meeting_cap": -1})
    assert response.status_code == 422
    error = response.get_json()["error"]
    assert error["code"] == "validation_error"
    assert error["fields"] == {
        "arrive": ["Choose an arrival time from the arena's slots."],
        "leave": ["Missing data for required field."],
        "meeting_cap": ["Enter a number of meetings from 0 to 3."]}
    assert error["message"] == ("Choose an arrival time from the arena's slots. Missing data "
                                "for required field. Enter a number of meetings from 0 to 3.")
    assert stored(me.id) == (1, 6, 2) and audits() == []
    # staff's PUT answers the same way, and nothing missing still means all three are required
    staff = make_user("staff", association="asker")
    theirs_response = client.put(theirs(arena, me), headers=bearer(staff), json={})
    assert set(theirs_response.get_json()["error"]["fields"]) == {"arrive", "leave",
                                                                  "meeting_cap"}
    spec = client.get("/api/v1/openapi.json").get_json()
    assert set(spec["components"]["schemas"]["TimesIn"]["required"]) == {"arrive", "leave",
                                                                         "meeting_cap"}


@pytest.mark.parametrize("status", ["inviting", "scheduled", "done"])
def test_at_an_arena_over_a_bad_time_gets_the_reason_not_a_field_error(client, status):
    """No values would do once the arena has taken place: the refusal says so, as the web
    page and flask arenas times do, rather than what is wrong with a time typed."""
    from tests.factories import make_arena_over

    arena = make_arena_over(status=status)
    person = make_participant(arena, "founder")
    person.user.locale = "en"
    db.session.commit()
    own = client.put(mine(arena), headers=bearer(person.user), json=body(arrive="25:99"))
    staff = client.put(theirs(arena, person), headers=bearer(make_user("staff", locale="en")),
                       json=body(arrive="25:99"))
    assert own.status_code == staff.status_code == 422
    assert own.get_json()["error"]["message"] == (
        f"“{arena.title}” is over, so your times and number of meetings can no longer be "
        "changed.")
    assert staff.get_json()["error"]["message"].startswith(
        "The arena has taken place: who is invited, their times and meeting caps")
    assert stored(person.id) == (None, None, None) and audits() == []
