"""A founder an administrator made an investor (or an investor made a founder, staff or an
admin) kept the arena invitations, the accepted places, the meetings and the meeting
requests of the old role: a "founder" in the schedule with no pitch shown, an investor
still in an investor's meetings while matched as a founder. Only staff moves dealt with
arenas.

A role changed away now ends the person's part in the arenas not yet held on the old
role's side, as deactivating ends it (departures.leave_arenas): invitations end, seats go
to the waiting list, meetings are called off and requests withdrawn, the other side told
that the person no longer comes (they are still on Koble), audited per arena. The role
question names those arenas and counts what ends, and a question gone out of date since
it was opened changes nothing."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Invitation, Meeting, MeetingRequest, Notification
from app.services import account_access
from tests.app.page_text import fresh, main_text
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
)

_SEEN = re.compile(r'name="arenas_seen" type="hidden" value="([^"]*)"')


@pytest.fixture
def admin_client(app):
    admin = make_user("admin", name="Ada Admin", association=None, locale="en")
    client = app.test_client()
    log_in(client, admin)
    return admin, client


@pytest.fixture
def busy():
    """Åse, a founder, comes to a scheduled arena (a published schedule: one meeting with
    Nina) and is invited to another still inviting, where her meeting request to Ivar
    waits for an answer."""
    scheduled = make_arena(status="scheduled", schedule_sequence=1, title="Vårarena")
    here = make_participant(scheduled, "founder")
    founder = here.user
    founder.name = "Åse Berg"
    nina = make_participant(scheduled, "investor")
    nina.user.name = "Nina Bø"
    make_meeting(scheduled, here, nina, slot=0)
    inviting = make_arena(status="inviting", title="Høstarena")
    make_invitation(inviting, founder, "accepted", pitch_id=here.pitch_id)
    ivar = make_participant(inviting, "investor")
    db.session.add(MeetingRequest(arena_id=inviting.id, from_user_id=founder.id,
                                  to_user_id=ivar.user_id))
    db.session.commit()
    return {"founder": founder, "scheduled": scheduled, "inviting": inviting,
            "nina": nina.user, "ivar": ivar.user}


def _question(client, person, role: str = "investor"):
    response = client.post(f"/admin/users/{person.id}/role",
                           data={"role": role, "association": ""})
    assert response.status_code == 303 and "/role?" in response.location
    return client.get(response.location).get_data(as_text=True)


def _seen(page: str) -> str:
    return html.unescape(_SEEN.search(page).group(1))


def test_the_role_question_names_the_arenas_and_what_ends(admin_client, busy):
    _admin, client = admin_client
    founder = busy["founder"]
    before = checksum()
    page = _question(client, founder)
    text = main_text(page)
    assert "Arena participation that ends" in text
    assert ("Åse Berg takes part in arenas not yet held as founder. A new role ends that for "
            "good") in text
    assert "Vårarena" in text and "Høstarena" in text
    assert ("2 invitations to arenas not yet held end; seats they had there go to the next "
            "on the waiting list.") in text
    assert ("1 meeting in a published schedule is called off; the other participant is "
            "told.") in text
    assert ("1 meeting request waiting for an answer is withdrawn; the other side is "
            "told.") in text
    assert checksum() == before
    assert fresh(founder).role == "founder"


def test_confirming_ends_the_old_roles_participation_and_tells_the_other_side(
        admin_client, busy):
    admin, client = admin_client
    founder = busy["founder"]
    page = _question(client, founder)
    response = client.post(f"/admin/users/{founder.id}/role",
                           data={"role": "investor", "association": "",
                                 "arenas_seen": _seen(page)})
    assert response.status_code == 303 and response.location.endswith(
        f"/admin/users/{founder.id}")
    assert fresh(founder).role == "investor"
    assert ("1 meeting at the arenas is called off, the other participant told. 2 arena "
            "invitations are ended. 1 meeting request waiting for an answer is withdrawn, "
            "the other side told.") in main_text(client.get(response.location)
                                                  .get_data(as_text=True))
    db.session.expire_all()
    states = dict(db.session.execute(select(Invitation.arena_id, Invitation.state).where(
        Invitation.user_id == founder.id)).all())
    assert states == {busy["scheduled"].id: "cancelled", busy["inviting"].id: "cancelled"}
    assert db.session.scalars(select(Meeting.state).where(
        Meeting.founder_user_id == founder.id)).all() == ["cancelled"]
    assert db.session.scalar(select(MeetingRequest.state)) == "withdrawn"
    # the other side learns that Åse no longer comes: she is still on Koble
    (note,) = db.session.scalars(select(Notification).where(
        Notification.user_id == busy["nina"].id, Notification.kind == "partner_withdrew"))
    assert note.params["who"] == "Åse Berg"
    (closed,) = db.session.scalars(select(Notification).where(
        Notification.user_id == busy["ivar"].id,
        Notification.kind == "meeting_request_withdrawn"))
    assert closed.params.get("why") == "not_coming"
    details = db.session.scalars(select(AuditEvent.detail).where(
        AuditEvent.action == "participation_cancelled", AuditEvent.actor_id == admin.id)
        .order_by(AuditEvent.target)).all()
    assert sorted(details) == ["role changed, meetings freed=0",
                               "role changed, meetings freed=1"]
    # changing the role back brings none of it back
    account_access.set_role(fresh(founder), "founder")
    db.session.expire_all()
    assert set(db.session.scalars(select(Invitation.state).where(
        Invitation.user_id == founder.id))) == {"cancelled"}


def test_a_question_gone_out_of_date_changes_nothing(admin_client, busy):
    _admin, client = admin_client
    founder = busy["founder"]
    seen = _seen(_question(client, founder))
    later = make_arena(status="inviting", title="Vinterarena")
    make_invitation(later, fresh(founder))  # invited since the page was opened
    response = client.post(f"/admin/users/{founder.id}/role",
                           data={"role": "investor", "association": "", "arenas_seen": seen})
    assert response.status_code == 303 and "/role?" in response.location
    assert fresh(founder).role == "founder"
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert "their part in arenas the change would end" in text
    assert "the pitches or profile the change would withdraw" not in text
    assert "Vinterarena" in text
    assert db.session.scalar(select(Invitation.state).where(
        Invitation.arena_id == later.id)) == "invited"


def test_the_question_in_bokmal(app, busy):
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="nb"))
    text = main_text(_question(client, busy["founder"]))
    assert "Deltakelse på arenaer som avsluttes" in text
    assert "Åse Berg deltar på arenaer som ikke er holdt ennå, som gründer." in text


def test_the_command_line_role_change_ends_it_too(app, busy):
    founder = busy["founder"]
    ended = account_access.set_role(founder, "investor")
    assert (ended.invitations, ended.meetings, ended.requests) == (2, 1, 1)
    db.session.expire_all()
    assert set(db.session.scalars(select(Invitation.state).where(
        Invitation.user_id == founder.id))) == {"cancelled"}
