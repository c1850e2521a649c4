"""Answering an arena invitation, or a meeting request, on its page reads the notice that
asked for it. Before, "You are invited to … Say whether you will come." and "… asks to meet
you …" stayed unread after the answer, logged in or through the e-mailed link, unless the
person also pressed Open: the menu's "Notifications 2 unread" and "Mark all as read" kept
telling of things already done (seen on the demo: a founder who said yes on the arena page,
and accepted a request on the list of who comes, still had both marked New). The demo's own
answered invitations have their notices read. A notice about another arena stays unread."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.services import arena_notices, meeting_requests, notifications, rsvp
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_invitation, make_participant, make_user

UNREAD = {"nb": "uleste", "en": "unread"}
MARK_ALL = {"nb": "Merk alle som lest", "en": "Mark all as read"}


def _invited(lang: str):
    """A founder in `lang` invited to an arena, with the notice the sending makes."""
    arena = make_arena()
    user = make_user("founder")
    user.locale = lang
    invitation = make_invitation(arena, user)
    arena_notices.invited(arena, [invitation])
    db.session.commit()
    return arena, invitation


def _nothing_unread(client, lang: str) -> None:
    page = client.get("/notifications").get_data(as_text=True)
    assert MARK_ALL[lang] not in page and f" {UNREAD[lang]}</span>" not in page


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_answering_on_the_arena_page_reads_the_invitation_notice(app, lang, answer):
    arena, invitation = _invited(lang)
    client = _client_in(app, lang, invitation.user)
    assert f" {UNREAD[lang]}</span>" in client.get(f"/arenas/{arena.id}").get_data(as_text=True)
    assert client.post(f"/arenas/{arena.id}/answer", data={"answer": answer}).status_code == 302
    _nothing_unread(client, lang)
    assert notifications.unread_count(invitation.user) == 0


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_answering_through_the_e_mailed_link_reads_it_too(app, client, lang):
    arena, invitation = _invited(lang)
    client.post(f"/arenas/rsvp/{rsvp.make_token(invitation)}", data={"answer": "accept"})
    _nothing_unread(_client_in(app, lang, invitation.user), lang)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_answering_a_meeting_request_reads_its_notice(app, lang):
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    founder.user.locale = lang
    db.session.commit()
    req = meeting_requests.request_meeting(investor.user, arena.id, founder.user_id)
    client = _client_in(app, lang, founder.user)
    url = f"/arenas/{arena.id}/requests/{req.id}/answer"
    assert client.post(url, data={"answer": "accept"}).status_code == 302
    _nothing_unread(client, lang)


def test_a_notice_about_another_arena_stays_unread(app):
    """A guard: only the notice of what was answered is read."""
    arena, invitation = _invited("nb")
    other = make_arena(title="Annen arena")
    arena_notices.invited(other, [make_invitation(other, invitation.user)])
    db.session.commit()
    rsvp.answer(invitation.id, accept=True)
    (left,) = [n for n in notifications.page_for(invitation.user).items if n.read_at is None]
    assert left.params["arena_id"] == other.id
