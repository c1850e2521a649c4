"""What was kept of a staff member's times form (a person's arrival, leaving and meeting
cap), shown because its page no longer takes it back (the person was taken off the list
meanwhile), names the slots by their clock times, as the form's own lists do. Before, it
read "Arrives at: 2" and "Leaves at: 5", numbers only the arena turns into times, where
the page's other choice fields read as their labels."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.models import Invitation
from tests.app.form_tokens import token_in
from tests.app.test_kept_forms import _log_in_again, _logged_in, _login_link
from tests.factories import make_arena, make_participant, make_user


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


def _kept_times_of_someone_taken_off(app, locale: str, *, reader=None):
    """Staff sent the times form after timing out; meanwhile the person left the list."""
    arena = make_arena()  # 09:00, slots of 15 minutes, slot 4 a break
    invitation = make_participant(arena, "founder")
    staff = make_user("staff", association="asker", locale=locale)
    client = _logged_in(app, staff)
    path = f"/staff/arenas/{arena.id}/invitations/{invitation.id}/times"
    page = client.get(path).get_data(as_text=True)
    with client.session_transaction() as session:
        session["seen"] = 0  # timed out
    sent = {"csrf_token": token_in(page), "arrive_slot": "2", "leave_slot": "5",
            "meeting_cap": "3"}
    page = client.post(path, data=sent).get_data(as_text=True)
    db.session.delete(db.session.get(Invitation, invitation.id))
    db.session.commit()
    back = _log_in_again(client, staff, _login_link(page))
    return client.get(back)


@pytest.mark.parametrize(("locale", "arrives", "leaves"), [
    ("en", ">Arrives at</label>", ">Leaves at</label>"),
    ("nb", ">Kommer kl.</label>", ">Går kl.</label>")])
def test_the_kept_times_name_the_slots_by_their_clock_times(app, locale, arrives, leaves):
    response = _kept_times_of_someone_taken_off(app, locale)
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert arrives in page and "09:30</textarea>" in page
    assert leaves in page and "10:15</textarea>" in page
    assert "3</textarea>" in page  # the cap is a number as typed
    assert ">2</textarea>" not in page and ">5</textarea>" not in page
