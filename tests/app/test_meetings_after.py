"""After the arena: attendance, the one-question follow-up, and feedback for the engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models import AuditEvent, Interest, InvestorProfile, Invitation, MeetingFeedback
from app.services.feedback import negative_pairs, positive_pairs
from tests.factories import make_arena, make_meeting, make_participant, make_user


def past_arena(**fields):
    day = (datetime.now(UTC) - timedelta(days=2)).date()
    values = {"date": day, "rsvp_deadline": datetime.now(UTC) - timedelta(days=9),
              "status": "scheduled"}
    values.update(fields)
    return make_arena(**values)


def profile_id(invitation) -> int:
    return db.session.query(InvestorProfile).filter_by(user_id=invitation.user_id).one().id


def test_staff_marks_attendance(client, auth):
    arena = past_arena(schedule_published_at=datetime.now(UTC))
    founder = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/attendance")
    assert page.status_code == 200 and founder.user.name.encode() in page.data
    client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}", data={"attended": "yes"})
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is True
    client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}", data={"attended": "no"})
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is False
    assert db.session.query(AuditEvent).filter_by(action="attendance_marked").count() == 2


@pytest.mark.parametrize(("status", "lang", "message"), [
    # the arena is over: its draft can no longer be published (schedule.closed_because)
    ("scheduled", "en", "The schedule was never published, so nobody can be marked"),
    ("done", "nb", "Møteplanen ble aldri publisert, så ingen kan markeres"),
])
def test_no_attendance_on_an_unpublished_draft(client, auth, status, lang, message):
    """Presence makes a meeting held; a draft's meetings were never shown to the two."""
    arena = past_arena(status=status)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    make_meeting(arena, founder, investor, published=False)
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}/attendance").get_data(as_text=True)
    assert message in page and 'name="attended"' not in page
    url = f"/staff/arenas/{arena.id}/attendance/{founder.id}"
    response = client.post(url, data={"attended": "yes"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/staff/arenas/{arena.id}/attendance")
    assert message in client.get(response.headers["Location"]).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is None
    assert db.session.query(AuditEvent).filter_by(action="attendance_marked").count() == 0
    # once staff publish it, the same mark is taken
    arena.schedule_published_at = datetime.now(UTC)
    db.session.commit()
    assert 'name="attended"' in client.get(url.rsplit("/", 1)[0]).get_data(as_text=True)
    client.post(url, data={"attended": "yes"})
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is True


@pytest.mark.parametrize(("fields", "lang", "message"), [
    ({"status": "scheduled"}, "en",
     "The schedule was never published, so nobody can be marked present or absent."),
    ({"status": "done"}, "nb",
     "Møteplanen ble aldri publisert, så ingen kan markeres som til stede eller fraværende."),
    ({"status": "inviting", "date": (datetime.now(UTC) + timedelta(days=30)).date()}, "en",
     "Attendance is marked once the schedule is built."),
    ({"status": "cancelled", "schedule_published_at": datetime.now(UTC)}, "nb",
     "Arenaen er avlyst, så ingen kan markeres som til stede eller fraværende."),
])
def test_a_refused_attendance_mark_says_why_once(client, auth, fields, lang, message):
    """The page says why nobody can be marked yet; a refused mark (a page opened before, a
    hand-made POST) flashed the same sentence above it, or, before the schedule was built, a
    second sentence that contradicted the page's."""
    arena = past_arena(**fields)
    founder = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}",
                           data={"attended": "yes"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert page.count(message) == 1
    assert page.count('class="alert') == 1 and 'name="attended"' not in page
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is None


def test_attendance_of_other_association_is_404(client, auth):
    arena = past_arena(hosts=("baerum",))
    founder = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    assert client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}",
                       data={"attended": "yes"}).status_code == 404
    assert db.session.get(Invitation, founder.id).attended is None


def test_participant_answers_follow_up_once_per_meeting(client, auth):
    arena = past_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor)
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda")
    assert b'name="worth_it"' in page.data
    url = f"/arenas/{arena.id}/meetings/{meeting.id}/feedback"
    client.post(url, data={"worth_it": "yes", "will_follow_up": "no"})
    client.post(url, data={"worth_it": "yes", "will_follow_up": "yes"})  # change of mind
    rows = db.session.query(MeetingFeedback).all()
    assert len(rows) == 1 and rows[0].worth_it and rows[0].will_follow_up


