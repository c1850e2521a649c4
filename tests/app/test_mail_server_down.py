"""A mail server that is down (or refuses an address) never turns a saved change into an
error page, nor stops the e-mails after the failed one: invitations, reminders, a seat
passed on from the waiting list, meeting requests and password resets stand, staff are
told how many e-mails failed, and a refused reminder is tried again."""

from __future__ import annotations

import smtplib

import pytest
from flask_mailman import EmailMultiAlternatives

from app.extensions import db
from app.models import Invitation, MeetingRequest
from app.services import rsvp
from app.services.invitation_sending import remind
from tests.factories import (
    make_arena,
    make_invitation,
    make_participant,
    make_user,
    outbox_of,
)


@pytest.fixture
def mail_down(monkeypatch):
    """Every e-mail fails as an unreachable SMTP server makes it fail; `.up()` mends it."""
    real = EmailMultiAlternatives.send

    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailMultiAlternatives, "send", refuse)

    class Switch:
        @staticmethod
        def up():
            monkeypatch.setattr(EmailMultiAlternatives, "send", real)

    return Switch


def _states(arena) -> list[str]:
    db.session.expire_all()
    return sorted(i.state for i in db.session.scalars(
        db.select(Invitation).where(Invitation.arena_id == arena.id)))


def test_sending_invitations_with_the_mail_down_invites_and_says_so(app, client, auth,
                                                                    mail_down):
    app.config["BABEL_DEFAULT_LOCALE"] = "nb"
    arena = make_arena(status="draft")
    for role in ("founder", "founder", "investor"):
        make_invitation(arena, make_user(role), state="proposed")
    auth.login(make_user("staff", association="asker").email)
    response = client.post(f"/staff/arenas/{arena.id}/invitations/send")
    assert response.status_code == 302
    assert _states(arena) == ["invited"] * 3
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Invitasjoner sendt: 3." in page
    assert "3 e-poster kunne ikke sendes" in page
    assert outbox_of(app) == []
    # the mail comes back: staff remind them, and all three get their link at once
    mail_down.up()
    reminded = client.post(f"/staff/arenas/{arena.id}/invitations/remind")
    page = client.get(reminded.headers["Location"]).get_data(as_text=True)
    assert "Påminnelser sendt: 3." in page and "kunne ikke sendes" not in page
    assert len(outbox_of(app)) == 3
    assert all("/arenas/rsvp/" in mail.body for mail in outbox_of(app))


def test_a_refused_reminder_is_tried_again_on_the_next_run(app, mail_down):
    arena = make_arena()
    invitations = [make_invitation(arena, make_user("founder")) for _ in range(2)]
    assert remind() == (0, 2)
    db.session.expire_all()
    assert all(db.session.get(Invitation, i.id).reminded_at is None for i in invitations)
    result = app.test_cli_runner().invoke(args=["arenas", "remind"])
    assert result.exit_code == 0 and "Reminders sent: 0." in result.output
    mail_down.up()
    assert remind() == (2, 0)
    assert sorted(m.to[0] for m in outbox_of(app)) == sorted(i.user.email for i in invitations)
    assert remind() == (0, 0)  # and not twice the same day


def test_declining_passes_the_seat_on_when_its_mail_fails(app, client, mail_down):
    arena = make_arena(founder_capacity=1)
    first = make_invitation(arena, make_user("founder"), rank=1)
    waiting = make_invitation(arena, make_user("founder"), state="waiting_list", rank=2)
    response = client.post("/arenas/rsvp/" + rsvp.make_token(first), data={"answer": "decline"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, first.id).state == "declined"
    assert db.session.get(Invitation, waiting.id).state == "invited"


def test_a_meeting_request_stands_when_its_mail_fails(app, client, auth, mail_down):
    arena = make_arena()
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    auth.login(founder.user.email)
    response = client.post(f"/arenas/{arena.id}/requests",
                           data={"to_user_id": investor.user.id})
    assert response.status_code in (302, 303)
    assert db.session.scalars(db.select(MeetingRequest).where(
        MeetingRequest.to_user_id == investor.user.id)).one().from_user_id == founder.user.id


def test_password_reset_answers_the_same_when_its_mail_fails(app, client, mail_down):
    user = make_user("founder")
    known = client.post("/auth/reset", data={"email": user.email})
    unknown = client.post("/auth/reset", data={"email": "nobody@example.no"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
