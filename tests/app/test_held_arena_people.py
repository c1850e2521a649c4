"""Once an arena has taken place (Arena.held: marked done, or its end has passed) nobody's
place at it changes any more: a participant can no longer cancel their participation, staff
can no longer change anyone's times or meeting cap, take people off the list, add them or
send invitations and reminders, and an invitation can no longer be answered. Each is refused
with one reason, stated on the page where the buttons were, and nothing changes. Before,
only the status was read: at an arena whose end had passed but which staff had not marked
done ("scheduled"), a cancel or a removal called off meetings that had happened (which
attendance, feedback and "met before" read) and told the partners of it."""

from __future__ import annotations

import contextvars
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, AuditEvent, Invitation, Meeting, Notification
from app.services import rsvp
from tests.factories import (
    make_arena,
    make_arena_over,
    make_done_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)

STAFF_SAYS = {
    "en": ("The arena has taken place: who is invited, their times and meeting caps can no longer "
           "be changed, and no invitations or reminders are sent."),
    "nb": ("Arenaen er gjennomført: hvem som er invitert, tidene deres og hvor mange møter "
           "de vil ha, kan ikke lenger endres, og det sendes ingen invitasjoner eller "
           "påminnelser."),
}


@pytest.fixture
def held():
    """A published schedule that took place: a founder met an investor; another investor
    waits for a seat."""
    arena = make_arena_over(schedule_sequence=2, investor_capacity=1,
                            scheduled_at=datetime.now(UTC) - timedelta(days=9))
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor)
    waiting = make_invitation(arena, make_user("investor"), state="waiting_list", rank=2)
    return arena, founder, investor, meeting, waiting


def snapshot(arena) -> tuple:
    """Everything the refused changes would touch."""
    db.session.expire_all()
    row = db.session.get(Arena, arena.id)
    invitations = db.session.execute(select(
        Invitation.id, Invitation.state, Invitation.arrive_slot, Invitation.leave_slot,
        Invitation.meeting_cap, Invitation.invited_at, Invitation.reminded_at)
        .where(Invitation.arena_id == arena.id).order_by(Invitation.id)).all()
    meetings = db.session.execute(select(Meeting.id, Meeting.state, Meeting.slot)
                                  .where(Meeting.arena_id == arena.id)).all()
    return (row.status, row.schedule_sequence, [tuple(i) for i in invitations],
            [tuple(m) for m in meetings])


def told_or_audited() -> tuple[int, int]:
    return (db.session.scalar(select(func.count(Notification.id))),
            db.session.scalar(select(func.count(AuditEvent.id)).where(
                AuditEvent.action.not_like("login%"))))


@pytest.mark.parametrize(("lang", "says"), [
    ("en", "“Grønn arena” is over, so your participation can no longer be cancelled."),
    ("nb", "«Grønn arena» er over, så du kan ikke lenger melde deg av."),
])
def test_a_participant_cannot_cancel_at_an_arena_over(app, client, auth, held, lang, says):
    arena, founder, _investor, _meeting, _waiting = held
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    agenda = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert f'<p class="mt-4 small text-body-secondary" id="withdraw-closed">{says}</p>' in agenda
    assert f"/arenas/{arena.id}/withdraw" not in agenda
    before, counts = snapshot(arena), told_or_audited()
    response = client.post(f"/arenas/{arena.id}/withdraw")  # a page left open
    assert response.status_code == 302
    assert client.get(response.location).get_data(as_text=True).count(says) == 1
    assert snapshot(arena) == before and before[2][0][1] == "accepted"
    assert told_or_audited() == counts and not outbox_of(app)