def test_follow_up_waits_for_the_meeting_and_strangers_get_404(client, auth):
    arena = make_arena(status="scheduled")  # 30 days ahead
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    other = make_participant(arena, "founder")
    meeting = make_meeting(arena, founder, investor)
    url = f"/arenas/{arena.id}/meetings/{meeting.id}/feedback"
    auth.login(founder.user.email)
    client.post(url, data={"worth_it": "yes"})
    auth.logout()
    auth.login(other.user.email)
    assert client.post(url, data={"worth_it": "no"}).status_code == 404
    assert db.session.query(MeetingFeedback).count() == 0


@pytest.mark.parametrize(("status", "lang", "message"), [
    ("scheduled", "en", "The meeting schedule is not published yet"),
    ("done", "nb", "Møteplanen er ikke publisert ennå"),
])
def test_no_follow_up_on_a_meeting_of_an_unpublished_draft(client, auth, status, lang,
                                                            message):
    arena = past_arena(status=status)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, investor, published=False)
    auth.login(founder.user.email)
    client.post("/language", data={"lang": lang})
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert 'name="worth_it"' not in page and investor.user.name not in page
    url = f"/arenas/{arena.id}/meetings/{meeting.id}/feedback"
    response = client.post(url, data={"worth_it": "yes", "will_follow_up": "yes"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/arenas/{arena.id}/agenda")
    assert message in client.get(response.headers["Location"]).get_data(as_text=True)
    assert db.session.query(MeetingFeedback).count() == 0
    # once staff publish it, the same answer is taken
    arena.schedule_published_at = datetime.now(UTC)
    db.session.commit()
    assert 'name="worth_it"' in client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    client.post(url, data={"worth_it": "yes", "will_follow_up": "yes"})
    assert db.session.query(MeetingFeedback).count() == 1


def test_feedback_pairs_for_the_engine(app):
    arena = past_arena()
    f1, f2, f3 = (make_participant(arena, "founder") for _ in range(3))
    investor = make_participant(arena, "investor")
    good = make_meeting(arena, f1, investor, slot=0)
    bad = make_meeting(arena, f2, investor, slot=1)
    db.session.add_all([
        MeetingFeedback(meeting_id=good.id, user_id=f1.user_id, worth_it=True,
                        will_follow_up=True),
        MeetingFeedback(meeting_id=bad.id, user_id=investor.user_id, worth_it=False),
        MeetingFeedback(meeting_id=bad.id, user_id=f2.user_id, worth_it=True),
        Interest(pitch_id=f3.pitch_id, investor_profile_id=profile_id(investor),
                 side="founder", kind="interested"),
        Interest(pitch_id=f3.pitch_id, investor_profile_id=profile_id(investor),
                 side="investor", kind="interested"),
    ])
    db.session.commit()
    q = str(profile_id(investor))
    assert positive_pairs() == sorted([(str(f1.pitch_id), q), (str(f3.pitch_id), q)])
    assert negative_pairs() == [(str(f2.pitch_id), q)]


def test_answers_about_a_drafts_meetings_teach_the_engine_nothing(app):
    """Answers taken about meetings of a schedule staff never published (before the POST was
    refused) are about meetings nobody was told of: neither pair is learned from, while the
    same answers about a published schedule's meetings are."""
    draft, published = past_arena(status="done"), past_arena(status="done")
    q_inv = make_participant(draft, "investor")
    founders = [make_participant(draft, "founder") for _ in range(2)]
    liked = make_meeting(draft, founders[0], q_inv, slot=0, published=False)
    disliked = make_meeting(draft, founders[1], q_inv, slot=1, published=False)
    investor = make_participant(published, "investor")
    founder = make_participant(published, "founder")
    met = make_meeting(published, founder, investor, slot=0)
    db.session.add_all([
        MeetingFeedback(meeting_id=liked.id, user_id=founders[0].user_id, worth_it=True,
                        will_follow_up=True),
        MeetingFeedback(meeting_id=disliked.id, user_id=q_inv.user_id, worth_it=False),
        MeetingFeedback(meeting_id=met.id, user_id=founder.user_id, worth_it=True),
    ])
    db.session.commit()
    assert draft.schedule_published_at is None
    assert positive_pairs() == [(str(founder.pitch_id), str(profile_id(investor)))]
    assert negative_pairs() == []


@pytest.mark.parametrize("role", ["founder", "investor"])
def test_participants_cannot_mark_attendance(client, auth, role):
    arena = past_arena()
    me = make_participant(arena, role)
    auth.login(me.user.email)
    assert client.post(f"/staff/arenas/{arena.id}/attendance/{me.id}",
                       data={"attended": "yes"}).status_code == 403
