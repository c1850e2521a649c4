"""An arena whose host associations have no active staff left (the last one deactivated,
deleted or moved) still runs: administrators manage every arena. Late answers there used
to tell nobody (the notices went to the host staff only), so a late yes, a late no, a
cancel or a seat given from the waiting list went unnoticed. Now the active
administrators get those notices in the app, opening the schedule page they can open;
while a host has active staff, only that staff is told, as before."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.models.user import utcnow
from tests.app.page_text import main_text
from tests.app.security.principals import log_in
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)


def _kinds(user) -> list[str]:
    db.session.expire_all()
    return [n.kind for n in db.session.scalars(select(Notification).where(
        Notification.user_id == user.id).order_by(Notification.id))]


def _as(client, user, method: str, path: str, **data) -> int:
    log_in(client, user)
    return client.open(path, method=method, data=data).status_code


@pytest.fixture
def staffless():
    """A published arena of Asker with one founder seat, taken by Kari (who meets an
    investor); Siri waits for the seat. Asker's only staff member is deactivated; Drammen
    has staff. Returns (arena, Kari's invitation, Siri's invitation)."""
    arena = make_arena(hosts=("asker",), status="scheduled", schedule_sequence=1,
                       scheduled_at=utcnow(), schedule_published_at=utcnow(),
                       founder_capacity=1)
    kari = make_participant(arena, "founder")
    make_meeting(arena, kari, make_participant(arena, "investor"))
    siri = make_participant(arena, "founder", state="waiting_list", rank=2)
    make_user("staff", association="asker", active=False)
    db.session.commit()
    return arena, kari, siri


def test_late_answers_at_an_arena_without_staff_reach_the_administrators(app, client,
                                                                          staffless):
    arena, kari, _siri = staffless
    admins = [make_user("admin", association=None), make_user("admin", association=None)]
    gone = make_user("admin", association=None, active=False)
    other = make_user("staff", association="drammen")
    late = make_invitation(arena, make_user("investor"))
    db.session.commit()
    assert _as(client, late.user, "POST", f"/arenas/{arena.id}/answer", answer="accept") == 302
    assert _as(client, kari.user, "POST", f"/arenas/{arena.id}/withdraw") == 302
    assert _as(client, late.user, "POST", f"/arenas/{arena.id}/answer",
               answer="decline") == 302
    for admin in admins:
        assert _kinds(admin) == ["late_yes", "late_cancel", "seat_given", "late_no"]
    assert _kinds(gone) == [] and _kinds(other) == []
    admin_mail = {a.email for a in admins}
    assert not [m for m in outbox_of(app) if admin_mail & set(m.to)]  # in the app only
    # the notice opens the schedule, which an admin may open
    log_in(client, admins[0])
    (link,) = {n.link for n in db.session.scalars(select(Notification).where(
        Notification.user_id == admins[0].id))}
    assert link == f"/staff/arenas/{arena.id}/schedule"
    assert client.get(link).status_code == 200


def test_while_a_host_has_active_staff_the_administrators_are_not_told(client, staffless):
    arena, kari, _siri = staffless
    admin = make_user("admin", association=None)
    staff = make_user("staff", association="asker")
    db.session.commit()
    assert _as(client, kari.user, "POST", f"/arenas/{arena.id}/withdraw") == 302
    assert _kinds(staff) == ["late_cancel", "seat_given"]
    assert _kinds(admin) == []


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_admin_is_told_who_hears_of_late_answers_once_the_last_staff_goes(client, lang):
    arena = make_arena(hosts=("asker",))
    staff = make_user("staff", association="asker")
    admin = make_user("admin", association=None, locale=lang)
    db.session.commit()
    log_in(client, admin)
    text = main_text(client.get(f"/admin/users/{staff.id}/deactivate").get_data(as_text=True))
    assert arena.title in text
    assert {"en": "late answers there go to the administrators",
            "nb": "går sene svar der til administratorene"}[lang] in text