def test_a_participant_still_cancels_before_the_arena(client, auth):
    # after the answer deadline: before it, the agenda's cancel is the arena page's No
    # (test_cancel_before_the_deadline)
    arena = make_arena(status="scheduled", rsvp_deadline=datetime.now(UTC) - timedelta(days=1))
    founder = make_participant(arena, "founder")
    auth.login(founder.user.email)
    assert f"/arenas/{arena.id}/withdraw" in client.get(
        f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    client.post(f"/arenas/{arena.id}/withdraw")
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "cancelled"


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_staff_change_nobodys_place_at_an_arena_over(app, client, staff, held, lang):
    arena, founder, investor, meeting, waiting = held
    says = STAFF_SAYS[lang]
    client.post("/language", data={"lang": lang})
    page = f"/staff/arenas/{arena.id}/invitations"
    html = client.get(page).get_data(as_text=True)
    assert f'id="invitations-held">{says}</p>' in html
    for offered in ("/remove", f"/invitations/{founder.id}/times", "/send", "/remind",
                    "/propose", f"{page}/add"):
        assert offered not in html, offered
    times = client.get(f"{page}/{founder.id}/times").get_data(as_text=True)
    assert f'<p id="times-closed">{says}</p>' in times and 'name="arrive_slot"' not in times
    stranger = make_user("investor")
    before, counts = snapshot(arena), told_or_audited()
    for post, data in ((f"{page}/{founder.id}/remove", {}),
                       (f"{page}/{waiting.id}/remove", {}),
                       (f"{page}/add", {"user_id": str(stranger.id)}),
                       (f"{page}/send", {}), (f"{page}/remind", {}),
                       (f"{page}/{waiting.id}/move", {"direction": "up"})):
        response = client.post(post, data=data)
        assert response.status_code == 302, post
        assert client.get(response.location).get_data(as_text=True).count(says) == 1, post
    asked = client.get(f"{page}/send")  # the page that asks first
    assert asked.status_code == 302
    assert client.get(asked.location).get_data(as_text=True).count(says) == 1
    refused = client.post(f"{page}/{founder.id}/times",
                          data={"arrive_slot": "1", "leave_slot": "2", "meeting_cap": "1"})
    assert refused.status_code == 422
    assert refused.get_data(as_text=True).count(says) == 1
    assert snapshot(arena) == before and before[3] == [(meeting.id, "scheduled", 0)]
    assert told_or_audited() == counts and not outbox_of(app)


def test_the_command_line_changes_no_times_at_an_arena_over(app, held):
    arena, founder, _investor, _meeting, _waiting = held
    before = snapshot(arena)
    runner = app.test_cli_runner()
    result = contextvars.Context().run(runner.invoke, args=[
        "arenas", "times", str(arena.id), founder.user.email, "--cap", "0"])
    assert result.exit_code == 1 and f"Error: {STAFF_SAYS['en']}" in result.output
    assert snapshot(arena) == before


def test_an_arena_marked_done_is_held_too(client, staff):
    """Marked done (which staff can do only once it has taken place, 139e213), it is held by
    its status as well as by its end."""
    arena = make_done_arena()
    person = make_participant(arena, "investor")
    html = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert STAFF_SAYS["en"] in html and "/remove" not in html
    client.post(f"/staff/arenas/{arena.id}/invitations/{person.id}/remove")
    db.session.expire_all()
    assert db.session.get(Invitation, person.id).state == "accepted"


@pytest.mark.parametrize(("lang", "says"), [
    ("en", "“Grønn arena” is over, so the invitation can no longer be answered."),
    ("nb", "«Grønn arena» er over, så invitasjonen kan ikke lenger besvares."),
])
def test_an_invitation_to_an_arena_over_is_not_answered(client, auth, held, lang, says):
    arena, founder, _investor, _meeting, _waiting = held
    invited = make_invitation(arena, make_user("founder"), state="invited")
    token = rsvp.make_token(founder)
    founder.user.locale = invited.user.locale = lang
    db.session.commit()
    before = snapshot(arena)
    # through the e-mailed link, a no after a yes (whose note names the times too) and a yes
    for tok, note in ((token, ALL_OVER[lang]), (rsvp.make_token(invited), says)):
        page = client.get(f"/arenas/rsvp/{tok}").get_data(as_text=True)
        assert f'id="answer-closed">{note}</p>' in page and 'name="answer"' not in page
        for choice in ("decline", "accept"):
            response = client.post(f"/arenas/rsvp/{tok}", data={"answer": choice})
            assert response.status_code == 302
            assert client.get(response.location).get_data(as_text=True).count(note) == 1
    # logged in
    auth.login(invited.user.email)
    client.post("/language", data={"lang": lang})
    response = client.post(f"/arenas/{arena.id}/answer", data={"answer": "accept"})
    assert client.get(response.location).get_data(as_text=True).count(says) == 1
    assert snapshot(arena) == before


def test_attendance_of_a_draft_never_published_says_it_never_will_be(client, staff):
    arena = make_arena_over(scheduled_at=datetime.now(UTC) - timedelta(days=3))
    founder = make_participant(arena, "founder")
    make_meeting(arena, founder, make_participant(arena, "investor"), published=False)
    says = "The schedule was never published, so nobody can be marked present or absent."
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert says in page and "not published yet" not in page
    response = client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}",
                           data={"attended": "yes"})
    assert client.get(response.location).get_data(as_text=True).count(says) == 1
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is None


