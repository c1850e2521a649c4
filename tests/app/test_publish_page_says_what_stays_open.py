"""The publish page says what publishing closes, as the app does it. It said "the invitation
list can no longer be changed", yet on a scheduled arena staff can still take an invited or
accepted person off the list (their meetings called off, the people concerned told), and
until the deadline the seat freed goes to the next on the waiting list; what is closed is
adding people and sending invitations. The page now says so, and this checks both halves."""

from __future__ import annotations

import html

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from app.extensions import db
from app.models import Invitation
from tests.factories import make_participant, make_user


@pytest.fixture(params=("nb", "en"))
def staff_lang(request):
    return request.param


def _said(lang: str, msgid: str) -> str:
    with force_locale(lang):
        return html.escape(_(msgid), quote=False)


def test_the_publish_page_says_what_can_still_change(client, staff, staff_lang, fitting_room):
    arena, founders, _investors = fitting_room
    waiting = make_participant(arena, "founder", state="waiting_list")
    arena.founder_capacity = len(founders)
    db.session.commit()
    arena_id, waiting_id, removed_id = arena.id, waiting.id, founders[0].id
    assert client.post(f"/staff/arenas/{arena_id}/schedule/build").status_code == 302
    page = client.get(f"/staff/arenas/{arena_id}/schedule/publish").get_data(as_text=True)
    assert _said(staff_lang, "Invitees can still answer until the deadline, but can no longer "
                             "change their own times.") in page
    assert _said(staff_lang, "You can no longer add people to the invitation list or send "
                             "invitations; you can still take people off it, and until the "
                             "deadline a freed seat goes to the next on the waiting list.") in page
    with force_locale(staff_lang):
        old = _("Invitees can still answer until the deadline, but can no longer change their "
                "own times, and the invitation list can no longer be changed.")
    assert html.escape(old, quote=False) not in page

    assert client.post(f"/staff/arenas/{arena_id}/schedule/publish").status_code == 302
    # what the page says: nobody can be added ...
    newcomer = make_user("founder")
    client.post(f"/staff/arenas/{arena_id}/invitations/add", data={"user_id": newcomer.id})
    db.session.expire_all()
    assert db.session.scalar(db.select(Invitation).where(
        Invitation.arena_id == arena_id, Invitation.user_id == newcomer.id)) is None
    # ... but someone can be taken off, and their seat goes to the waiting list
    assert client.post(f"/staff/arenas/{arena_id}/invitations/{removed_id}/remove"
                       ).status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, removed_id).state == "cancelled"
    assert db.session.get(Invitation, waiting_id).state == "invited"
