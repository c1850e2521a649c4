"""The e-mails that change someone's meetings carry their calendar file, as the invitation
does: a meeting staff move on the arena's day moves in the calendar on the phone when the
file is opened (same UID, higher SEQUENCE), a cancelled one is cancelled there."""

from __future__ import annotations

import icalendar

from app.extensions import db
from app.services import meeting_changes
from tests.factories import make_arena, make_meeting, make_participant, make_user, outbox_of


def _events(mail) -> dict[str, icalendar.Event]:
    (calendar,) = [a for a in mail.attachments if a[0].endswith(".ics")]
    cal = icalendar.Calendar.from_ical(calendar[1])
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def _room():
    arena = make_arena(status="scheduled", schedule_sequence=2)
    founder = make_participant(arena, "founder")
    founder.user.locale = "nb"
    investor = make_participant(arena, "investor")
    bystander = make_participant(arena, "investor")
    db.session.commit()
    meeting = make_meeting(arena, founder, investor, slot=0, table=0)
    make_meeting(arena, make_participant(arena, "founder"), bystander, slot=1, table=0)
    return arena, founder, investor, bystander, meeting


def test_a_moved_meeting_mail_carries_the_calendar_at_the_new_time(app):
    arena, founder, investor, _bystander, meeting = _room()
    staff = make_user("staff", association="asker")
    meeting_changes.move(staff, arena, meeting.id, 2, 1)
    mails = {m.to[0]: m for m in outbox_of(app)}
    assert set(mails) == {founder.user.email, investor.user.email}
    uid = f"arena{arena.id}-f{founder.user_id}-i{investor.user_id}@koble.no"
    for mail in mails.values():
        event = _events(mail)[uid]
        assert event.decoded("dtstart").strftime("%H:%M") == "09:30"
        assert int(event["sequence"]) == 3
        assert "2" in str(event["location"])
    assert "bord 2" in str(_events(mails[founder.user.email])[uid]["location"])  # nb


def test_a_cancelled_meeting_mail_cancels_the_event(app):
    arena, founder, _investor, _bystander, meeting = _room()
    staff = make_user("staff", association="asker")
    meeting_changes.cancel(staff, arena, meeting.id)
    mail = next(m for m in outbox_of(app) if m.to[0] == founder.user.email)
    (event,) = [e for uid, e in _events(mail).items() if "-f" in uid]
    assert str(event["status"]) == "CANCELLED"


def test_other_notice_mails_carry_no_file(app):
    from app.services import interest
    from tests.factories import make_investor, make_pitch

    founder, investor = make_user("founder"), make_user("investor")
    pitch, profile = make_pitch(founder), make_investor(investor)
    interest.mark(investor, pitch.id, profile.id, "interested")
    db.session.commit()
    assert outbox_of(app) and all(not m.attachments for m in outbox_of(app))
