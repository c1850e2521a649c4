"""Once the schedule is published, a seat freed by a participant (a cancel from their
agenda, a no, leaving Koble) goes to the next on the waiting list, who is invited. The
host associations' staff now learn of it in the app (not by e-mail), as of a late answer:
a notice naming the arena and who got the seat, opening the staff schedule page. Before,
they heard nothing until the newcomer's own yes (`late_yes`), and nothing at all if the
newcomer never answered. Nobody is told while the schedule is a draft, nor when staff
take someone off the list themselves (their page names who got the seat)."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.models import Invitation, Notification
from app.models.user import utcnow
from app.services import account_access, notifications
from tests.factories import make_arena, make_meeting, make_participant, make_user, outbox_of

SENTENCES = {
    "en": "A seat at “Grønn arena” became free after the schedule was published and went "
          "to Siri Venter, next on the waiting list, who is now invited and has not answered "
          "yet.",
    "nb": "En plass på «Grønn arena» ble ledig etter at møteplanen ble publisert, og gikk "
          "til Siri Venter, som sto først på ventelisten. Vedkommende er nå invitert og har "
          "ikke svart ennå.",
}


def _notes(user, kind: str = "seat_given") -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user.id, Notification.kind == kind)))


@pytest.fixture
def full():
    """A published arena of Asker and Bærum with one founder seat, taken by Kari, who meets
    an investor; Siri waits for the seat. Returns (Kari's, Siri's invitation)."""
    arena = make_arena(hosts=("asker", "baerum"), status="scheduled", schedule_sequence=1,
                       scheduled_at=utcnow(), founder_capacity=1)
    kari = make_participant(arena, "founder")
    make_meeting(arena, kari, make_participant(arena, "investor"))
    siri = make_participant(arena, "founder", state="waiting_list", rank=2)
    siri.user.name = "Siri Venter"
    db.session.commit()
    return kari, siri


def _withdraw(client, auth, invitation) -> None:
    auth.login(invitation.user.email)
    assert client.post(f"/arenas/{invitation.arena_id}/withdraw").status_code == 302
    auth.logout()


def _say_no(client, auth, invitation) -> None:
    auth.login(invitation.user.email)
    assert client.post(f"/arenas/{invitation.arena_id}/answer",
                       data={"answer": "decline"}).status_code == 302
    auth.logout()


def _leave(client, auth, invitation) -> None:
    account_access.set_active(invitation.user, False)


@pytest.mark.parametrize("stops_coming", [_withdraw, _say_no, _leave],
                         ids=["cancel", "no", "leaves_koble"])
def test_a_seat_given_after_publishing_reaches_the_host_staff_in_the_app(
        app, client, auth, full, stops_coming):
    kari, siri = full
    hosts = [make_user("staff", association="asker"), make_user("staff", association="baerum")]
    other = make_user("staff", association="drammen")
    gone = make_user("staff", association="asker", active=False)
    stops_coming(client, auth, kari)
    assert db.session.get(Invitation, siri.id).state == "invited"
    for staff in hosts:
        (note,) = _notes(staff)
        assert note.params["who"] == "Siri Venter"
        assert note.params["arena"] == "Grønn arena"
        assert note.link == f"/staff/arenas/{kari.arena_id}/schedule"
    assert _notes(other) == [] and _notes(gone) == []
    staff_mail = {s.email for s in hosts}
    assert not [m for m in outbox_of(app) if staff_mail & set(m.to)]  # in the app only
    assert siri.user.email in {to for m in outbox_of(app) for to in m.to}  # her invitation


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_notice_names_the_arena_and_who_got_the_seat(client, auth, full, lang):
    kari, _siri = full
    staff = make_user("staff", association="asker")
    _withdraw(client, auth, kari)
    auth.login(staff.email)
    client.post("/language", data={"lang": lang})
    page = " ".join(client.get("/notifications").get_data(as_text=True).split())
    assert SENTENCES[lang] in page


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_notice_in_full(app, lang):
    note = Notification(user_id=1, kind="seat_given", link="/",
                        params={"who": "Siri Venter", "arena": "Grønn arena", "arena_id": 1})
    with app.test_request_context(), force_locale(lang):
        assert notifications.text(note) == SENTENCES[lang]


def test_nobody_is_told_while_the_schedule_is_a_draft(client, auth):
    arena = make_arena(scheduled_at=utcnow(), schedule_sequence=1, founder_capacity=1)
    staff = make_user("staff", association="asker")
    kari = make_participant(arena, "founder")
    siri = make_participant(arena, "founder", state="waiting_list", rank=2)
    _withdraw(client, auth, kari)
    assert db.session.get(Invitation, siri.id).state == "invited"
    assert _notes(staff) == []


def test_staff_taking_someone_off_the_list_tell_no_staff(client, auth, full):
    kari, siri = full
    remover, colleague = (make_user("staff", association=a) for a in ("asker", "baerum"))
    auth.login(remover.email)
    assert client.post(f"/staff/arenas/{kari.arena_id}/invitations/{kari.id}/remove"
                       ).status_code == 302
    assert db.session.get(Invitation, siri.id).state == "invited"
    assert _notes(remover) == [] and _notes(colleague) == []
