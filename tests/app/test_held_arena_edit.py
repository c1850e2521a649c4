"""Once an arena has taken place (Arena.held: its end has passed, though staff have not
marked it done) its edit form no longer changes its date, times, venue or meeting plan: such
an edit called off or moved meetings that had happened (which attendance, feedback and "met
before" read) and told everyone at the arena of changes to a past event, or moved the arena
into the future, undoing every refusal a held arena gives. The title, description, venue and
hosts can still be corrected, and a corrected venue is no news to anyone: it told everyone
the arena had moved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Meeting, Notification
from tests.app.test_arenas_staff import arena_form
from tests.factories import make_arena, make_meeting, make_participant

SAYS = {
    "en": ("The arena has taken place: its date, times and meeting plan can no longer be changed. "
           "The title, description, venue and hosts can still be corrected."),
    "nb": ("Arenaen er gjennomført: dato, tider og møteoppsett kan ikke lenger endres. Tittel, "
           "beskrivelse, sted og arrangører kan fortsatt rettes."),
}


@pytest.fixture
def held():
    """An arena that ended yesterday, never marked done, with a meeting at table 4."""
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date()
    arena = make_arena(date=yesterday, rsvp_deadline=datetime.now(UTC) - timedelta(days=8),
                       status="scheduled", schedule_published_at=datetime.now(UTC),
                       schedule_sequence=1)
    meeting = make_meeting(arena, make_participant(arena, "founder"),
                           make_participant(arena, "investor"), slot=0, table=3)
    return arena, meeting


def _form(arena: Arena, **overrides) -> dict:
    values = {"version": str(arena.version), "date": str(arena.date),
              "rsvp_deadline": arena.rsvp_deadline_utc.strftime("%Y-%m-%dT%H:%M"),
              "slot_count": "8", "breaks": "5", "table_count": "4",
              "founder_capacity": "4", "investor_capacity": "4"}
    values.update(overrides)
    return arena_form(**values)


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("change", [
    {"table_count": "2"},                      # the meeting at table 4 would be called off
    {"slot_minutes": "20"},                    # every meeting would move
    {"end_time": "17:00"},                     # no longer over if it were today
    {"date": str((datetime.now(UTC) + timedelta(days=10)).date())},  # no longer held
])
def test_a_held_arenas_plan_is_not_changed(client, staff, held, lang, change):
    arena, meeting = held
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=_form(arena, **change))
    assert response.status_code == 422
    assert SAYS[lang] in response.get_data(as_text=True)
    db.session.expire_all()
    stored = db.session.get(Arena, arena.id)
    assert (stored.date, stored.table_count, stored.slot_minutes, stored.end_time) == (
        arena.date, 4, 15, arena.end_time)
    assert db.session.get(Meeting, meeting.id).state == "scheduled"
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0


def test_a_held_arenas_record_is_corrected_telling_nobody(client, staff, held):
    arena, meeting = held
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=_form(
        arena, title="Grønn kapital 2026", venue="Asker bibliotek"))
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.get(Arena, arena.id)
    assert (stored.title, stored.venue) == ("Grønn kapital 2026", "Asker bibliotek")
    assert db.session.get(Meeting, meeting.id).state == "scheduled"
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0
