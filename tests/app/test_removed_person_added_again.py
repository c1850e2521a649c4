"""Someone staff took off an arena's list can be added again, as the remove page promises.

The page that asks before removing a sent invitation says "This cannot be undone: to have
them back, add them again and send a new invitation." But the cancelled invitation stayed on
the list, so the search answered "<name> is already on the list. (Cancelled)" with no Add
button, and adding refused the same way: the person could never come back (exploratory test
as Asker staff, 8 Dec, on the demo's inviting arena). Now the search offers them, adding
makes their row a new unsent invitation, and Send invites them again. Once the schedule is
published nobody can be added, so there the page no longer promises it."""

from __future__ import annotations

import html

import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from app.extensions import db
from app.models import Invitation
from tests.factories import make_arena, make_participant, outbox_of

REMOVE_ADD_AGAIN = ("Remove %(name)s from the list? Their invitation is cancelled and their "
                    "seat freed for the waiting list. This cannot be undone: to have them "
                    "back, add them again and send a new invitation.")
REMOVE_PUBLISHED = ("Remove %(name)s from the list? Their invitation is cancelled and their "
                    "seat freed for the waiting list. This cannot be undone: the schedule is "
                    "published, so nobody can be added to the list any more.")


@pytest.fixture(params=("nb", "en"))
def staff_lang(request):
    return request.param


def _follow(client, response):
    """The page a POST redirected to (follow_redirects does not fit the isolated client)."""
    assert response.status_code == 302, response.status_code
    return client.get(response.headers["Location"]).get_data(as_text=True)


def _said(lang: str, msgid: str, **values) -> str:
    with force_locale(lang):
        return html.escape(_(msgid, **values), quote=False)


def test_a_removed_invitee_is_found_added_and_invited_again(app, client, staff, staff_lang):
    arena = make_arena()
    founder = make_participant(arena, "founder", state="invited")
    user = founder.user
    base = f"/staff/arenas/{arena.id}/invitations"

    page = client.get(f"{base}/{founder.id}/remove").get_data(as_text=True)
    assert _said(staff_lang, REMOVE_ADD_AGAIN, name=user.name) in page
    assert client.post(f"{base}/{founder.id}/remove").status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "cancelled"

    found = client.get(base, query_string={"q": user.name}).get_data(as_text=True)
    assert _said(staff_lang, "Add %(name)s", name=user.name) in found
    assert _said(staff_lang, "%(name)s is already on the list.", name=user.name) not in found

    added = _follow(client, client.post(f"{base}/add", data={"user_id": user.id}))
    assert _said(staff_lang, "Added to the list.") in added
    db.session.expire_all()
    again = db.session.get(Invitation, founder.id)  # the same row, one per person and arena
    assert again.state == "proposed"
    assert again.invited_at is None and again.answered_at is None
    assert again.reasons == {"added_by_staff": True}
    assert again.pitch_id == founder.pitch_id  # invited through the same pitch

    sent_before = len(outbox_of(app))
    assert client.post(f"{base}/send").status_code == 302
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "invited"
    assert [m.to for m in outbox_of(app)[sent_before:]] == [[user.email]]


def test_someone_still_on_the_list_is_not_added_twice(app, client, staff, staff_lang):
    arena = make_arena()
    founder = make_participant(arena, "founder", state="accepted")
    base = f"/staff/arenas/{arena.id}/invitations"
    found = client.get(base, query_string={"q": founder.user.name}).get_data(as_text=True)
    assert _said(staff_lang, "%(name)s is already on the list.", name=founder.user.name) in found
    refused = _follow(client, client.post(f"{base}/add", data={"user_id": founder.user_id}))
    assert _said(staff_lang, "%(name)s is already on the list.", name=founder.user.name) in refused
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "accepted"


def test_a_published_schedule_promises_no_adding_again(app, client, staff, staff_lang):
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder", state="accepted")
    page = client.get(f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove"
                      ).get_data(as_text=True)
    assert _said(staff_lang, REMOVE_PUBLISHED, name=founder.user.name) in page
    assert _said(staff_lang, REMOVE_ADD_AGAIN, name=founder.user.name) not in page
