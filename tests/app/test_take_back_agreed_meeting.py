"""A meeting both sides agreed to ("You both want to meet.") can be taken back by either of
the two until the schedule is published: the pair counts for nothing, a draft's meeting of the
two is called off, and the other person is told in their language. Once published, it is
called off as any published meeting is; bad or late input changes nothing."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from app.extensions import db
from app.models import Meeting, MeetingRequest, Notification
from app.models.user import utcnow
from app.services import mail_preferences, notices, notifications
from app.services.request_pairs import WITHDRAWN, pair_states
from tests.factories import make_arena, make_meeting, make_participant

BUTTON = {"en": "Take back the meeting", "nb": "Trekk tilbake møtet"}
DONE = {"en": "The agreed meeting is taken back.", "nb": "Det avtalte møtet er trukket tilbake."}
TOLD = {"en": "{who} has taken back the meeting you had both agreed to at “{arena}”: it is no "
              "longer agreed. You can ask for it again on the list of who comes.",
        "nb": "{who} har trukket tilbake møtet dere begge hadde sagt ja til på «{arena}»: det er "
              "ikke lenger avtalt. Du kan be om det igjen på listen over hvem som kommer."}


@pytest.fixture
def arena(app):
    return make_arena()


def _agree(client, auth, arena, asker, asked) -> MeetingRequest:
    """`asker` asks, `asked` accepts; `asked` stays logged in."""
    auth.login(asker.user.email)
    client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": asked.user_id})
    auth.logout()
    req = db.session.query(MeetingRequest).filter_by(from_user_id=asker.user_id).one()
    auth.login(asked.user.email)
    client.post(f"/arenas/{arena.id}/requests/{req.id}/answer",
                data={"answer": "accept", "person": asker.user_id})
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == "accepted"
    return req


def _take_back(client, arena, req, person):
    return client.post(f"/arenas/{arena.id}/requests/{req.id}/take-back-agreed",
                       data={"person": person.user_id})


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_one_who_accepted_takes_the_meeting_back_and_the_asker_is_told(client, auth, arena,
                                                                           lang):
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    founder.user.locale = investor.user.locale = lang
    db.session.commit()
    req = _agree(client, auth, arena, founder, investor)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert f'action="/arenas/{arena.id}/requests/{req.id}/take-back-agreed"' in page
    assert f">{BUTTON[lang]}</button>" in page
    response = _take_back(client, arena, req, founder)
    assert response.status_code == 302
    assert response.location.endswith(f"/arenas/{arena.id}/participants#person-"
                                      f"{founder.user_id}")
    page = client.get(response.location).get_data(as_text=True)
    assert DONE[lang] in page
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == WITHDRAWN
    assert pair_states(arena.id) == {}
    note = db.session.query(Notification).filter_by(
        user_id=founder.user_id, kind="meeting_agreement_withdrawn").one()
    with force_locale(lang):
        assert notifications.text(note) == TOLD[lang].format(who=investor.user.name,
                                                             arena=arena.title)
        assert investor.user.name in notices.subject_of(note)
    assert note.link == f"/arenas/{arena.id}/participants#person-{investor.user_id}"
    assert mail_preferences.group_of("meeting_agreement_withdrawn") == "arenas"


def test_the_asker_may_take_it_back_too_and_a_draft_meeting_goes(client, auth, arena):
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    req = _agree(client, auth, arena, founder, investor)
    meeting = make_meeting(arena, founder, investor, published=False)
    auth.logout()
    auth.login(founder.user.email)
    assert _take_back(client, arena, req, investor).status_code == 302
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == WITHDRAWN
    assert db.session.get(Meeting, meeting.id).state == "cancelled"
    assert db.session.query(Notification).filter_by(
        user_id=investor.user_id, kind="meeting_agreement_withdrawn").count() == 1


def test_after_publication_nothing_is_taken_back(client, auth, arena):
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    req = _agree(client, auth, arena, founder, investor)
    meeting = make_meeting(arena, founder, investor)  # published
    arena.schedule_published_at = arena.schedule_published_at or utcnow()
    arena.status = "scheduled"
    db.session.commit()
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert "take-back-agreed" not in page
    response = _take_back(client, arena, req, founder)
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert "is published, so an agreed meeting can no longer be taken back here" in page
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == "accepted"
    assert db.session.get(Meeting, meeting.id).state == "scheduled"
    assert not db.session.query(Notification).filter_by(
        kind="meeting_agreement_withdrawn").count()


def test_a_stranger_or_an_unagreed_request_changes_nothing(client, auth, arena):
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    outsider = make_participant(arena, "investor")
    req = _agree(client, auth, arena, founder, investor)
    auth.logout()
    auth.login(outsider.user.email)
    assert _take_back(client, arena, req, founder).status_code == 404
    # a request still waiting is taken back with "Take back the request", not here
    client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": founder.user_id})
    waiting = db.session.query(MeetingRequest).filter_by(from_user_id=outsider.user_id).one()
    response = _take_back(client, arena, waiting, founder)
    page = client.get(response.location).get_data(as_text=True)
    assert "have not both agreed to meet" in page
    db.session.expire_all()
    assert db.session.get(MeetingRequest, req.id).state == "accepted"
    assert db.session.get(MeetingRequest, waiting.id).state == "pending"
