"""A meeting request still waiting for an answer can be taken back by the one who asked: a
click on "Ask to meet" by mistake used one of the few requests for good, with no way back.
It then counts for nothing, the person can be asked again, and the one asked learns that it is
closed; an answered request, someone else's, or one at an arena over stays as it is."""

from __future__ import annotations

import re

import pytest
from flask_babel import force_locale

from app.extensions import db
from app.models import MeetingRequest, Notification
from app.services import notifications
from app.services.request_pairs import WITHDRAWN, outgoing_count
from tests.factories import make_arena, make_participant

BUTTON = {"en": "Take back the request", "nb": "Trekk tilbake forespørselen"}
DONE = {"en": "Your meeting request is taken back.", "nb": "Møteforespørselen din er trukket "
        "tilbake."}
CLOSED = {"en": "A meeting request at “{arena}” is closed: the participant who asked took it "
                "back.",
          "nb": "En møteforespørsel på «{arena}» er lukket: deltakeren som spurte, trakk den "
                "tilbake."}


@pytest.fixture
def arena(app):
    return make_arena()


def _ask(client, auth, arena, me, other) -> MeetingRequest:
    auth.login(me.user.email)
    client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": other.user_id})
    return db.session.query(MeetingRequest).filter_by(from_user_id=me.user_id,
                                                      to_user_id=other.user_id).one()


def _take_back(client, arena, req, person):
    return client.post(f"/arenas/{arena.id}/requests/{req.id}/take-back",
                       data={"person": person.user_id})


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_asker_takes_back_a_waiting_request_and_may_ask_again(client, auth, arena, lang):
    me, other = make_participant(arena, "investor"), make_participant(arena, "founder")
    me.user.locale = other.user.locale = lang
    db.session.commit()
    req = _ask(client, auth, arena, me, other)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert f'action="/arenas/{arena.id}/requests/{req.id}/take-back"' in page
    assert f">{BUTTON[lang]}</button>" in page
    response = _take_back(client, arena, req, other)
    assert response.status_code == 302
    assert response.location.endswith(f"/arenas/{arena.id}/participants#person-"
                                      f"{other.user_id}")
    page = client.get(response.location).get_data(as_text=True)
    assert DONE[lang] in page
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == WITHDRAWN
    assert outgoing_count(arena.id, me.user_id) == 0
    assert re.search(rf'name="to_user_id" value="{other.user_id}"', page)  # Ask again
    note = db.session.query(Notification).filter_by(
        user_id=other.user_id, kind="meeting_request_withdrawn").one()
    with force_locale(lang):
        assert notifications.text(note) == CLOSED[lang].format(arena=arena.title)
    assert note.link == f"/arenas/{arena.id}/participants#person-{me.user_id}"
    again = _ask(client, auth, arena, me, other)
    assert again.state == "pending"


def test_an_answered_request_cannot_be_taken_back(client, auth, arena):
    me, other = make_participant(arena, "investor"), make_participant(arena, "founder")
    req = _ask(client, auth, arena, me, other)
    auth.logout()
    auth.login(other.user.email)
    client.post(f"/arenas/{arena.id}/requests/{req.id}/answer", data={"answer": "decline"})
    auth.logout()
    auth.login(me.user.email)
    response = _take_back(client, arena, req, other)
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == "declined"
    page = client.get(response.location).get_data(as_text=True)
    assert "has answered already, so the request can no longer be taken back." in page


def test_only_the_asker_can_take_a_request_back(client, auth, arena):
    me, other = make_participant(arena, "investor"), make_participant(arena, "founder")
    req = _ask(client, auth, arena, me, other)
    auth.logout()
    auth.login(other.user.email)  # the one asked: theirs is to answer, not to take back
    assert _take_back(client, arena, req, me).status_code == 404
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert "/take-back" not in page
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == "pending"
