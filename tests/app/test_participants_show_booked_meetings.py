"""Who comes, once the schedule is published: the card of someone already on one's agenda
says when and at which table, with a link to the agenda's row, instead of offering "Ask to
meet" them again (on the arena's day too, for the person one met at 08:30)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.extensions import db
from app.services import participants
from tests.factories import (
    make_arena,
    make_arena_over,
    make_meeting,
    make_participant,
    make_score,
)


def _room(published: bool = True):
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    booked, free = make_participant(arena, "investor"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, booked, slot=2, table=1, published=published)
    return arena, founder, booked, free, meeting


def _card(page: str, user_id: int) -> str:
    card = page[page.index(f'id="person-{user_id}"'):]
    return card[:card.index("</li>")]


def test_the_card_of_someone_on_the_agenda_says_when(client, auth):
    arena, founder, booked, free, meeting = _room()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    card = _card(page, booked.user_id)
    assert "On your agenda: 09:30–09:45, table 2." in card
    assert f'href="/arenas/{arena.id}/agenda#meeting-{meeting.id}"' in card
    assert f"Ask to meet {booked.user.name}" not in card
    assert f"Ask to meet {free.user.name}" in _card(page, free.user_id)


def test_a_draft_says_nothing(client, auth):
    arena, founder, booked, _free, _meeting = _room(published=False)
    auth.login(founder.user.email)
    card = _card(client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True),
                 booked.user_id)
    assert "On your agenda" not in card and f"Ask to meet {booked.user.name}" in card


def _met_room(**arena_fields):
    """An arena held yesterday where the founder met `met` at 09:15, table 2 (pairs that met
    are no longer scored: "met before"), and did not meet `other`."""
    arena = make_arena_over(**arena_fields)
    founder = make_participant(arena, "founder")
    met, other = make_participant(arena, "investor"), make_participant(arena, "investor")
    meeting = make_meeting(arena, founder, met, slot=1, table=1)
    return arena, founder, met, other, meeting


def test_the_card_of_someone_met_says_where_not_what_koble_suggests(client, auth):
    """After the arena, the card of the investor met there read "Koble has not suggested the
    two of you to each other": it says they met, when and at which table."""
    arena, founder, met, other, meeting = _met_room()
    make_score(founder, met, 0.8)
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    card = _card(page, met.user_id)
    assert "You met at 09:15, table 2." in card
    assert f'href="/arenas/{arena.id}/agenda#meeting-{meeting.id}"' in card
    assert "Koble has not suggested" not in card and "Match:" not in card
    assert "Koble has not suggested the two of you to each other." in _card(page,
                                                                           other.user_id)


def test_it_is_said_in_norwegian_too(client, auth):
    arena, founder, met, _other, _meeting = _met_room()
    founder.user.locale = "nb"
    db.session.commit()
    auth.login(founder.user.email)
    card = _card(client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True),
                 met.user_id)
    assert "Dere møttes kl. 09:15, bord 2." in card
    assert "Koble har ikke foreslått" not in card


def test_a_meeting_with_someone_marked_absent_was_not_met(client, auth):
    arena, founder, met, _other, _meeting = _met_room()
    met.attended = False
    db.session.commit()
    auth.login(founder.user.email)
    card = _card(client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True),
                 met.user_id)
    assert "You met" not in card and "On your agenda" not in card


def test_on_the_day_a_meeting_is_met_once_it_has_ended(app):
    """Until its end, the card still says "On your agenda" (a guard: 6d53165's line)."""
    arena, founder, met, _other, _meeting = _met_room(
        date=(datetime.now(UTC) + timedelta(days=1)).date())
    meeting = participants.booked_meetings(founder)[met.user_id]
    end = meeting[2].astimezone(UTC)
    assert not participants._met(founder, met, meeting, end - timedelta(minutes=1))
    assert participants._met(founder, met, meeting, end)


def test_asking_to_meet_someone_already_on_the_agenda_is_refused(client, auth):
    """The card offers no "Ask to meet" then; a request sent anyway (an old page, a second
    tab) was taken and told the investor "… would like to meet you" about a meeting they
    already had. It is refused, in the asker's language, and tells nobody."""
    from sqlalchemy import func, select

    from app.models import MeetingRequest, Notification

    arena, founder, booked, free, _meeting = _room()
    founder.user.locale = "nb"
    db.session.commit()
    auth.login(founder.user.email)
    told = db.session.scalar(select(func.count()).select_from(Notification))
    client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": booked.user_id})
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert f"{booked.user.name} står allerede på agendaen din på denne arenaen." in page
    assert db.session.scalar(select(func.count()).select_from(MeetingRequest)) == 0
    assert db.session.scalar(select(func.count()).select_from(Notification)) == told
    client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": free.user_id})
    assert db.session.scalar(select(func.count()).select_from(MeetingRequest)) == 1
