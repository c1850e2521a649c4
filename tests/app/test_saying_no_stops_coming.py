"""A no to an arena's invitation ends as any stopping coming does (meeting_changes.stop_coming,
shared with a participant's cancel, staff's Remove and leaving Koble), but "declined", with
its answer's time and no audit entry: the meetings called off, the partners told, the
waiting requests withdrawn, the seat given to the next on the waiting list. Pinned here
whole, one state each, so that the shared path cannot drift from what a no did before."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Invitation, Meeting, MeetingRequest
from app.services import rsvp
from tests.app.notices_told import told
from tests.app.test_staff_change_notices import founder_meeting_two, mails_to
from tests.factories import make_invitation, make_user, outbox_of


def _fresh(model, id_):
    db.session.expire_all()
    return db.session.get(model, id_)


def test_a_no_after_a_yes_ends_as_stopping_coming_does_but_declined(app):
    arena, founder, early, late, others = founder_meeting_two(bokmaal="early")
    assert arena.status == "scheduled" and arena.schedule_published  # answers still open
    arena.founder_capacity = 2  # the founder and the other one: full
    waiting = make_invitation(arena, make_user("founder"), state="waiting_list", rank=1)
    asked = MeetingRequest(arena_id=arena.id, from_user_id=founder.user_id,
                           to_user_id=others[1].user_id, state="pending")
    db.session.add(asked)
    db.session.commit()
    sequence, before = arena.schedule_sequence, founder.answered_at
    audits = db.session.query(AuditEvent).count()
    outbox_of(app).clear()

    invitation, outcome = rsvp.answer(founder.id, accept=False)

    assert outcome == "declined" and invitation.state == "declined"
    mine = _fresh(Invitation, founder.id)
    assert mine.state == "declined"
    assert mine.answered_at is not None and mine.answered_at != before
    meetings = db.session.scalars(select(Meeting).where(Meeting.arena_id == arena.id)
                                  .order_by(Meeting.slot, Meeting.table)).all()
    assert [(m.founder_user_id == founder.user_id, m.state) for m in meetings] == [
        (True, "cancelled"), (False, "scheduled"), (True, "cancelled")]
    assert not any(m.locked for m in meetings if m.state == "cancelled")
    assert arena.schedule_sequence > sequence  # the partners' calendars take it
    kinds = {uid: sorted(n.kind for n in notes) for uid, notes in told().items()}
    assert kinds[early.user_id] == ["partner_withdrew"]
    assert kinds[late.user_id] == ["partner_withdrew"]
    assert kinds[others[1].user_id] == ["meeting_request_withdrawn"]
    assert founder.user_id not in kinds
    assert _fresh(MeetingRequest, asked.id).state == "withdrawn"
    assert _fresh(Invitation, waiting.id).state == "invited"  # the freed seat
    assert mails_to(app, waiting.user)  # and told of it
    assert db.session.query(AuditEvent).count() == audits  # answers are not audited

    # a second no changes nothing and tells nobody
    outbox_of(app).clear()
    assert rsvp.answer(founder.id, accept=False)[1] == "unchanged"
    assert _fresh(Invitation, founder.id).answered_at == mine.answered_at
    assert not outbox_of(app)


def test_a_no_from_the_waiting_list_frees_no_seat_and_tells_nobody(app):
    arena, founder, *_rest = founder_meeting_two(bokmaal="early")
    arena.founder_capacity = 2
    queued = make_invitation(arena, make_user("founder"), state="waiting_list", rank=1)
    after = make_invitation(arena, make_user("founder"), state="waiting_list", rank=2)
    outbox_of(app).clear()
    told()

    assert rsvp.answer(queued.id, accept=False)[1] == "declined"

    assert _fresh(Invitation, queued.id).state == "declined"
    assert _fresh(Invitation, after.id).state == "waiting_list"
    assert _fresh(Invitation, founder.id).state == "accepted"
    assert not told() and not outbox_of(app)
