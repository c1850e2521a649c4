"""A participant who cancels on the agenda before the answer deadline can say yes again until
then, as the arena page promises ("You can change your answer until the deadline."). The
agenda's "I can no longer come: cancel my participation" cancelled for good: the invitation
ended "cancelled", which takes no answer, so the arena page showed "Your answer: Cancelled"
and no Yes button weeks before the deadline. While answers are open it now sends the arena
page's No; after the deadline it still cancels."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models import Invitation
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_participant


def _cancel_form(html: str) -> str:
    """The agenda's cancel form, from its opening tag to its end."""
    at = html.index('id="cancel-participation"')
    return html[html.rindex("<form", 0, at):html.index("</form>", at)]


def _state(invitation_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Invitation, invitation_id).state


@pytest.mark.parametrize("locale", ["en", "nb"])
def test_cancelling_before_the_deadline_can_be_taken_back(client, locale):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    founder.user.locale = locale
    db.session.commit()
    log_in(client, founder.user)

    form = _cancel_form(client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True))
    assert f'action="/arenas/{arena.id}/answer"' in form
    assert 'name="answer" value="decline"' in form
    response = client.post(f"/arenas/{arena.id}/answer", data={"answer": "decline"})
    assert response.status_code == 302 and _state(founder.id) == "declined"

    page = client.get(response.location).get_data(as_text=True)
    assert 'name="answer" value="accept"' in page  # the Yes button is there again
    client.post(f"/arenas/{arena.id}/answer", data={"answer": "accept"})
    assert _state(founder.id) == "accepted"


def test_after_the_deadline_the_cancel_is_final(client):
    """Guard: once answers are closed the agenda's cancel is the participation's end
    (meeting_changes.withdraw), as before."""
    arena = make_arena(status="scheduled", rsvp_deadline=datetime.now(UTC) - timedelta(days=1))
    founder = make_participant(arena, "founder")
    log_in(client, founder.user)

    form = _cancel_form(client.get(f"/arenas/{arena.id}/agenda").get_data(as_text=True))
    assert f'action="/arenas/{arena.id}/withdraw"' in form and 'name="answer"' not in form
    client.post(f"/arenas/{arena.id}/withdraw")
    assert _state(founder.id) == "cancelled"
