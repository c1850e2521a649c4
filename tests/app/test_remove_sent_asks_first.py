"""Staff's Remove on a sent invitation (invited or accepted) asks first, as cancelling a
meeting does. It took the person off at one tap: no Undo (only an unsent one has it), and
once the schedule is published their meetings were called off and each partner e-mailed
(exploratory test as Asker staff at 375 px, 7 Dec: one tap on a scheduled arena, four
investors e-mailed). Now it is a link to a page that says what happens: the invitation is
cancelled, no undo, how many meetings are called off with their partners told, and that Koble
tells the person (test_remove_tells_the_person.py); Yes removes as before, No goes back to
the row. An unsent one is still removed at once, with Undo."""

from __future__ import annotations

import html
import re

import pytest
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import select

from app.extensions import db
from app.models import Invitation
from tests.app.test_staff_change_notices import founder_meeting_two
from tests.factories import make_arena, make_participant, outbox_of


@pytest.fixture(params=("nb", "en"))
def staff_lang(request):
    return request.param


def _said(lang: str, msgid: str, **values) -> str:
    with force_locale(lang):
        return html.escape(_(msgid, **values), quote=False)


def test_removing_a_seated_participant_asks_first(app, client, staff, staff_lang):
    arena, founder, _early, _late, _others = founder_meeting_two(bokmaal="early")
    name = founder.user.name
    url = f"/staff/arenas/{arena.id}/invitations/{founder.id}/remove"

    listing = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    assert f'action="{url}"' not in listing  # no form that removes at one tap
    assert f'href="{url}"' in listing
    assert f'aria-label="{_said(staff_lang, "Remove %(name)s", name=name)}"' in listing

    response = client.get(url)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    # the schedule is published: nobody can be added again (test_removed_person_added_again)
    assert _said(staff_lang, "Remove %(name)s from the list? Their invitation is cancelled and "
                             "their seat freed for the waiting list. This cannot be undone: the "
                             "schedule is published, so nobody can be added to the list any "
                             "more.", name=name) in page
    with force_locale(staff_lang):
        meetings = ngettext(
            "%(num)d meeting with them in the published schedule is called off, and the other "
            "person in it is told in the app and by e-mail.",
            "%(num)d meetings with them in the published schedule are called off, and the "
            "other people in them are told in the app and by e-mail.", 2)
    assert html.escape(meetings, quote=False) in page
    assert _said(staff_lang, "Koble tells %(name)s in the app and by e-mail that the organisers "
                             "have taken them off the list, and that their meetings there are "
                             "called off.", name=name) in page
    assert _said(staff_lang, "Koble does not tell %(name)s that they were removed: tell them "
                             "yourself.", name=name) not in page
    assert f'action="{url}"' in page
    assert _said(staff_lang, "Yes, remove %(name)s", name=name) in page
    assert _said(staff_lang, "No, back to the list") in page
    assert not outbox_of(app)  # asking removes nothing and tells nobody
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "accepted"

    assert client.post(url).status_code == 302  # Yes: removed as before
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).state == "cancelled"
    assert len(outbox_of(app)) == 3  # the two partners and the founder themself


def test_an_unsent_invitation_is_removed_at_once(client, staff, staff_lang):
    arena = make_arena()
    proposed = make_participant(arena, "founder", state="proposed")
    invited = make_participant(arena, "founder", state="invited")
    proposed_id = proposed.id
    base = f"/staff/arenas/{arena.id}/invitations"
    listing = client.get(base).get_data(as_text=True)
    assert f'action="{base}/{proposed.id}/remove"' in listing
    assert f'href="{base}/{invited.id}/remove"' in listing
    response = client.get(f"{base}/{proposed.id}/remove")  # nothing to ask: back to the row
    assert response.status_code == 302
    assert re.search(rf"{base}#inv-{proposed.id}$", response.location)
    assert client.post(f"{base}/{proposed.id}/remove").status_code == 302
    assert db.session.scalar(select(Invitation).where(Invitation.id == proposed_id)) is None
