"""When staff move the whole arena (a new day or start), its meetings move with it, and the
participant is told so as when one meeting moves. The agenda showed the meetings at their
new times as if they had always been there (no "Moved: was …", which a new slot length or a
staff move gives), and the notice said "The organisers changed when or where … is: now
January 13, 2027 at 09:00", leaving the reader to work out that the day had changed. Now
each meeting says where it was ("Moved: was January 6, 2027 at 09:15, table 1" when the day
changed), the notice says the arena moved to another day and from which, and that their
meetings move with it. The calendar file already moved the events (a higher SEQUENCE).
"""

from __future__ import annotations

from datetime import time, timedelta

import icalendar
import pytest
from babel.dates import format_date

from app.extensions import db
from app.models import Arena
from tests.app.api.helpers import bearer
from tests.app.test_arena_edit_after_schedule import _form
from tests.factories import make_arena, make_meeting, make_participant, outbox_of

TEXT = {
    "en": {"moved": "Moved: was {day} at 09:15, table 1", "same_day": "Moved: was 09:15, table 1",
           "day": "The organisers moved “Grønn arena” to another day: it is now {new} at 09:00, "
                  "Asker kulturhus, no longer {old}.",
           "with_it": "Your meeting there moves with it: your agenda shows when it is now."},
    "nb": {"moved": "Flyttet: var {day} kl. 09:15, bord 1",
           "same_day": "Flyttet: var kl. 09:15, bord 1",
           "day": "Arrangørene har flyttet «Grønn arena» til en annen dag: den er nå {new} kl. "
                  "09:00, Asker kulturhus, ikke lenger {old}.",
           "with_it": "Møtet ditt der flyttes med: agendaen din viser når det er nå."},
}


@pytest.fixture
def booked():
    """A published schedule: the founder meets the investor at 09:15, table 1."""
    arena = make_arena(status="scheduled", schedule_sequence=1)
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    return arena, founder, investor, make_meeting(arena, founder, investor, slot=1, table=0)


def _edit(client, arena, **values):
    same = {"title": arena.title, "description": arena.description, "table_count": "6"}
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, **same, **values))
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()


def _agenda(client, auth, invitation) -> str:
    auth.logout()
    auth.login(invitation.user.email)
    client.post("/language", data={"lang": invitation.user.locale})
    page = client.get(f"/arenas/{invitation.arena_id}/agenda").get_data(as_text=True)
    return " ".join(page.split())


def _mail_to(app, invitation) -> str:
    (mail,) = [m for m in outbox_of(app) if m.to == [invitation.user.email]]
    return " ".join(mail.body.split())


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_new_day_is_told_and_each_meeting_says_where_it_was(app, client, auth, staff,
                                                               booked, lang):
    arena, founder, _investor, meeting = booked
    founder.user.locale = lang
    db.session.commit()
    old_day = arena.date
    new_day = old_day + timedelta(days=7)
    _edit(client, arena, date=str(new_day))
    words = TEXT[lang]
    mail = _mail_to(app, founder)
    assert words["day"].format(new=format_date(new_day, "long", locale=lang),
                               old=format_date(old_day, "long", locale=lang)) in mail
    assert words["with_it"] in mail
    page = _agenda(client, auth, founder)
    assert words["moved"].format(day=format_date(old_day, "long", locale=lang)) in page
    # the calendar moved the event already, as a new revision of it
    ics = icalendar.Calendar.from_ical(client.get(f"/arenas/{arena.id}/agenda.ics").data)
    (event,) = [e for e in ics.walk("VEVENT") if "-f" in str(e["UID"])]
    assert event.decoded("DTSTART").date() == new_day and int(event["SEQUENCE"]) > 1


def test_the_api_gives_the_day_it_was(client, staff, booked):
    arena, founder, _investor, meeting = booked
    old_start = arena.slot_start(1)
    _edit(client, arena, date=str(arena.date + timedelta(days=7)))
    response = client.get(f"/api/v1/arenas/{arena.id}/agenda", headers=bearer(founder.user))
    (item,) = response.get_json()["items"]
    assert item["moved_from"] == {"starts_at": old_start.isoformat(), "table": 0,
                                  "table_number": 1}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_new_start_moves_the_meetings_within_the_day(app, client, auth, staff, booked, lang):
    arena, founder, _investor, _meeting = booked
    founder.user.locale = lang
    db.session.commit()
    _edit(client, arena, start_time="10:00", end_time="13:00")
    assert db.session.get(Arena, arena.id).start_time == time(10, 0)
    assert TEXT[lang]["with_it"] in _mail_to(app, founder)
    assert TEXT[lang]["same_day"] in _agenda(client, auth, founder)


def test_a_new_venue_moves_no_meeting(app, client, auth, staff, booked):
    """A guard: the meetings keep their times, so nothing says they moved."""
    arena, founder, _investor, _meeting = booked
    _edit(client, arena, venue="Drammen bibliotek")
    mail = _mail_to(app, founder)
    assert "Drammen bibliotek" in mail and "moves with it" not in mail
    assert "Moved: was" not in _agenda(client, auth, founder)
