"""A founder's or investor's own pages (the arena's page, by link and logged in, and My
arenas) say who ended their cancelled invitation, never "Cancelled" ("Avlyst"), the word for
an arena called off, which people read as the whole arena being cancelled: they cancelled
themselves ("You cancelled your participation"), the organisers took them off the list
(after a yes, or off the waiting list after one), the organisers withdrew an invitation
they never answered (as before), or an administrator took them off (deactivation, role
change). Invitation.cancelled_by stores who; a row cancelled before it was stored says only
"You are no longer on the list". Invited again, the invitation forgets who cancelled it. The
words stand under "Your answer" only where they are the invitee's own cancel, else "Status"."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from app.extensions import db
from app.models import Invitation
from app.models.user import utcnow
from app.services import account_access, meeting_changes, rsvp
from app.services.rsvp import make_token
from tests.factories import make_arena, make_participant, make_user

LANGS = ["nb", "en"]
SELF = "You cancelled your participation"
STAFF = "The organisers took you off the list"
ADMIN = "An administrator took you off the list"
NEUTRAL = "You are no longer on the list"


def _coming(arena, role: str):
    """Someone who said yes (the factory's participant has no answer's time)."""
    return make_participant(arena, role, answered_at=utcnow())


def _said(lang: str, msgid: str) -> str:
    with force_locale(lang):
        return html.escape(_(msgid), quote=False)


def _own_pages(client, auth, invitation_id: int, lang: str) -> list[str]:
    """The invitation page by its e-mailed link, then logged in, and My arenas."""
    invitation = db.session.get(Invitation, invitation_id)
    arena_id, email, token = invitation.arena_id, invitation.user.email, make_token(invitation)
    auth.logout()
    client.post("/language", data={"lang": lang})
    pages = [client.get(f"/arenas/rsvp/{token}")]
    auth.login(email)
    client.post("/language", data={"lang": lang})
    pages += [client.get(f"/arenas/{arena_id}"), client.get("/arenas")]
    assert [p.status_code for p in pages] == [200, 200, 200]
    return [p.get_data(as_text=True) for p in pages]


def _says(pages: list[str], lang: str, msgid: str) -> None:
    # "Your answer" heads only the invitee's own cancel: the others were no answer of theirs
    heading = _said(lang, "Your answer" if msgid == SELF else "Status")
    for page in pages:
        assert _said(lang, msgid) in page
        assert f"<strong>{_said(lang, 'Cancelled')}</strong>" not in page
        assert (f'{heading}</dt><dd class="col-sm-9" id="answer-state"><strong>'
                f"{_said(lang, msgid)}" in page
                or f"{heading}: <strong>{_said(lang, msgid)}" in page), heading


@pytest.mark.parametrize("lang", LANGS)
def test_own_cancel_after_the_deadline(client, auth, lang):
    arena = make_arena(rsvp_deadline=datetime.now(UTC) - timedelta(days=1))
    inv = _coming(arena, "founder")
    meeting_changes.withdraw(inv.user, arena.id)
    assert db.session.get(Invitation, inv.id).cancelled_by == "self"
    _says(_own_pages(client, auth, inv.id, lang), lang, SELF)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("staff_lang", ["nb"])
def test_staff_took_them_off_after_their_yes(client, auth, staff, lang):
    arena = make_arena()
    inv = _coming(arena, "investor")
    assert client.post(f"/staff/arenas/{arena.id}/invitations/{inv.id}/remove"
                       ).status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, inv.id).cancelled_by == "staff"
    _says(_own_pages(client, auth, inv.id, lang), lang, STAFF)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("staff_lang", ["nb"])
def test_staff_took_them_off_the_waiting_list_after_their_yes(client, auth, staff, lang):
    arena = make_arena(investor_capacity=1)
    make_participant(arena, "investor")
    late = make_participant(arena, "investor", state="invited")
    late_id = late.id
    assert rsvp.answer(late_id, accept=True)[1] == "waiting_list"
    assert client.post(f"/staff/arenas/{arena.id}/invitations/{late_id}/remove"
                       ).status_code == 302
    _says(_own_pages(client, auth, late_id, lang), lang, STAFF)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("staff_lang", ["nb"])
def test_staff_withdrew_an_unanswered_invitation(client, auth, staff, lang):
    """A guard: the wording 717bdbf gave stays."""
    arena = make_arena()
    inv = make_participant(arena, "founder", state="invited")
    assert client.post(f"/staff/arenas/{arena.id}/invitations/{inv.id}/remove"
                       ).status_code == 302
    _says(_own_pages(client, auth, inv.id, lang), lang, "Withdrawn by the organisers")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("invited_only", [False, True])
def test_an_administrator_deactivated_them(client, auth, lang, invited_only):
    """Deactivated (and later reactivated, so they see their pages again): their invitation,
    answered or not, was not withdrawn by the organisers."""
    arena = make_arena()
    inv = (make_participant(arena, "founder", state="invited") if invited_only
           else _coming(arena, "founder"))
    admin = make_user("admin", association=None)
    account_access.set_active(inv.user, False, actor=admin)
    db.session.commit()
    account_access.set_active(inv.user, True, actor=admin)
    db.session.commit()
    assert db.session.get(Invitation, inv.id).cancelled_by == "admin"
    pages = _own_pages(client, auth, inv.id, lang)
    _says(pages, lang, ADMIN)
    for page in pages:
        assert _said(lang, "Withdrawn by the organisers") not in page
        assert _said(lang, "The organisers have withdrawn this invitation, so it can no "
                           "longer be answered.") not in page


@pytest.mark.parametrize("lang", LANGS)
def test_an_administrator_changed_their_role(client, auth, lang):
    arena = make_arena()
    inv = _coming(arena, "founder")
    admin = make_user("admin", association=None)
    account_access.set_role(inv.user, "investor", actor=admin)
    db.session.commit()
    _says(_own_pages(client, auth, inv.id, lang), lang, ADMIN)


@pytest.mark.parametrize("lang", LANGS)
def test_a_row_from_before_it_was_stored_says_it_neutrally(client, auth, lang):
    arena = make_arena()
    inv = make_participant(arena, "investor", state="cancelled", answered_at=utcnow())
    assert inv.cancelled_by is None
    _says(_own_pages(client, auth, inv.id, lang), lang, NEUTRAL)


def test_invited_again_forgets_who_cancelled(app):
    arena = make_arena()
    inv = make_participant(arena, "founder", state="cancelled", cancelled_by="staff")
    inv.state = "invited"
    db.session.commit()
    assert db.session.get(Invitation, inv.id).cancelled_by is None
