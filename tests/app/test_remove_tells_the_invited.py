"""Staff's Remove of someone invited who had not answered yet tells them, in the app and by
e-mail in their own language, that the organisers have withdrawn the invitation (not that
they were "taken off the list, so no longer coming": they never said they would come), and
the invitation can no longer be answered: an answer is refused with that reason and changes
nothing. Before, they were told nothing: the invitation page just read "Cancelled", the
notice asking for an answer stayed unread, and an answer got "This invitation can no longer
be answered." with no why."""

from __future__ import annotations

import html

import pytest
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Invitation, Notification
from app.services import arena_notices
from app.services.rsvp import make_token
from tests.app.test_staff_change_notices import speaks
from tests.factories import make_arena, make_participant, outbox_of


@pytest.fixture
def staff_lang() -> str:
    return "nb"  # the staff member's pages; the invitee reads their own language


def _notes(user_id: int, kind: str) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user_id, Notification.kind == kind)))


def _invited(lang: str):
    """An inviting arena with one investor invited (notice and all) who has not answered."""
    arena = make_arena()
    asked = speaks(make_participant(arena, "investor", state="invited"), lang)
    arena_notices.invited(arena, [asked])
    db.session.commit()
    return arena, asked


def _said(lang: str, msgid: str, **params) -> str:
    with force_locale(lang):
        return html.escape(_(msgid, **params), quote=False)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_removed_invitee_learns_the_invitation_is_withdrawn(app, client, staff, lang):
    arena, asked = _invited(lang)
    user_id, email, title = asked.user_id, asked.user.email, arena.title
    base = f"/staff/arenas/{arena.id}/invitations/{asked.id}/remove"
    page = client.get(base).get_data(as_text=True)
    assert _said("nb", "Koble tells %(name)s in the app and by e-mail that the organisers "
                       "have withdrawn their invitation.", name=asked.user.name) in page
    assert client.post(base).status_code == 302
    db.session.expire_all()
    assert not _notes(user_id, "removed_from_arena")
    [note] = _notes(user_id, "invitation_withdrawn")
    assert note.link == f"/arenas/{arena.id}"
    with force_locale(lang):
        sentence = _("The organisers have withdrawn your invitation to “%(arena)s” on "
                     "%(date)s: you no longer need to answer it.", arena=title,
                     date=format_date(arena.date, "long"))
        subject = _("Your invitation to %(arena)s is withdrawn", arena=title)
        from app.services.notifications import text

        assert text(note) == sentence
    mine = [m for m in outbox_of(app) if email in m.to]
    assert [m.subject for m in mine] == [subject]
    assert sentence in mine[0].body
    # the notice that asked for an answer has had its say
    [asking] = _notes(user_id, "arena_invited")
    assert asking.read_at is not None


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_a_withdrawn_invitation_cannot_be_answered(app, client, auth, staff, lang):
    arena, asked = _invited(lang)
    invitation_id, email, token = asked.id, asked.user.email, make_token(asked)
    assert client.post(f"/staff/arenas/{arena.id}/invitations/{invitation_id}/remove"
                       ).status_code == 302
    auth.logout()
    client.post("/language", data={"lang": lang})  # the staff member's choice stays otherwise
    refused = _said(lang, "The organisers have withdrawn this invitation, so it can no longer "
                          "be answered.")
    # by the e-mailed link, without logging in
    page = client.get(f"/arenas/rsvp/{token}").get_data(as_text=True)
    assert _said(lang, "Withdrawn by the organisers") in page
    assert refused in page
    assert 'value="accept"' not in page
    answered = client.post(f"/arenas/rsvp/{token}", data={"answer": "accept"})
    assert answered.status_code == 302
    assert client.get(answered.location).get_data(as_text=True).count(refused) == 1
    # and logged in
    auth.login(email)
    answered = client.post(f"/arenas/{arena.id}/answer", data={"answer": "accept"})
    assert answered.status_code == 302
    assert client.get(answered.location).get_data(as_text=True).count(refused) == 1
    mine = client.get("/arenas").get_data(as_text=True)
    assert _said(lang, "Withdrawn by the organisers") in mine
    invitation = db.session.get(Invitation, invitation_id)
    assert invitation.state == "cancelled" and invitation.answered_at is None
