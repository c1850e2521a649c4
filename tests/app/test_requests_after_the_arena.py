"""An arena that is over takes no meeting requests and no answers, marked done or not.
Before, only the status was read: an arena whose end had passed but which staff had not yet
marked done still took new requests and answers (and told the other side), and a request
nobody answered read "waiting for an answer", with Accept and Decline, for ever. Now the
end is read at each request (Arena.held, no job closes anything): asking and answering are
refused with one sentence, and a request still waiting reads as not answered before the
arena took place."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import MeetingRequest, Notification
from app.models.arena import LOCAL_TZ
from app.services import meeting_requests
from app.services.errors import DomainError
from tests.factories import make_arena, make_arena_over, make_meeting, make_participant

OVER = "“Grønn arena” is over: meeting requests can no longer be made or answered."
OVER_NB = "«Grønn arena» er over: møteforespørsler kan ikke lenger sendes eller besvares."


@pytest.fixture
def world():
    """A scheduled arena where a founder asked an investor, and a second investor nobody
    asked; then the arena's end passed without staff marking it done."""
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    other = make_participant(arena, "investor")
    req = meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    arena.date = (datetime.now(UTC) - timedelta(days=1)).date()
    db.session.commit()
    assert arena.status == "scheduled" and arena.held
    return arena, founder.user, investor.user, other.user, req.id


def _state(request_id: int) -> str:
    db.session.expire_all()
    return db.session.get(MeetingRequest, request_id).state


def test_no_new_request_at_an_arena_that_is_over(client, auth, world):
    arena, founder, _investor, other, _req = world
    auth.login(founder.email)
    response = client.post(f"/arenas/{arena.id}/requests", data={"to_user_id": other.id})
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert page.count(OVER) == 1  # the page's note; the refusal is not flashed again
    assert f"Ask to meet {other.name}" not in page
    assert db.session.scalar(select(MeetingRequest).where(
        MeetingRequest.to_user_id == other.id)) is None
    with pytest.raises(DomainError, match="is over"):
        meeting_requests.request_meeting(founder, arena.id, other.id)


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_no_answer_at_an_arena_that_is_over(client, auth, world, answer):
    arena, founder, investor, _other, request_id = world
    auth.login(investor.email)
    client.post("/language", data={"lang": "nb"})
    response = client.post(f"/arenas/{arena.id}/requests/{request_id}/answer",
                           data={"answer": answer})
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert page.count(OVER_NB) == 1
    assert _state(request_id) == "pending"
    assert not db.session.scalars(select(Notification).where(
        Notification.user_id == founder.id,
        Notification.kind.in_(("meeting_request_accepted", "meeting_request_declined")))).all()
    # asking back, which accepts a request, is refused alike
    with pytest.raises(DomainError, match="is over"):
        meeting_requests.request_meeting(investor, arena.id, founder.id)
    assert _state(request_id) == "pending"


