"""An arena edit that moves someone's meetings in time (a new slot length) and also cuts
the arrive/leave times they saved (availability.fit_times_to_arena) tells them both in one
notice: their meetings' new times, then "The times you gave no longer fit the new meeting
plan: you are now there …", as a moved arena's notice does (e051539). Before, such a person
got only the meetings_retimed notice, and their new times were never told.

The test arena (tests/factories.make_arena): 8 slots of 15 minutes from 09:00, slot 5
(typed from 1) a break; the edit makes it 3 slots of 20 minutes, no break."""

from __future__ import annotations

from flask_babel import force_locale

from app.extensions import db
from app.models import Notification
from app.services import notifications
from tests.app.test_call_off_notices import edit
from tests.app.test_staff_change_notices import mails_to, speaks
from tests.factories import make_arena, make_meeting, make_participant


def _kinds(invitation) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(db.select(Notification).where(
        Notification.user_id == invitation.user_id)))


def test_meetings_moved_and_times_cut_are_told_together_once(app, client, staff):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    # there 09:15-10:30, meeting at 09:15 (slot 2)
    founder = speaks(make_participant(arena, "founder", arrive_slot=1, leave_slot=6), "en")
    investor = speaks(make_participant(arena, "investor"), "nb")  # no times saved
    make_meeting(arena, founder, investor, slot=1, table=0)
    assert edit(client, arena, slot_count="3", slot_minutes="20", breaks="").status_code == 302

    [note] = _kinds(founder)
    assert note.kind == "meetings_retimed"
    says = ("The organisers changed the meeting times at “Grønn kapital møter grønne idéer”: "
            "your meeting is now at 09:20. The times you gave no longer fit the new meeting "
            "plan: you are now there 09:20–10:00.")
    with app.test_request_context(), force_locale("en"):
        assert notifications.text(note) == says
    (mail,) = mails_to(app, founder)
    assert says in mail.body
    with app.test_request_context(), force_locale("nb"):
        bokmaal = notifications.text(note)
    assert bokmaal.startswith("Arrangørene har endret møtetidene på ")
    assert "Tidene du oppga, passer ikke med det nye møteoppsettet" in bokmaal
    assert bokmaal.endswith("09:20–10:00.")

    # whose times were not cut reads as before
    [other] = _kinds(investor)
    assert other.kind == "meetings_retimed" and "arrive" not in other.params
    (nb,) = mails_to(app, investor)
    assert "møtet ditt er nå kl. 09:20." in nb.body and "du er der" not in nb.body
