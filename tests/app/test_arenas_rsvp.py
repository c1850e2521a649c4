"""Answering invitations: the e-mailed link, change of mind, the deadline, the waiting list,
a capacity that is never exceeded, reminders, and the home page's upcoming arenas."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from itsdangerous.timed import TimestampSigner

from app.extensions import db
from app.models import Invitation
from app.services import rsvp
from app.services.invitation_sending import remind
from tests.conftest import TEST_DATABASE_URL
from tests.factories import make_arena, make_invitation, make_user, outbox_of


def follow(client, response):
    assert response.status_code == 302, response.status_code
    return client.get(response.headers["Location"])


def state_of(invitation_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Invitation, invitation_id).state


def link_for(invitation) -> str:
    return "/arenas/rsvp/" + rsvp.make_token(invitation)


def test_accept_via_link_without_login(client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"))
    url = link_for(invitation)
    page = client.get(url)
    assert page.status_code == 200 and arena.title.encode() in page.data
    assert page.headers.get("Cache-Control") == "no-store"
    answered = follow(client, client.post(url, data={"answer": "accept"}))
    assert b"Your place is confirmed" in answered.data
    assert state_of(invitation.id) == "accepted"
    assert db.session.get(Invitation, invitation.id).answered_at is not None


def test_forged_and_altered_tokens_are_refused_with_a_clear_page(client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"))
    token = rsvp.make_token(invitation)
    # a signature character well before the end: the last base64 character carries unused
    # bits, so a change there can decode to the same signature
    forged = token[:-10] + ("A" if token[-10] != "A" else "B") + token[-9:]
    for bad in (forged, "not-a-token"):
        page = client.get("/arenas/rsvp/" + bad)
        assert page.status_code == 404
        assert b"not valid or has expired" in page.data
        assert client.post("/arenas/rsvp/" + bad, data={"answer": "accept"}).status_code == 404
    assert state_of(invitation.id) == "invited"


def test_token_of_another_kind_is_refused(client):
    from app.services.tokens import sign

    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"))
    forged = sign({"i": invitation.id, "u": invitation.user_id, "a": arena.id}, "password-reset")
    assert client.get("/arenas/rsvp/" + forged).status_code == 404


def test_expired_token_is_refused(client, monkeypatch):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"))
    old = int(time.time()) - rsvp.LINK_MAX_AGE - 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: old)
    url = link_for(invitation)
    monkeypatch.undo()
    page = client.post(url, data={"answer": "accept"})
    assert page.status_code == 404 and b"has expired" in page.data
    assert state_of(invitation.id) == "invited"


def test_unsent_proposal_has_no_working_link(client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"), state="proposed")
    assert client.get(link_for(invitation)).status_code == 404


def test_change_of_mind_before_the_deadline(client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("investor"))
    url = link_for(invitation)
    for answer, state in (("accept", "accepted"), ("decline", "declined"),
                          ("accept", "accepted")):
        client.post(url, data={"answer": answer})
        assert state_of(invitation.id) == state


def test_answer_after_the_deadline_changes_nothing(client):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"), state="accepted")
    url = link_for(invitation)
    arena.rsvp_deadline = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    page = client.get(url)
    assert b"deadline for answering has passed" in page.data
    assert b'value="decline"' not in page.data
    answered = follow(client, client.post(url, data={"answer": "decline"}))
    assert b"deadline for answering has passed" in answered.data
    assert state_of(invitation.id) == "accepted"


def test_cancelled_arena_takes_no_answers(client):
    arena = make_arena(status="cancelled")
    invitation = make_invitation(arena, make_user("founder"))
    client.post(link_for(invitation), data={"answer": "accept"})
    assert state_of(invitation.id) == "invited"


def test_logged_in_invitee_answers_on_the_arena_page(client, auth):
    arena = make_arena()
    user = make_user("founder")
    invitation = make_invitation(arena, user)
    auth.login(user.email)
    assert b'value="accept"' in client.get(f"/arenas/{arena.id}").data
    client.post(f"/arenas/{arena.id}/answer", data={"answer": "accept"})
    assert state_of(invitation.id) == "accepted"
    assert client.post(f"/arenas/{arena.id}/answer", data={"answer": "maybe"}).status_code == 400


def test_stranger_cannot_answer_or_see_someone_elses_arena(client, auth):
    arena = make_arena()
    invitation = make_invitation(arena, make_user("founder"))
    auth.login(make_user("founder").email)
    assert client.get(f"/arenas/{arena.id}").status_code == 404
    assert client.post(f"/arenas/{arena.id}/answer", data={"answer": "decline"}).status_code == 404
    assert state_of(invitation.id) == "invited"


def test_a_declined_seat_goes_to_the_next_on_the_waiting_list(app, client):
    arena = make_arena(founder_capacity=1)
    first = make_invitation(arena, make_user("founder"), rank=1)
    later = make_invitation(arena, make_user("founder"), state="waiting_list", rank=3)
    nxt = make_invitation(arena, make_user("founder"), state="waiting_list", rank=2)
    client.post(link_for(first), data={"answer": "decline"})
    assert state_of(first.id) == "declined"
    assert state_of(nxt.id) == "invited"
    assert state_of(later.id) == "waiting_list"
    mails = outbox_of(app)
    assert [m.to[0] for m in mails] == [nxt.user.email]
    assert "/arenas/rsvp/" in mails[0].body
    # The newly invited can accept with the e-mailed link.
    link = "/arenas/rsvp/" + mails[0].body.split("/arenas/rsvp/")[1].split()[0]
    client.post(link, data={"answer": "accept"})
    assert state_of(nxt.id) == "accepted"


def test_capacity_is_never_exceeded_sequentially(client):
    arena = make_arena(investor_capacity=2)
    invitations = [make_invitation(arena, make_user("investor")) for _ in range(4)]
    messages = []
    for invitation in invitations:
        messages.append(follow(client, client.post(link_for(invitation),
                                                   data={"answer": "accept"})).data)
    states = [state_of(i.id) for i in invitations]
    assert states == ["accepted", "accepted", "waiting_list", "waiting_list"]
    assert b"every seat is taken" in messages[2]
    # A decline frees a seat; the first waiting person gets it.
    client.post(link_for(invitations[0]), data={"answer": "decline"})
    assert [state_of(i.id) for i in invitations].count("accepted") == 1
    assert state_of(invitations[2].id) == "invited"


@pytest.mark.skipif(not TEST_DATABASE_URL.startswith("postgresql"),
                    reason="concurrent accepts need PostgreSQL (TEST_DATABASE_URL)")
def test_capacity_is_never_exceeded_when_twenty_accept_at_once(app):
    capacity = 3
    arena = make_arena(founder_capacity=capacity)
    ids = [make_invitation(arena, make_user("founder")).id for _ in range(20)]
    barrier = threading.Barrier(len(ids))
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def accept(invitation_id: int) -> None:
        with app.app_context():
            try:
                barrier.wait(timeout=30)
                _inv, outcome = rsvp.answer(invitation_id, accept=True)
                outcomes.append(outcome)
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=accept, args=(i,)) for i in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert outcomes.count("accepted") == capacity
    assert outcomes.count("waiting_list") == len(ids) - capacity
    db.session.expire_all()
    accepted = db.session.query(Invitation).filter_by(arena_id=arena.id, state="accepted")
    assert accepted.count() == capacity


def test_reminders_go_only_to_the_undecided(app):
    arena = make_arena()
    undecided = make_invitation(arena, make_user("founder"))
    make_invitation(arena, make_user("founder"), state="accepted")
    make_invitation(arena, make_user("investor"), state="declined")
    make_invitation(arena, make_user("investor"), state="waiting_list")
    make_invitation(arena, make_user("investor"), state="proposed")
    recently = make_invitation(arena, make_user("founder"),
                               reminded_at=datetime.now(UTC) - timedelta(hours=2))
    long_ago = make_invitation(arena, make_user("investor"),
                               reminded_at=datetime.now(UTC) - timedelta(hours=30))
    past = make_arena(rsvp_deadline=datetime.now(UTC) - timedelta(hours=1))
    make_invitation(past, make_user("founder"))
    assert remind() == (2, 0)
    mails = outbox_of(app)
    assert sorted(m.to[0] for m in mails) == sorted([undecided.user.email, long_ago.user.email])
    assert all("/arenas/rsvp/" in m.body for m in mails)
    assert recently.user.email not in [m.to[0] for m in mails]
    # A second run the same day sends nothing.
    assert remind() == (0, 0)


def test_staff_remind_button_and_cli(app, client, auth):
    arena = make_arena()
    make_invitation(arena, make_user("founder"))
    staff = make_user("staff", association="asker")
    auth.login(staff.email)
    page = follow(client, client.post(f"/staff/arenas/{arena.id}/invitations/remind"))
    assert b"Reminders sent: 1" in page.data
    other = make_arena()
    make_invitation(other, make_user("investor"))
    result = app.test_cli_runner().invoke(args=["arenas", "remind"])
    assert "Reminders sent: 1" in result.output


def test_home_page_lists_upcoming_open_arenas(client):
    make_arena(title="Kommende grønn arena", status="inviting")
    make_arena(title="Utkast-arena", status="draft")
    make_arena(title="Gammel arena", status="scheduled",
               date=(datetime.now(UTC) - timedelta(days=3)).date(),
               rsvp_deadline=datetime.now(UTC) - timedelta(days=10))
    page = client.get("/")
    assert "Kommende grønn arena".encode() in page.data
    assert b"Utkast-arena" not in page.data and b"Gammel arena" not in page.data


def test_answer_deadline_is_shown_to_the_minute_on_the_pages_and_in_the_invitation(app, client,
                                                                                  auth):
    # "22. des. 2026, 12:00:00": seconds nobody sets (the form takes minutes)
    day = (datetime.now(UTC) + timedelta(days=40)).date()
    deadline = datetime(day.year, day.month, day.day, 10, 30, tzinfo=UTC)
    arena = make_arena(date=day + timedelta(days=7), rsvp_deadline=deadline)
    founder = make_user("founder")
    invitation = make_invitation(arena, founder)
    pages = [client.get(link_for(invitation)).get_data(as_text=True)]
    auth.login(founder.email)
    pages.append(client.get(f"/arenas/{arena.id}").get_data(as_text=True))
    auth.logout()
    auth.login(make_user("staff", association="asker").email)
    pages.append(client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True))
    rsvp.mail_invitation(invitation)
    pages += [outbox_of(app)[-1].body, outbox_of(app)[-1].alternatives[0][0]]
    for page in pages:
        assert ":30:00" not in page
        assert ":30" in page  # 10:30 UTC is 11:30 or 12:30 in Oslo
