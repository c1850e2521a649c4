"""A meeting request sent twice (the button clicked twice, the second arriving after the
first is saved) is one request, and the page says once that it is sent. Before, the second
was refused "You have already asked for, or answered, a meeting with …", so the page read
both "sent" and that refusal, and the person could not tell whether their request went."""

from __future__ import annotations

from sqlalchemy import func, select

from app.extensions import db
from app.models import MeetingRequest
from tests.factories import make_arena, make_participant


def test_a_request_sent_twice_is_one_request_said_sent_once(client, auth, app):
    arena = make_arena(investor_capacity=6)
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    founder.user.locale = "en"
    db.session.commit()
    auth.login(founder.user.email)

    for _click in range(2):
        response = client.post(f"/arenas/{arena.id}/requests",
                               data={"to_user_id": investor.user_id})
        assert response.status_code == 302
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)

    assert page.count("Your meeting request is sent.") == 1
    assert "You have already asked" not in page
    assert db.session.scalar(select(func.count()).select_from(MeetingRequest)) == 1


def test_asking_again_once_answered_is_still_refused(client, auth, app):
    """Guard: a request the other person has answered is not asked again."""
    arena = make_arena(investor_capacity=6)
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    founder.user.locale = "en"
    db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=founder.user_id,
                                  to_user_id=investor.user_id, state="declined"))
    db.session.commit()
    auth.login(founder.user.email)

    client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": investor.user_id})
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)

    assert "You have already asked for, or answered, a meeting with" in page
    assert "Your meeting request is sent." not in page
