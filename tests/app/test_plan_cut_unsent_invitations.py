"""A smaller meeting plan cuts the times staff saved for someone on the proposal or the
waiting list as well, but tells only people whose invitation was sent: the others were never
told of the arena, and a 'times_fitted' notice (and its e-mail) named it to them, with
'the times you gave' they never gave."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Invitation, Notification
from tests.app.test_arena_edit_after_schedule import _form
from tests.factories import make_arena, make_participant, outbox_of


@pytest.mark.parametrize("state", ["proposed", "waiting_list"])
def test_an_unsent_invitation_s_times_are_cut_but_its_person_not_told(app, client, staff,
                                                                      state):
    arena = make_arena()
    unsent = make_participant(arena, "founder", state=state, invited_at=None, arrive_slot=6)
    told = make_participant(arena, "investor", arrive_slot=6)
    response = client.post(f"/staff/arenas/{arena.id}/edit",
                           data=_form(arena, slot_count="3", breaks=""))
    assert response.status_code == 302

    db.session.expire_all()
    assert db.session.get(Invitation, unsent.id).arrive_slot is None  # fitted all the same
    assert not db.session.query(Notification).filter_by(user_id=unsent.user_id).all()
    assert not [m for m in outbox_of(app) if unsent.user.email in m.to]
    assert [n.kind for n in db.session.query(Notification).filter_by(
        user_id=told.user_id)] == ["times_fitted"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "1 person&#39;s arrive and leave times no longer fitted" in page
