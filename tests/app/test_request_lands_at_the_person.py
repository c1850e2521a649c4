"""Asking someone for a meeting, or answering their request, comes back to that person's
card on "Who comes" (#person-12), which now says what changed, as an answer on a match card
comes back to the card: it came back to the top of the list, and a keyboard or screen-reader
user had to find their place again among everyone coming. The answer form sends the asker's
id for it; the button on the card is found there and said so by its name."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import MeetingRequest
from tests.factories import make_arena, make_participant


@pytest.fixture
def room(app):
    arena = make_arena(investor_capacity=6)
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(3)]
    return arena, founder, investors


def test_a_request_comes_back_to_the_persons_card(client, auth, room):
    arena, founder, investors = room
    auth.login(founder.user.email)
    asked = investors[1].user_id

    response = client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": asked})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/arenas/{arena.id}/participants#person-{asked}")
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert f'id="person-{asked}"' in page


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_an_answer_comes_back_to_the_askers_card(client, auth, room, answer):
    arena, founder, investors = room
    asker = investors[2]
    db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=asker.user_id,
                                  to_user_id=founder.user_id, state="pending"))
    db.session.commit()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    form = re.search(r'<form method="post" action="([^"]+/answer)"[^>]*>(.*?)</form>', page, re.S)
    assert f'name="person" value="{asker.user_id}"' in form.group(2)

    response = client.post(form.group(1), data={"answer": answer, "person": asker.user_id})

    assert response.status_code == 302
    assert response.headers["Location"].endswith(
        f"/arenas/{arena.id}/participants#person-{asker.user_id}")


def test_an_answer_without_a_person_comes_back_to_the_top(client, auth, room):
    arena, founder, investors = room
    db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=investors[0].user_id,
                                  to_user_id=founder.user_id, state="pending"))
    db.session.commit()
    request_id = db.session.query(MeetingRequest.id).scalar()
    auth.login(founder.user.email)

    response = client.post(f"/arenas/{arena.id}/requests/{request_id}/answer",
                           data={"answer": "accept", "person": "x"})

    assert response.headers["Location"].endswith(f"/arenas/{arena.id}/participants")