def test_a_request_nobody_answered_reads_as_unanswered_not_waiting(client, auth, world):
    arena, founder, investor, _other, request_id = world
    auth.login(investor.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert (f"{founder.name} asked to meet you; the request was not answered before the "
            "arena took place.") in page
    assert f"/requests/{request_id}/answer" not in page and 'name="answer"' not in page
    assert OVER in page
    auth.logout()
    auth.login(founder.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert (f"You asked to meet {investor.name}; the request was not answered before the "
            "arena took place.") in page
    assert "waiting for an answer" not in page
    # read, not rewritten: the stored request is still the one-sided one the schedule used
    assert _state(request_id) == "pending"


@pytest.mark.parametrize(("locale", "words"), [
    ("en", {"met": "You met 1 person at this arena.",
            "incoming": "{asker} asked to meet you; the request was not answered before the "
                        "arena took place.",
            "outgoing": "You asked to meet {asked}; the request was not answered before the "
                        "arena took place.",
            "quota": ("You asked for", "You have asked for", "of at most")}),
    ("nb", {"met": "Du møtte 1 person på denne arenaen.",
            "incoming": "{asker} ba om å få møte deg; forespørselen ble ikke besvart før "
                        "arenaen fant sted.",
            "outgoing": "Du ba om å få møte {asked}; forespørselen ble ikke besvart før "
                        "arenaen fant sted.",
            "quota": ("Du ba om 1", "Du har bedt om", "av høyst")}),
])
def test_an_arena_over_tells_who_one_met_not_the_request_quota(client, auth, locale, words):
    """Who comes at an arena that is over said "You asked for 1 of at most 6 meetings.",
    a count of what one could ask for, which means nothing once the arena is over: it now
    says how many of these people one met there, as their cards say "You met at …". A
    request nobody answered reads as not answered before the arena took place."""
    arena = make_arena(status="scheduled", meeting_cap=6)
    founder = make_participant(arena, "founder")
    asked, asker = make_participant(arena, "investor"), make_participant(arena, "investor")
    met = make_participant(arena, "investor")
    founder.user.locale = locale
    meeting_requests.request_meeting(founder.user, arena.id, asked.user_id)
    meeting_requests.request_meeting(asker.user, arena.id, founder.user_id)
    make_meeting(arena, founder, met)
    arena.date = (datetime.now(UTC) - timedelta(days=1)).date()
    db.session.commit()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert words["met"] in page
    assert not [w for w in words["quota"] if w in page]
    assert words["incoming"].format(asker=asker.user.name) in page
    assert words["outgoing"].format(asked=asked.user.name) in page


def test_an_arena_over_where_one_met_nobody_leaves_the_count_out(client, auth):
    """Nobody met (no meeting, or staff marked one absent): no count, and no quota either."""
    arena = make_arena_over()
    founder = make_participant(arena, "founder", attended=False)
    make_meeting(arena, founder, make_participant(arena, "investor"))
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert "You met at" not in page
    assert 'id="met-count"' not in page and 'id="request-quota"' not in page


def test_an_arena_later_today_still_takes_requests(client, auth):
    """Only the end closes an arena: one that has not started yet takes requests."""
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    # An arena's date and times are Oslo's clock: two hours from now there. Two hours of
    # UTC's clock read as Oslo's were no later than now in summer (UTC+2), and it was over.
    soon = (datetime.now(UTC) + timedelta(hours=2)).astimezone(LOCAL_TZ)
    arena.date, arena.start_time, arena.end_time = soon.date(), soon.time(), soon.time()
    db.session.commit()
    assert meeting_requests.open_for_requests(arena)
    meeting_requests.request_meeting(founder.user, arena.id, investor.user_id)
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert 'name="answer"' in page and "is over" not in page


@pytest.mark.parametrize(("locale", "words"), [
    ("en", {"note": "This arena is cancelled.",
            "incoming": "{asker} asked to meet you; the arena was cancelled before the "
                        "request was answered.",
            "outgoing": "You asked to meet {asked}; the arena was cancelled before the "
                        "request was answered."}),
    ("nb", {"note": "Denne arenaen er avlyst.",
            "incoming": "{asker} ba om å få møte deg; arenaen ble avlyst før forespørselen "
                        "ble besvart.",
            "outgoing": "Du ba om å få møte {asked}; arenaen ble avlyst før forespørselen "
                        "ble besvart."}),
])
def test_a_cancelled_arena_says_so_and_its_requests_read_as_never_answered(
        client, auth, locale, words):
    """Cancelling an arena leaves its requests pending, as the schedule's record. The
    participants page said nothing of the cancellation: a request to you read "asks to meet
    you" (no buttons, no reason) and yours "waiting for an answer", for ever."""
    arena = make_arena(status="scheduled")
    founder = make_participant(arena, "founder")
    asked = make_participant(arena, "investor")
    asker = make_participant(arena, "investor")
    founder.user.locale = locale
    meeting_requests.request_meeting(founder.user, arena.id, asked.user_id)
    req = meeting_requests.request_meeting(asker.user, arena.id, founder.user_id)
    arena.status = "cancelled"
    db.session.commit()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert page.count(words["note"]) == 1
    assert words["incoming"].format(asker=asker.user.name) in page
    assert words["outgoing"].format(asked=asked.user.name) in page
    assert "waiting for an answer" not in page and "venter på svar" not in page
    assert _state(req.id) == "pending"


@pytest.mark.parametrize(("locale", "words"), [
    ("en", ("This arena is cancelled.", "You have asked for", "You can have up to")),
    ("nb", ("Denne arenaen er avlyst.", "Du har bedt om", "Du kan få opptil")),
])
def test_a_cancelled_arena_leaves_out_the_request_quota(client, auth, locale, words):
    """The page of a cancelled arena said it was cancelled and, above that, "You have
    asked for 1 of at most 2 meetings. You can have up to 6 meetings here; …", as if the
    requests still counted towards meetings to come."""
    arena = make_arena(status="scheduled", meeting_cap=6)
    founder = make_participant(arena, "founder", meeting_cap=2)
    asked = make_participant(arena, "investor")
    founder.user.locale = locale
    meeting_requests.request_meeting(founder.user, arena.id, asked.user_id)
    arena.status = "cancelled"
    db.session.commit()
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    note, quota, most = words
    assert page.count(note) == 1
    assert quota not in page and most not in page and 'id="request-quota"' not in page
