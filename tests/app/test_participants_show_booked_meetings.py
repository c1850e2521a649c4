"""Who comes, once the schedule is published: the card of someone already on one's agenda
says when and at which table, with a link to the agenda's row, instead of offering "Ask to
meet" them again (on the arena's day too, for the person one met at 08:30)."""

from __future__ import annotations

from tests.factories import make_arena, make_meeting, make_participant


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
