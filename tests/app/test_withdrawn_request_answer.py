"""A meeting request withdrawn because the asker stopped coming or left Koble cannot be
answered: accepting it from a page opened before (or a hand-made POST) made it 'accepted'
again, a mutual pair with someone who no longer comes, and told the asker, by name of who
accepted, about a request Koble had said was closed. The answer is refused with the
notice's own sentence, and nothing changes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Invitation, MeetingRequest, Notification
from app.services import account_access, meeting_requests
from tests.factories import make_arena, make_participant


@pytest.fixture
def world():
    arena = make_arena(status="inviting", title="Grønn arena")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    investor.user.locale = "en"
    db.session.commit()
    req = meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    return arena, founder.user, investor.user, req.id


def _stopped_coming(client, auth, founder, arena):
    auth.login(founder.email)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code == 302
    auth.logout()
    return "the other participant no longer comes to the arena."


def _left_koble(client, auth, founder, arena):
    account_access.set_active(founder, False)
    return "the other participant is no longer on Koble."


@pytest.mark.parametrize("stop", [_stopped_coming, _left_koble])
@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_a_withdrawn_request_cannot_be_answered(app, client, auth, world, stop, answer):
    arena, founder, investor, request_id = world
    why = stop(client, auth, founder, arena)
    assert db.session.get(MeetingRequest, request_id).state == "withdrawn"

    auth.login(investor.email)
    response = client.post(f"/arenas/{arena.id}/requests/{request_id}/answer",
                           data={"answer": answer})

    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert f"A meeting request at “Grønn arena” is closed: {why}" in page
    db.session.expire_all()
    assert db.session.get(MeetingRequest, request_id).state == "withdrawn"
    assert not db.session.scalars(select(Notification).where(
        Notification.user_id == founder.id,
        Notification.kind.in_(("meeting_request_accepted", "meeting_request_declined")))).all()


def test_one_who_stopped_coming_and_is_back_cannot_answer_the_request_closed_then(
        app, client, auth, world):
    """The request was closed because the one asked stopped coming: the asker still comes,
    so the sentence 'the other participant no longer comes' would be wrong."""
    arena, founder, investor, request_id = world
    auth.login(investor.email)
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code == 302
    mine = db.session.scalar(select(Invitation).where(Invitation.arena_id == arena.id,
                                                      Invitation.user_id == investor.id))
    mine.state = "accepted"  # staff took them back
    db.session.commit()

    response = client.post(f"/arenas/{arena.id}/requests/{request_id}/answer",
                           data={"answer": "accept"})

    page = client.get(response.location).get_data(as_text=True)
    assert "No such meeting request." in page and "no longer comes" not in page
    db.session.expire_all()
    assert db.session.get(MeetingRequest, request_id).state == "withdrawn"
