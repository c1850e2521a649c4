"""Contact details through an arena meeting come once the two have met (DESIGN.md: "when
both attend the same arena meeting"): not while the meeting is still to come on their
agendas, days or an hour before, and not after it when staff marked one of them absent."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from app.extensions import db
from app.models.arena import LOCAL_TZ
from app.services.contacts import can_see_contacts
from tests.factories import (
    make_arena,
    make_arena_over,
    make_meeting,
    make_participant,
    make_user,
)

NOTE = "appear here once your meeting has begun"


def _pair(arena, slot: int = 0):
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    founder.user.phone = "+47 916 37 862"
    db.session.commit()
    make_meeting(arena, founder, investor, slot=slot, table=0)
    return founder, investor


def test_a_meeting_still_to_come_shows_no_contacts(client, auth):
    arena = make_arena(status="scheduled")  # 30 days ahead, schedule published
    founder, investor = _pair(arena)
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert founder.user.name in page
    assert founder.user.email not in page and "916 37 862" not in page
    assert NOTE in page
    assert not can_see_contacts(investor.user, founder.user)
    assert not can_see_contacts(founder.user, investor.user)


def test_on_the_day_contacts_come_with_the_meeting_not_before(client, auth):
    # Today in Oslo, the first slot begun an hour ago, the fifth still to come.
    now = datetime.now(LOCAL_TZ)
    start = (now - timedelta(hours=1)).replace(second=0, microsecond=0)
    if start.date() != now.date():  # just after midnight: yesterday's arena serves too
        start = datetime.combine(now.date(), time(0, 0), tzinfo=LOCAL_TZ)
    arena = make_arena(status="scheduled", date=start.date(), start_time=start.time(),
                       end_time=time(23, 59), slot_count=8, breaks=[],
                       rsvp_deadline=datetime.now(UTC) - timedelta(days=2))
    met_f, met_i = _pair(arena, slot=0)
    later_f = make_participant(arena, "founder")
    make_meeting(arena, later_f, met_i, slot=7, table=1)
    assert arena.slot_start(7).astimezone(UTC) > datetime.now(UTC)
    assert can_see_contacts(met_i.user, met_f.user)
    assert can_see_contacts(met_f.user, met_i.user)
    assert not can_see_contacts(met_i.user, later_f.user)
    auth.login(met_i.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert met_f.user.email in page and later_f.user.email not in page
    assert NOTE in page  # one of the two still to come


def test_a_partner_marked_absent_reveals_nothing(client, auth):
    arena = make_arena_over()
    founder, investor = _pair(arena)
    assert can_see_contacts(investor.user, founder.user)
    founder.attended = False
    db.session.commit()
    assert not can_see_contacts(investor.user, founder.user)
    assert not can_see_contacts(founder.user, investor.user)
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert founder.user.name in page and founder.user.email not in page


def test_once_met_no_note(client, auth):
    arena = make_arena_over()
    founder, investor = _pair(arena)
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert founder.user.email in page and NOTE not in page


def test_an_unconfirmed_address_is_not_shown_even_once_met(client, auth):
    """A self-registered partner who has not confirmed their address (anyone could have
    typed it) shows no contact details, until they confirm; an admin still sees them."""
    arena = make_arena_over()
    founder, investor = _pair(arena)
    founder.user.email_confirmed_at = None
    db.session.commit()
    assert not can_see_contacts(investor.user, founder.user)
    assert can_see_contacts(make_user("admin"), founder.user)
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
    assert founder.user.name in page and founder.user.email not in page
    founder.user.email_confirmed_at = datetime.now(UTC)
    db.session.commit()
    assert founder.user.email in client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True)
