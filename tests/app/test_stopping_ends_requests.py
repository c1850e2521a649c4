"""Someone who stops coming to one arena (cancels after a yes, says no after a yes, or is
taken off the list by staff) has their meeting requests there still waiting for an answer
withdrawn, as leaving Koble does (`meeting_requests.withdraw_pending`), and the other side
of each is told, without their name, that the other participant no longer comes. Before,
those requests stayed pending, used up the other side's own requests and nobody was told.

And the participant who cancels reads that their partners are told only when someone is: a
draft schedule's meetings are news to nobody."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.models import MeetingRequest, Notification
from app.services import meeting_requests, notifications, request_pairs
from tests.factories import (
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)

SENTENCES = {
    "nb": "En møteforespørsel på «Grønn arena» er lukket: den andre deltakeren kommer ikke "
          "lenger til arenaen.",
    "en": "A meeting request at “Grønn arena” is closed: the other participant no longer "
          "comes to the arena.",
}


@pytest.fixture
def world(waiting_requests):
    """The founder's requests waiting for an answer at an arena (`waiting_requests`,
    tests/app/conftest.py); and at a second arena their request to the same investor."""
    w = waiting_requests
    elsewhere = make_arena(status="inviting", title="Blå arena")
    make_invitation(elsewhere, w["founder"], "accepted", pitch_id=w["invitation"].pitch_id)
    make_invitation(elsewhere, w["asked"], "accepted")
    db.session.commit()
    meeting_requests.request_meeting(w["founder"], elsewhere.id, w["asked"].id)
    return {**w, "elsewhere": elsewhere}


def _states(arena) -> dict[tuple[int, int], str]:
    db.session.expire_all()
    return {(r.from_user_id, r.to_user_id): r.state for r in db.session.scalars(
        select(MeetingRequest).where(MeetingRequest.arena_id == arena.id))}


def _withdraw(app, client, auth, w):
    auth.login(w["founder"].email)
    assert client.post(f"/arenas/{w['arena'].id}/withdraw").status_code == 302


def _decline(app, client, auth, w):
    auth.login(w["founder"].email)
    client.post(f"/arenas/{w['arena'].id}/answer", data={"answer": "decline"})


def _removed(app, client, auth, w):
    auth.login(make_user("staff", association="asker").email)
    url = f"/staff/arenas/{w['arena'].id}/invitations/{w['invitation'].id}/remove"
    assert client.post(url).status_code == 302


@pytest.mark.parametrize("stop", [_withdraw, _decline, _removed])
def test_stopping_coming_withdraws_the_waiting_requests_there_and_tells_the_other_side(
        app, client, auth, world, stop):
    w = world
    founder, asked, asker = w["founder"], w["asked"], w["asker"]
    mails_before = len(outbox_of(app))
    stop(app, client, auth, w)

    assert _states(w["arena"]) == {
        (founder.id, asked.id): "withdrawn", (asker.id, founder.id): "withdrawn",
        (asked.id, w["other_founder"].id): "pending"}
    assert set(_states(w["elsewhere"]).values()) == {"pending"}  # only that arena's
    for person in (asked, asker):
        (note,) = db.session.scalars(select(Notification).where(
            Notification.user_id == person.id, Notification.kind == "meeting_request_withdrawn"))
        with app.test_request_context(), force_locale(person.locale):
            assert notifications.text(note) == SENTENCES[person.locale]
        assert founder.name not in str(note.params)
        assert [m for m in outbox_of(app)[mails_before:] if person.email in m.to]
    assert not db.session.scalars(select(Notification).where(
        Notification.user_id == w["other_founder"].id,
        Notification.kind == "meeting_request_withdrawn")).all()
    # the asker's request no longer counts against them
    assert request_pairs.outgoing_count(w["arena"].id, asker.id) == 0


@pytest.mark.parametrize("locale, said, not_said", [
    ("en", "You have cancelled your participation.", "are told"),
    ("nb", "Du har meldt deg av.", "får beskjed"),
])
def test_cancelling_with_a_draft_schedule_does_not_say_anyone_is_told(
        app, client, auth, locale, said, not_said):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    me = make_participant(arena, "founder")
    me.user.locale = locale
    partner = make_participant(arena, "investor")
    make_meeting(arena, me, partner, published=False)
    db.session.commit()
    auth.login(me.user.email)
    response = client.post(f"/arenas/{arena.id}/withdraw")
    page = client.get(response.location).get_data(as_text=True)
    assert said in page and not_said not in page
    assert not db.session.scalars(select(Notification).where(
        Notification.user_id == partner.user_id)).all()


def test_cancelling_with_a_published_schedule_says_the_partners_are_told(app, client, auth):
    arena = make_arena(status="scheduled", schedule_sequence=1)
    me = make_participant(arena, "founder")
    me.user.locale = "en"
    make_meeting(arena, me, make_participant(arena, "investor"))
    db.session.commit()
    auth.login(me.user.email)
    page = client.get(client.post(f"/arenas/{arena.id}/withdraw").location).get_data(
        as_text=True)
    assert ("You have cancelled your participation. The people you were to meet are told "
            "that your meetings are called off.") in page