TIMES_OVER = {
    "en": "“Grønn arena” is over, so your times and number of meetings can no longer be "
          "changed.",
    "nb": "«Grønn arena» er over, så tidene dine og hvor mange møter du vil ha, kan ikke "
          "lenger endres.",
}
# the invitation page's one note for someone who said yes: answer and times close together
ALL_OVER = {
    "en": "“Grønn arena” is over, so your answer, your times and number of meetings can no "
          "longer be changed.",
    "nb": "«Grønn arena» er over, så svaret ditt, tidene dine og hvor mange møter du vil ha, "
          "kan ikke lenger endres.",
}


@pytest.fixture
def still_inviting():
    """An arena that ended yesterday while staff left it "inviting" (no schedule built),
    and someone who accepted, with times of their own."""
    arena = make_arena_over(status="inviting", slot_count=8, breaks=[4], meeting_cap=3)
    return arena, make_participant(arena, "founder", arrive_slot=1, leave_slot=6,
                                   meeting_cap=2)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_participant_changes_no_times_at_an_arena_over_still_inviting(
        client, auth, still_inviting, lang):
    """The participant's own times page offered the form, and a change was saved (and
    audited), at an arena over but still "inviting": only the status was read."""
    arena, me = still_inviting
    me.user.locale = lang
    db.session.commit()
    auth.login(me.user.email)
    page = client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    # one note for the answer and the times, which close together; there were two
    assert f'id="answer-closed">{ALL_OVER[lang]}</p>' in page
    assert page.count({"en": "is over", "nb": "er over"}[lang]) == 1
    assert 'name="arrive_slot"' not in page and f"/arenas/{arena.id}/times" not in page
    for data in ({"arrive_slot": "0", "leave_slot": "8", "meeting_cap": "3"},
                 {"arrive_slot": "0", "leave_slot": "8", "meeting_cap": "two"}):
        response = client.post(f"/arenas/{arena.id}/times", data=data)
        assert response.status_code == 302 and response.location.endswith("#answer-closed")
        shown = client.get(response.location).get_data(as_text=True)
        assert shown.count(ALL_OVER[lang]) == 1 and 'class="alert alert-danger"' not in shown
    token = rsvp.make_token(me)
    by_link = client.post(f"/arenas/rsvp/{token}/times", data={"leave_slot": "8"})
    assert by_link.status_code == 302
    db.session.expire_all()
    row = db.session.get(Invitation, me.id)
    assert (row.arrive_slot, row.leave_slot, row.meeting_cap) == (1, 6, 2)
    assert db.session.scalar(select(func.count(AuditEvent.id)).where(
        AuditEvent.action == "availability_set")) == 0


def test_the_api_and_the_service_refuse_times_at_an_arena_over_still_inviting(
        app, client, still_inviting):
    from app.services import availability
    from tests.app.api.helpers import bearer

    arena, me = still_inviting
    me.user.locale = "en"
    db.session.commit()
    headers = bearer(me.user)
    assert client.get(f"/api/v1/arenas/{arena.id}/times",
                      headers=headers).get_json()["editable"] is False
    response = client.put(f"/api/v1/arenas/{arena.id}/times", headers=headers,
                          json={"arrive": None, "leave": None, "meeting_cap": None})
    assert response.status_code == 422
    assert response.get_json()["error"]["message"] == TIMES_OVER["en"]
    with app.test_request_context(), pytest.raises(availability.TimesOver):
        availability.set_by_participant(me.user, me.id, 2, 6, 1)
    db.session.expire_all()
    row = db.session.get(Invitation, me.id)
    assert (row.arrive_slot, row.leave_slot, row.meeting_cap) == (1, 6, 2)
