"""An arena's invitation is in the app, not only in the inbox: sending it (or a seat from the
waiting list) leaves an unread notice that counts in the menu's badge and opens the
invitation page. It was e-mail only: someone invited saw nothing under Notifications.
The notice is not e-mailed on its own (the invitation's e-mail is the one mail), and a
reminder adds none (one a day, for as long as someone waits, would bury the rest)."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from flask_babel import force_locale, format_date
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.services.invitation_sending import remind
from tests.factories import make_arena, make_invitation, make_participant, make_user, outbox_of


def _notices(user) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


@pytest.mark.parametrize(("lang", "sentence"), [
    ("nb", "Du er invitert til «Grønn arena» {day}. Svar på om du kommer."),
    ("en", "You are invited to “Grønn arena” on {day}. Say whether you will come."),
])
def test_sent_invitations_wait_in_the_invitees_notifications(app, client, auth, lang,
                                                             sentence):
    arena = make_arena()
    founder = make_participant(arena, "founder", state="proposed", invited_at=None).user
    investor = make_participant(arena, "investor", state="proposed", invited_at=None).user
    auth.login(make_user("staff", association="asker").email)
    assert client.post(f"/staff/arenas/{arena.id}/invitations/send").status_code == 302
    # one e-mail each, the invitation: the notice sends none of its own
    assert sorted(m.to[0] for m in outbox_of(app)) == sorted([founder.email, investor.email])

    for user in (founder, investor):
        (note,) = _notices(user)
        assert note.kind == "arena_invited" and note.read_at is None
        assert note.link == f"/arenas/{arena.id}"
    auth.logout()
    auth.login(founder.email)
    client.post("/language", data={"lang": lang})
    with app.test_request_context(), force_locale(lang):
        day = format_date(arena.date, "long")
    page = client.get("/notifications").get_data(as_text=True)
    assert '<span class="badge text-bg-light">1</span>' in page  # the menu's count
    assert sentence.format(day=day) in html.unescape(page)
    (note,) = _notices(founder)
    opened = client.post(f"/notifications/{note.id}/open")
    assert opened.headers["Location"].endswith(f"/arenas/{arena.id}")
    assert client.get(opened.headers["Location"]).status_code == 200
    assert _notices(founder)[0].read_at is not None


def test_a_seat_from_the_waiting_list_comes_with_a_notice(app, client):
    from app.services import rsvp

    arena = make_arena(founder_capacity=1)
    first = make_invitation(arena, make_user("founder"), rank=1)
    waiting = make_invitation(arena, make_user("founder"), state="waiting_list", rank=2)
    rsvp.answer(first.id, accept=False)
    (note,) = _notices(waiting.user)
    assert note.kind == "arena_invited" and note.link == f"/arenas/{arena.id}"
    assert _notices(first.user) == []
    assert [m.to[0] for m in outbox_of(app)] == [waiting.user.email]


def test_a_reminder_is_mail_only(app):
    arena = make_arena()
    undecided = make_invitation(arena, make_user("founder"))
    assert remind() == (1, 0)
    assert [m.to[0] for m in outbox_of(app)] == [undecided.user.email]
    assert _notices(undecided.user) == []


@pytest.mark.parametrize(("lang", "sentence"), [
    ("nb", "Du er invitert til «Grønn kapital møter grønne idéer» {day}. Svar på om du "
           "kommer."),
    ("en", "You are invited to “Grønn kapital møter grønne idéer” on {day}. Say whether you "
           "will come."),
])
def test_the_notice_names_the_arena_as_it_is_after_staff_move_it(app, client, auth, lang,
                                                                 sentence):
    """The invitation stands, so its notice states the arena's date (and title) now: it
    kept the date it was sent with, so someone reading it after a move was told the old
    day. The arena_moved notice tells of the move itself, with the new day."""
    from tests.app.test_arena_edit_after_schedule import _form

    arena = make_arena()
    founder = make_participant(arena, "founder", state="proposed", invited_at=None).user
    other_arena = make_arena()
    elsewhere = make_participant(other_arena, "founder", state="proposed",
                                 invited_at=None).user
    auth.login(make_user("staff", association="asker").email)
    for sent in (arena, other_arena):
        assert client.post(f"/staff/arenas/{sent.id}/invitations/send").status_code == 302
    sent_day = arena.date
    new_day = sent_day + timedelta(days=7)
    assert client.post(f"/staff/arenas/{arena.id}/edit",
                       data=_form(arena, date=str(new_day))).status_code == 302
    auth.logout()

    auth.login(founder.email)
    client.post("/language", data={"lang": lang})
    with app.test_request_context(), force_locale(lang):
        day, old = format_date(new_day, "long"), format_date(sent_day, "long")
    page = html.unescape(client.get("/notifications").get_data(as_text=True))
    assert sentence.format(day=day) in page
    # the old day only in the arena_moved notice ("… no longer {old}"), not the invitation's
    assert sentence.format(day=old) not in page
    # another arena's invitation keeps its own day and title
    (note,) = _notices(elsewhere)
    assert note.params["date"] == other_arena.date.isoformat()
    assert note.params["arena"] == "Grønn arena"
