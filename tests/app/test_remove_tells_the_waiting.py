"""Staff's Remove of someone on the waiting list after their yes (every seat was taken when
they answered) tells them, in the app and by e-mail in their own language and as their mail
choices say, that the organisers have taken them off the waiting list, so no seat will come:
not "taken off the list, so you are no longer coming" (they had no seat), nor anything about
a schedule. As for a sent invitation, the list's Remove asks first (the page says Koble tells
them) and offers no Undo: an Undo would leave them told of a removal undone. Their
invitation is cancelled, not deleted, so the notice's link, My arenas and the e-mailed
answer link still find it. Before, the row was deleted with an Undo and nobody told them:
they waited for a seat that could not come, and the arena vanished from their pages (404).
An unsent proposal's waiting list, which nobody has heard of, still goes at once, with Undo,
untold (a guard)."""

from __future__ import annotations

import html

import icalendar
import pytest
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Invitation, Notification
from app.services import arena_notices, rsvp
from app.services.rsvp import make_token
from tests.app.test_staff_change_notices import speaks
from tests.factories import make_arena, make_participant, outbox_of


@pytest.fixture
def staff_lang() -> str:
    return "nb"  # the staff member's pages; the waiting person reads their own language


def _notes(user_id: int) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user_id, Notification.kind != "arena_invited")))


def _said(lang: str, msgid: str, **params) -> str:
    with force_locale(lang):
        return html.escape(_(msgid, **params), quote=False)


def _waiting(lang: str, app):
    """An inviting arena whose one investor seat is taken, and an investor invited to it who
    said yes and so went to the waiting list; the mails of the set-up are cleared."""
    arena = make_arena(investor_capacity=1)
    make_participant(arena, "investor", state="accepted")
    late = speaks(make_participant(arena, "investor", state="invited"), lang)
    arena_notices.invited(arena, [late])
    db.session.commit()
    _invitation, outcome = rsvp.answer(late.id, accept=True)
    assert outcome == "waiting_list"
    outbox_of(app).clear()
    return arena, db.session.get(Invitation, late.id)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_removed_waiting_person_learns_they_are_off_the_waiting_list(app, client, staff,
                                                                        lang):
    arena, late = _waiting(lang, app)
    user_id, email, title, name = late.user_id, late.user.email, arena.title, late.user.name
    url = f"/staff/arenas/{arena.id}/invitations/{late.id}/remove"

    listing = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert f'action="{url}"' not in listing  # no form that removes at one tap
    assert f'href="{url}"' in listing
    page = client.get(url).get_data(as_text=True)
    assert _said("nb", "Remove %(name)s from the list? They said yes and are on the waiting "
                       "list: their invitation is cancelled, and they will not be offered a "
                       "seat. This cannot be undone.", name=name) in page
    assert _said("nb", "Koble tells %(name)s in the app and by e-mail that the organisers "
                       "have taken them off the waiting list.", name=name) in page
    assert "seat freed" not in page and "plassen blir ledig" not in page

    posted = client.post(url)
    removed = client.get(posted.location).get_data(as_text=True)
    assert _said("nb", "%(name)s was removed from the list.", name=name) in removed
    assert "/invitations/restore" not in removed  # no Undo: they have been told
    db.session.expire_all()
    assert db.session.get(Invitation, late.id).state == "cancelled"
    [note] = _notes(user_id)
    assert note.kind == "removed_from_waiting_list"
    assert note.link == f"/arenas/{arena.id}"
    with force_locale(lang):
        sentence = _("The organisers have taken you off the waiting list for “%(arena)s” on "
                     "%(date)s, so you will not be offered a seat there.", arena=title,
                     date=format_date(arena.date, "long"))
        subject = _("You are no longer on the waiting list for %(arena)s", arena=title)
        from app.services.notifications import text

        assert text(note) == sentence
    mine = [m for m in outbox_of(app) if email in m.to]
    assert [m.subject for m in mine] == [subject]
    assert sentence in mine[0].body
    # its calendar file takes the arena's tentative event out of their calendar
    (ics,) = [a for a in mine[0].attachments if a[0].endswith(".ics")]
    events = icalendar.Calendar.from_ical(ics[1]).walk("VEVENT")
    assert [str(e["status"]) for e in events] == ["CANCELLED"]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_their_pages_still_find_the_arena_and_take_no_answer(app, client, auth, staff, lang):
    arena, late = _waiting(lang, app)
    invitation_id, email, token = late.id, late.user.email, make_token(late)
    assert client.post(f"/staff/arenas/{arena.id}/invitations/{invitation_id}/remove"
                       ).status_code == 302
    auth.logout()
    client.post("/language", data={"lang": lang})
    cancelled = _said(lang, "The organisers took you off the list")  # not "Cancelled"
    page = client.get(f"/arenas/rsvp/{token}")  # by the e-mailed link, without logging in
    assert page.status_code == 200
    assert cancelled in page.get_data(as_text=True)
    assert 'value="accept"' not in page.get_data(as_text=True)
    auth.login(email)
    assert client.get(f"/arenas/{arena.id}").status_code == 200  # the notice's link
    mine = client.get("/arenas").get_data(as_text=True)
    assert arena.title in mine and cancelled in mine
    client.post(f"/arenas/{arena.id}/answer", data={"answer": "accept"})
    invitation = db.session.get(Invitation, invitation_id)
    db.session.refresh(invitation)
    assert invitation.state == "cancelled"


def test_mail_turned_off_keeps_the_notice_only(app, client, staff):
    arena, late = _waiting("nb", app)
    late.user.notice_mail_off = ["arenas"]
    db.session.commit()
    user_id, email = late.user_id, late.user.email
    assert client.post(f"/staff/arenas/{arena.id}/invitations/{late.id}/remove"
                       ).status_code == 302
    db.session.expire_all()
    assert [n.kind for n in _notes(user_id)] == ["removed_from_waiting_list"]
    assert not [m for m in outbox_of(app) if email in m.to]


def test_an_unsent_waiting_list_goes_at_once_with_undo_and_untold(app, client, staff):
    """A guard: the waiting list of a proposal nobody was sent is not the one above."""
    arena = make_arena(investor_capacity=1)
    make_participant(arena, "investor", state="proposed")
    waiting = make_participant(arena, "investor", state="waiting_list")
    waiting_id, user_id = waiting.id, waiting.user_id
    url = f"/staff/arenas/{arena.id}/invitations/{waiting_id}/remove"
    listing = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert f'action="{url}"' in listing
    posted = client.post(url)
    assert "/invitations/restore" in client.get(posted.location).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Invitation, waiting_id) is None
    assert not _notes(user_id)
    assert not outbox_of(app)
