"""A yes on the waiting list is never lost when seats free up after the answer deadline
(invitations.normalise): the person stays waiting after their yes, in line for the seat,
and is not turned into an unsent proposal, which staff's Remove deleted untold (an Undo
offered) and Send invited with their old answer kept. Send, once the deadline is moved,
offers them the seat with a fresh invitation, as a seat freed before the deadline is
offered to the waiting list (rsvp.fill_seats)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.extensions import db
from app.models import Invitation
from app.services import invitation_edits, invitation_sending, rsvp
from app.services.invitations import normalise
from tests.factories import make_arena, make_participant, make_user


def _freed_after_deadline():
    """One investor seat, taken; a second investor said yes and waits; the deadline passes
    and the seated investor's invitation is cancelled: a seat is free, nobody is offered it."""
    arena = make_arena(investor_capacity=1)
    seated = make_participant(arena, "investor", state="accepted")
    late = make_participant(arena, "investor", state="invited")
    db.session.commit()
    _invitation, outcome = rsvp.answer(late.id, accept=True)
    assert outcome == "waiting_list"
    arena.rsvp_deadline = datetime.now(UTC) - timedelta(hours=1)
    db.session.get(Invitation, seated.id).state = "cancelled"
    db.session.commit()
    return arena, late.id


def test_waiting_after_yes_is_not_made_a_proposal(app):
    arena, late_id = _freed_after_deadline()
    normalise(arena, "investor")
    db.session.commit()
    late = db.session.get(Invitation, late_id)
    assert late.state == "waiting_list"
    assert late.waiting_after_yes and late.answered_at is not None


def test_remove_after_normalise_still_tells_them(app):
    arena, late_id = _freed_after_deadline()
    normalise(arena, "investor")
    db.session.commit()
    staff = make_user(role="staff")
    removed = invitation_edits.remove(staff, arena, late_id)
    assert removed.undo is None  # told, so no Undo
    late = db.session.get(Invitation, late_id)
    assert late is not None and late.state == "cancelled"


def test_send_offers_the_seat_with_a_fresh_invitation(app):
    arena, late_id = _freed_after_deadline()
    normalise(arena, "investor")
    arena.rsvp_deadline = datetime.now(UTC) + timedelta(days=3)
    db.session.commit()
    staff = make_user(role="staff")
    mailed = invitation_sending.send(staff, arena)
    assert mailed.count == 1
    late = db.session.get(Invitation, late_id)
    assert late.state == "invited" and late.answered_at is None
