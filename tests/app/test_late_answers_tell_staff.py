"""Once the schedule is published, a yes (someone with no meetings yet) or a no from someone
who had a place in it changes what staff must do: re-run the schedule. They were not told;
the arena looked done. Now each active staff member of the host associations gets a notice in
the app (not by e-mail) that opens the schedule page. Nobody is told while the schedule is a
draft (building it again takes answers in), nor of a no from someone who had not said yes,
and other associations' staff never hear of it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.models.user import utcnow
from tests.factories import make_arena, make_invitation, make_participant, make_user, outbox_of

SAYS = {
    ("late_yes", "en"): "said yes to “Grønn arena” after the schedule was published",
    ("late_yes", "nb"): "takket ja til «Grønn arena» etter at møteplanen ble publisert",
    ("late_no", "en"): "said no to “Grønn arena” after the schedule was published",
    ("late_no", "nb"): "takket nei til «Grønn arena» etter at møteplanen ble publisert",
}


def _notes(user) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def _answer(client, auth, invitation, answer: str) -> None:
    auth.login(invitation.user.email)
    assert client.post(f"/arenas/{invitation.arena_id}/answer",
                       data={"answer": answer}).status_code == 302
    auth.logout()


@pytest.fixture
def published():
    arena = make_arena(hosts=("asker", "baerum"), status="scheduled",
                       schedule_published_at=utcnow(), scheduled_at=utcnow(),
                       schedule_sequence=1)
    return arena


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_late_yes_and_no_reach_the_host_staff_in_the_app(app, client, auth, published,
                                                          lang):
    hosts = [make_user("staff", association="asker"), make_user("staff", association="baerum")]
    other = make_user("staff", association="drammen")
    gone = make_user("staff", association="asker", active=False)
    late = make_invitation(published, make_user("founder", name="Kari Nordmann"))
    coming = make_participant(published, "investor")
    coming.user.name = "Ola Invest"
    db.session.commit()
    _answer(client, auth, late, "accept")
    _answer(client, auth, coming, "decline")
    for staff in hosts:
        notes = _notes(staff)
        assert [n.kind for n in notes] == ["late_yes", "late_no"]
        assert {n.link for n in notes} == {f"/staff/arenas/{published.id}/schedule"}
    assert _notes(other) == [] and _notes(gone) == []
    staff_mail = {s.email for s in hosts}
    assert not [m for m in outbox_of(app) if staff_mail & set(m.to)]  # in the app only
    # worded in the reader's language, and shown on their notifications page
    auth.login(hosts[0].email)
    client.post("/language", data={"lang": lang})
    page = client.get("/notifications").get_data(as_text=True)
    for kind in ("late_yes", "late_no"):
        assert SAYS[(kind, lang)] in page.replace("&#34;", '"')
    assert "Kari Nordmann" in page and "Ola Invest" in page


def test_nobody_is_told_while_the_schedule_is_a_draft_or_of_a_no_without_a_yes(
        client, auth):
    arena = make_arena(scheduled_at=utcnow(), schedule_sequence=1)  # a draft, still inviting
    staff = make_user("staff", association="asker")
    _answer(client, auth, make_invitation(arena, make_user("founder")), "accept")
    arena.schedule_published_at = utcnow()
    arena.status = "scheduled"
    db.session.commit()
    _answer(client, auth, make_invitation(arena, make_user("investor")), "decline")
    assert _notes(staff) == []

