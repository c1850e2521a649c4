"""A no after a yes, once the schedule is published, tells the host staff how many meetings
it called off, as a cancel's notice does. It always said "their meetings are called off",
also of someone who said yes after the publication and had no meeting yet, so staff went to
re-run a schedule that had no slot freed. A notice stored before it counted keeps its
sentence (test_late_answer_wording)."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.models import Notification
from app.models.user import utcnow
from app.services import notifications
from tests.factories import make_arena, make_meeting, make_participant, make_user

SENTENCES = {
    (0, "en"): "Kari Nordmann said no to “Grønn arena” after the schedule was published. "
               "They had no meetings in it, so no slot was freed.",
    (0, "nb"): "Kari Nordmann takket nei til «Grønn arena» etter at møteplanen ble publisert. "
               "Vedkommende hadde ingen møter i den, så ingen tidsluke ble ledig.",
    (1, "en"): "Kari Nordmann said no to “Grønn arena” after the schedule was published, and "
               "1 meeting with them is called off. Re-run the schedule to fill the free slot.",
    (1, "nb"): "Kari Nordmann takket nei til «Grønn arena» etter at møteplanen ble publisert, "
               "og 1 møte med vedkommende er avlyst. Lag møteplanen på nytt for å fylle den "
               "ledige tidsluken.",
    (2, "en"): "Kari Nordmann said no to “Grønn arena” after the schedule was published, and "
               "2 meetings with them are called off. Re-run the schedule to fill the free "
               "slots.",
    (2, "nb"): "Kari Nordmann takket nei til «Grønn arena» etter at møteplanen ble publisert, "
               "og 2 møter med vedkommende er avlyst. Lag møteplanen på nytt for å fylle de "
               "ledige tidslukene.",
}


@pytest.mark.parametrize(("count", "lang"), list(SENTENCES))
def test_the_late_no_notice_in_full(app, count, lang):
    params = {"who": "Kari Nordmann", "arena": "Grønn arena", "arena_id": 1, "count": count}
    note = Notification(user_id=1, kind="late_no", params=params, link="/")
    with app.test_request_context(), force_locale(lang):
        assert notifications.text(note) == SENTENCES[count, lang]


def _decline(client, auth, invitation) -> None:
    auth.login(invitation.user.email)
    assert client.post(f"/arenas/{invitation.arena_id}/answer",
                       data={"answer": "decline"}).status_code == 302
    auth.logout()


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_late_no_counts_the_meetings_it_called_off(client, auth, lang):
    arena = make_arena(status="scheduled", schedule_sequence=1, scheduled_at=utcnow(),
                       schedule_published_at=utcnow())
    staff = make_user("staff", association="asker")
    placed = make_participant(arena, "founder")
    placed.user.name = "Kari Nordmann"
    for slot in (0, 1):
        make_meeting(arena, placed, make_participant(arena, "investor"), slot=slot)
    late = make_participant(arena, "founder")  # said yes after the publication: no meeting
    late.user.name = "Ola Sent"
    db.session.commit()
    _decline(client, auth, placed)
    _decline(client, auth, late)
    db.session.expire_all()
    notes = db.session.scalars(select(Notification).where(
        Notification.user_id == staff.id).order_by(Notification.id))
    assert [(n.kind, n.params["who"], n.params["count"]) for n in notes] == [
        ("late_no", "Kari Nordmann", 2), ("late_no", "Ola Sent", 0)]
    auth.login(staff.email)
    client.post("/language", data={"lang": lang})
    page = " ".join(client.get("/notifications").get_data(as_text=True).split())
    assert SENTENCES[2, lang] in page
    assert SENTENCES[0, lang].replace("Kari Nordmann", "Ola Sent") in page
