"""Staff's Remove of a participant who had said yes tells that person, in the app and by
e-mail (in their own language, respecting their mail choices), that the organisers have
taken them off the list and, once the schedule is published, how many of their meetings
there are called off. Before, only the partners of those meetings were told: the person
themself learnt nothing, and their published agenda just changed."""

from __future__ import annotations

import html

import pytest
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from tests.app.test_staff_change_notices import founder_meeting_two, speaks
from tests.factories import make_arena, make_participant, outbox_of


@pytest.fixture
def staff_lang() -> str:
    return "nb"  # the staff member's pages; the removed person reads their own language


def _notes(user_id: int, kind: str) -> list[Notification]:
    return list(db.session.scalars(select(Notification).where(
        Notification.user_id == user_id, Notification.kind == kind)))


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_removed_participant_is_told_in_the_app_and_by_e_mail(app, client, auth, staff,
                                                                  lang):
    arena, founder, early, _late, _others = founder_meeting_two(bokmaal="early")
    speaks(founder, lang)
    user_id, email, title = founder.user_id, founder.user.email, arena.title
    url = f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove"
    assert client.post(url).status_code == 302
    db.session.expire_all()
    [note] = _notes(user_id, "removed_from_arena")
    assert note.link == f"/arenas/{arena.id}"
    with force_locale(lang):
        sentence = ngettext(
            "The organisers have taken you off the list for “%(arena)s”, so you are no longer "
            "coming: your %(num)d meeting there is called off.",
            "The organisers have taken you off the list for “%(arena)s”, so you are no longer "
            "coming: your %(num)d meetings there are called off.", 2, arena=title)
        subject = _("You are no longer on the list for %(arena)s", arena=title)
    mine = [m for m in outbox_of(app) if email in m.to]
    assert [m.subject for m in mine] == [subject]
    assert sentence in mine[0].body
    # the notice reads the same on their notifications page
    auth.logout()
    auth.login(email)
    page = client.get("/notifications").get_data(as_text=True)
    assert html.escape(sentence, quote=False) in page


def test_mail_turned_off_keeps_the_notice_only(app, client, staff):
    arena, founder, *_rest = founder_meeting_two(bokmaal="early")
    founder.user.notice_mail_off = ["arenas"]
    db.session.commit()
    user_id, email = founder.user_id, founder.user.email
    assert client.post(f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove"
                       ).status_code == 302
    db.session.expire_all()
    assert len(_notes(user_id, "removed_from_arena")) == 1
    assert not [m for m in outbox_of(app) if email in m.to]


def test_before_publishing_the_yes_is_told_without_meetings_and_an_unanswered_one_otherwise(
        app, client, staff):
    """An unanswered invitation is withdrawn, not "taken off the list": its person is told
    so in test_remove_tells_the_invited."""
    arena = make_arena()
    coming = make_participant(arena, "founder", state="accepted")
    asked = make_participant(arena, "investor", state="invited")
    coming_id, asked_id, title = coming.user_id, asked.user_id, arena.title
    base = f"/staff/arenas/{arena.id}/invitations"
    page = client.get(f"{base}/{coming.id}/remove").get_data(as_text=True)
    with force_locale("nb"):
        told = _("Koble tells %(name)s in the app and by e-mail that the organisers have taken "
                 "them off the list.", name=coming.user.name)
        sentence = _("The organisers have taken you off the list for “%(arena)s”, so you are "
                     "no longer coming.", arena=title)
    assert html.escape(told, quote=False) in page
    assert client.post(f"{base}/{coming.id}/remove").status_code == 302
    assert client.post(f"{base}/{asked.id}/remove").status_code == 302
    db.session.expire_all()
    [note] = _notes(coming_id, "removed_from_arena")
    with force_locale("nb"):
        from app.services.notifications import text

        assert text(note) == sentence
    assert not _notes(asked_id, "removed_from_arena")
    assert len(_notes(asked_id, "invitation_withdrawn")) == 1
