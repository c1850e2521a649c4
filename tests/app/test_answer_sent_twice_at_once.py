"""The same pair answered twice at once (a double tap on "Save", two tabs, a retried API
call): on the walk, three simultaneous "Save" posts for one pitch answered 303, 500, 500,
the unique pair refusing the second row the others had read as missing. The copy that
loses the race now finds the first one's row and updates it; "Ask to meet" likewise, and
a second "Create account" is told the address has an account."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.extensions import db
from app.models import Interest, MeetingRequest, Notification, User
from app.services import accounts, interest, meeting_requests
from tests.app.api.helpers import bearer
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_participant, make_user


@pytest.fixture
def lost_race(monkeypatch):
    """The other request's row is committed, but this request read the pair before it was:
    its first look for its own answer finds none."""
    real = interest.current_mark
    looked = []

    def first_look_misses(side, pitch_id, investor_id):
        looked.append(side)
        return None if len(looked) == 1 else real(side, pitch_id, investor_id)

    monkeypatch.setattr(interest, "current_mark", first_look_misses)
    return looked


def _row(market, kind: str) -> None:
    investor, pitch = market["solar_investor"], market["solar"]
    db.session.add(Interest(user_id=investor.user_id, pitch_id=pitch.id,
                            investor_profile_id=investor.id, side="investor", kind=kind))
    db.session.commit()


def _answers(market) -> list[tuple[str, str]]:
    db.session.expire_all()
    return [(i.side, i.kind) for i in db.session.scalars(select(Interest))]


def test_the_second_of_two_saves_at_once_is_no_error(client, market, lost_race):
    investor, pitch = market["solar_investor"], market["solar"]
    _row(market, "saved")
    log_in(client, investor.user)
    response = client.post(f"/matches/{pitch.id}/{investor.id}/mark/saved?next=/matches")
    assert response.status_code == 303
    assert lost_race  # the race was run
    assert _answers(market) == [("investor", "saved")]


def test_interest_sent_twice_at_once_tells_the_founder_once(client, market, lost_race):
    investor, pitch = market["solar_investor"], market["solar"]
    log_in(client, investor.user)
    # the first request, whole: its row and the founder's notice
    interest.mark(investor.user, pitch.id, investor.id, "interested")
    lost_race.clear()
    response = client.post(f"/matches/{pitch.id}/{investor.id}/mark/interested?next=/matches")
    assert response.status_code == 303
    assert _answers(market) == [("investor", "interested")]
    notes = db.session.scalars(select(Notification).where(
        Notification.user_id == pitch.owner_id)).all()
    assert len(notes) == 1



def test_an_answer_racing_an_undo_in_another_tab_is_kept(client, market, monkeypatch):
    """Undo in one tab and "Interested" in another at once: the answer's update matched no
    row (StaleDataError, a 500). It is answered again, as the pair now stands."""
    investor, pitch = market["solar_investor"], market["solar"]
    _row(market, "saved")
    real = interest.current_mark
    undone = []

    def undone_meanwhile(side, pitch_id, investor_id):
        row = real(side, pitch_id, investor_id)
        if row is not None and not undone:  # the other tab's Undo, past the ORM's view
            undone.append(row.id)
            db.session.execute(text("DELETE FROM interest WHERE id = :id"), {"id": row.id})
        return row

    monkeypatch.setattr(interest, "current_mark", undone_meanwhile)
    log_in(client, investor.user)
    response = client.post(f"/matches/{pitch.id}/{investor.id}/mark/interested?next=/matches")
    assert response.status_code == 303
    assert undone
    assert _answers(market) == [("investor", "interested")]

def test_the_api_answers_a_lost_race_as_the_first(client, market, lost_race):
    investor, pitch = market["solar_investor"], market["solar"]
    _row(market, "saved")
    response = client.put("/api/v1/interests", json={"pitch_id": pitch.id, "kind": "saved"},
                          headers=bearer(investor.user, scope="read-write"))
    assert response.status_code == 200
    assert response.get_json()["kind"] == "saved"
    assert _answers(market) == [("investor", "saved")]


def test_a_meeting_request_sent_twice_at_once_is_one_request(client, auth, monkeypatch):
    """The same race for "Ask to meet": the copy that loses finds the first one's request,
    as a second click after the first does, and tells nobody again."""
    arena = make_arena(status="inviting")
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    db.session.commit()
    real_check = meeting_requests._check_room
    raced = []

    def other_copy_first(me, other):
        if not raced:  # the other copy inserts and commits between this one's look and insert
            raced.append(True)
            db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=founder.user_id,
                                          to_user_id=investor.user_id))
            db.session.commit()
        return real_check(me, other)

    monkeypatch.setattr(meeting_requests, "_check_room", other_copy_first)
    auth.login(founder.user.email)
    response = client.post(f"/arenas/{arena.id}/requests",
                           data={"to_user_id": investor.user_id})
    assert response.status_code == 302
    assert raced
    db.session.expire_all()
    rows = db.session.scalars(select(MeetingRequest)).all()
    assert [(r.from_user_id, r.to_user_id, r.state) for r in rows] == [
        (founder.user_id, investor.user_id, "pending")]
    # the first copy told the investor; this one does not tell them again
    assert db.session.scalars(select(Notification).where(
        Notification.user_id == investor.user_id)).all() == []


def test_create_account_clicked_twice_at_once_offers_the_login(client, monkeypatch):
    """The same race for "Create account": the copy that loses is told the address has an
    account (with the login beside it), not a 500."""
    form = {"role": "investor", "name": "Race Twin", "email": "race.twin@example.com",
            "municipality": "asker", "association": "", "password": "a long walk on the fjord",
            "confirm": "a long walk on the fjord"}
    client.post("/language", data={"lang": "en"})
    other_copy = make_user("investor", email="race.twin@example.com")
    # this copy checked the address before the other copy's account was committed
    monkeypatch.setattr(accounts, "check_new_account", lambda email, name: None)
    response = client.post("/auth/register", data=form)
    assert response.status_code == 422
    assert "An account with this e-mail already exists." in response.get_data(as_text=True)
    db.session.expire_all()
    assert [u.id for u in db.session.scalars(
        select(User).where(User.email == "race.twin@example.com"))] == [other_copy.id]
