"""A participant who cancels their participation from their agenda once the schedule is
published frees the slots of their meetings, as a no after a yes does: the host
associations' staff now learn of it in the app (not by e-mail), in a notice that opens the
staff schedule page, where a re-run fills the slots, and says they cancelled, not that they
said no. Before, only their meeting partners were told, and the freed slots went unnoticed
until someone looked. Nobody is told while the schedule is a draft (building it again
takes the change in), nor when staff take someone off the list themselves."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.models.user import utcnow
from app.services import notifications
from tests.factories import make_arena, make_meeting, make_participant, make_user, outbox_of

SAYS = {"en": "Kari Nordmann cancelled their participation in “Grønn arena” after the "
              "schedule was published, and 2 meetings with them are called off.",
        "nb": "Kari Nordmann meldte seg av «Grønn arena» etter at møteplanen ble publisert, "
              "og 2 møter med vedkommende er avlyst."}
SENTENCES = {
    (1, "en"): "Kari Nordmann cancelled their participation in “Grønn arena” after the "
               "schedule was published, and 1 meeting with them is called off. Re-run the "
               "schedule to fill the free slot.",
    (1, "nb"): "Kari Nordmann meldte seg av «Grønn arena» etter at møteplanen ble publisert, "
               "og 1 møte med vedkommende er avlyst. Lag møteplanen på nytt for å fylle den "
               "ledige tidsluken.",
    (2, "en"): "Kari Nordmann cancelled their participation in “Grønn arena” after the "
               "schedule was published, and 2 meetings with them are called off. Re-run the "
               "schedule to fill the free slots.",
    (2, "nb"): "Kari Nordmann meldte seg av «Grønn arena» etter at møteplanen ble publisert, "
               "og 2 møter med vedkommende er avlyst. Lag møteplanen på nytt for å fylle de "
               "ledige tidslukene.",
    (0, "en"): "Kari Nordmann cancelled their participation in “Grønn arena” after the "
               "schedule was published. They had no meetings in it, so no slot was freed.",
    (0, "nb"): "Kari Nordmann meldte seg av «Grønn arena» etter at møteplanen ble publisert. "
               "Vedkommende hadde ingen møter i den, så ingen tidsluke ble ledig.",
}


def _notes(user, kind: str | None = None) -> list[Notification]:
    db.session.expire_all()
    query = select(Notification).where(Notification.user_id == user.id)
    if kind:
        query = query.where(Notification.kind == kind)
    return list(db.session.scalars(query))


def _withdraw(client, auth, invitation) -> None:
    auth.login(invitation.user.email)
    assert client.post(f"/arenas/{invitation.arena_id}/withdraw").status_code == 302
    auth.logout()


@pytest.fixture
def kari():
    """Kari, a founder at a scheduled arena of Asker and Bærum, meets two investors in its
    published schedule. Returns her invitation."""
    arena = make_arena(hosts=("asker", "baerum"), status="scheduled", schedule_sequence=1,
                       scheduled_at=utcnow())
    me = make_participant(arena, "founder")
    me.user.name = "Kari Nordmann"
    for slot in (0, 1):
        make_meeting(arena, me, make_participant(arena, "investor"), slot=slot)
    return me


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_cancel_after_publishing_reaches_the_host_staff_in_the_app(app, client, auth,
                                                                     kari, lang):
    hosts = [make_user("staff", association="asker"), make_user("staff", association="baerum")]
    other = make_user("staff", association="drammen")
    gone = make_user("staff", association="asker", active=False)
    _withdraw(client, auth, kari)
    for staff in hosts:
        (note,) = _notes(staff)
        assert note.kind == "late_cancel"
        assert note.link == f"/staff/arenas/{kari.arena_id}/schedule"
    assert _notes(other) == [] and _notes(gone) == []
    staff_mail = {s.email for s in hosts}
    assert not [m for m in outbox_of(app) if staff_mail & set(m.to)]  # in the app only
    assert len(outbox_of(app)) == 2  # the partners' notices, as before
    # worded in the reader's language on their notifications page: cancelled, not "no"
    auth.login(hosts[0].email)
    client.post("/language", data={"lang": lang})
    page = " ".join(client.get("/notifications").get_data(as_text=True).split())
    assert SAYS[lang] in page
    assert "said no" not in page and "takket nei" not in page


@pytest.mark.parametrize(("count", "lang"), list(SENTENCES))
def test_the_cancel_notice_in_full(app, count, lang):
    params = {"who": "Kari Nordmann", "arena": "Grønn arena", "arena_id": 1, "count": count}
    note = Notification(user_id=1, kind="late_cancel", params=params, link="/")
    with app.test_request_context(), force_locale(lang):
        assert notifications.text(note) == SENTENCES[count, lang]


def test_a_cancel_without_meetings_says_no_slot_was_freed(client, auth):
    arena = make_arena(status="scheduled", schedule_sequence=1, scheduled_at=utcnow(),
                       schedule_published_at=utcnow())
    staff = make_user("staff", association="asker")
    late = make_participant(arena, "founder")  # said yes after the publication
    _withdraw(client, auth, late)
    (note,) = _notes(staff)
    assert (note.kind, note.params["count"]) == ("late_cancel", 0)


def test_nobody_is_told_of_a_cancel_while_the_schedule_is_a_draft(client, auth):
    arena = make_arena(scheduled_at=utcnow(), schedule_sequence=1)  # a draft, still inviting
    staff = make_user("staff", association="asker")
    first, second = make_participant(arena, "founder"), make_participant(arena, "founder")
    for slot, me in enumerate((first, second)):
        make_meeting(arena, me, make_participant(arena, "investor"), slot=slot,
                     published=False)
    _withdraw(client, auth, first)
    assert _notes(staff) == []
    arena.schedule_published_at, arena.status = utcnow(), "scheduled"  # as publishing does
    db.session.commit()
    _withdraw(client, auth, second)
    assert [(n.kind, n.params["who"]) for n in _notes(staff)] == [("late_cancel",
                                                                   second.user.name)]


def test_staff_taking_someone_off_the_list_tell_no_staff(client, auth, kari):
    remover, colleague = (make_user("staff", association=a) for a in ("asker", "baerum"))
    auth.login(remover.email)
    assert client.post(f"/staff/arenas/{kari.arena_id}/invitations/{kari.id}/remove"
                       ).status_code == 302
    auth.logout()
    assert _notes(remover) == [] and _notes(colleague) == []
    other = make_participant(kari.arena, "investor")  # cancels herself: both are told
    _withdraw(client, auth, other)
    for staff in (remover, colleague):
        assert [n.params["who"] for n in _notes(staff, "late_cancel")] == [other.user.name]
