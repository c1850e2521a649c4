"""Deactivating someone asks first, and says what it would end for good. The person page's
Deactivate was a one-click POST: an admin who clicked it on the wrong person learned only
afterwards that their arena invitations, meetings (the other participants told), waiting
meeting requests and API tokens had ended, none of which reactivating brings back. The
button now opens a page that counts them (departures.ahead, as leave_arenas counts them)
and changes nothing; its own button deactivates."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import MeetingRequest, User
from app.services import api_tokens
from tests.app.admin_questions import confirm
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
)


@pytest.fixture
def admin_client(app):
    client = app.test_client()
    admin = make_user("admin", association=None, locale="en")
    log_in(client, admin)
    return admin, client


def _busy_founder():
    """A founder coming to an arena with a published schedule (two meetings), invited to
    another still inviting (where one of their meeting requests waits for an answer), with
    two API tokens; and at a draft schedule's arena, a meeting nobody was told of."""
    scheduled = make_arena(status="scheduled", schedule_sequence=1)
    here = make_participant(scheduled, "founder")
    founder = here.user
    founder.name = "Åse Berg"
    for slot in (0, 1):
        make_meeting(scheduled, here, make_participant(scheduled, "investor"), slot=slot)
    inviting = make_arena(status="inviting")
    make_invitation(inviting, founder, "accepted", pitch_id=here.pitch_id)
    asked = make_participant(inviting, "investor")
    db.session.add(MeetingRequest(arena_id=inviting.id, from_user_id=founder.id,
                                  to_user_id=asked.user_id))
    for name in ("crm", "sync"):
        api_tokens.create(founder, name, "read", 30)
    db.session.commit()
    return founder


def _items(page: str) -> list[str]:
    return [re.sub(r"\s+", " ", item).strip()
            for item in re.findall(r"<li>(.*?)</li>", page.split("<main", 1)[1], re.S)]


def test_the_person_page_links_to_a_question_instead_of_deactivating(admin_client):
    _admin, client = admin_client
    person = make_user("investor", name="Ola Kapital")
    page = client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert f'href="/admin/users/{person.id}/deactivate"' in page
    assert f'action="/admin/users/{person.id}/deactivate"' not in page


def test_the_question_counts_what_would_end_and_changes_nothing(admin_client):
    _admin, client = admin_client
    founder = _busy_founder()
    before = checksum()
    response = client.get(f"/admin/users/{founder.id}/deactivate")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Deactivate Åse Berg?" in page
    assert _items(page) == [
        "2 invitations to arenas not yet held end; seats they had there go to the next on "
        "the waiting list.",
        "2 meetings in published schedules are called off; the other participants are told.",
        "1 meeting request waiting for an answer is withdrawn; the other side is told.",
        "2 API tokens are revoked.",
    ]
    assert "brings none of this back" in page
    assert f'action="/admin/users/{founder.id}/deactivate"' in page
    assert checksum() == before
    assert db.session.get(User, founder.id).active


def test_the_counts_are_those_the_deactivation_then_reports(admin_client):
    _admin, client = admin_client
    founder = _busy_founder()
    response = confirm(client, founder.id, "deactivate")
    assert response.status_code == 303
    page = client.get(response.location).get_data(as_text=True)
    assert ("2 meetings at the arenas are called off, the other participants told. "
            "2 arena invitations are ended. 1 meeting request waiting for an answer is "
            "withdrawn, the other side told. 2 API tokens are revoked.") in page
    db.session.expire_all()
    assert not db.session.get(User, founder.id).active


def test_someone_with_nothing_at_the_arenas_reads_that_nothing_else_ends(admin_client):
    _admin, client = admin_client
    person = make_user("investor", name="Ola Kapital")
    page = client.get(f"/admin/users/{person.id}/deactivate").get_data(as_text=True)
    assert "Nothing else ends" in page and "brings none of this back" not in page


def test_asking_to_deactivate_oneself_is_refused_on_ones_page(admin_client):
    admin, client = admin_client
    response = client.get(f"/admin/users/{admin.id}/deactivate")
    assert response.status_code == 303
    assert response.location.endswith(f"/admin/users/{admin.id}")
    assert "You cannot deactivate your own account." in client.get(
        response.location).get_data(as_text=True)


def test_an_inactive_account_goes_back_to_its_page(admin_client):
    _admin, client = admin_client
    person = make_user("investor", active=False)
    response = client.get(f"/admin/users/{person.id}/deactivate")
    assert response.status_code == 303 and response.location.endswith(
        f"/admin/users/{person.id}")


def test_the_question_in_bokmal(app):
    founder = _busy_founder()
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="nb"))
    page = client.get(f"/admin/users/{founder.id}/deactivate").get_data(as_text=True)
    assert "Deaktivere Åse Berg?" in page
    assert "2 API-nøkler er trukket tilbake." in page
    assert "La kontoen være aktiv" in page
