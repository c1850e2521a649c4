"""Cancelling an arena asks first, on a page of its own, as sending the invitations and
cancelling a meeting do: the staff arena page's "Cancel the arena" was a button that at one
tap, beside Invitations, cancelled every meeting and e-mailed everyone coming or invited,
and a cancelled arena cannot be opened again. The page says how many are told and how many
meetings are called off; only its Yes cancels."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, Meeting, Notification
from tests.factories import (
    make_arena,
    make_arena_over,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
    outbox_of,
)

ASKS = {
    "nb": ("Avlyse «Grønn arena»? 3 personer som kommer eller fortsatt er invitert, får "
           "beskjed i appen og på e-post. 1 møte i møteplanen blir avlyst."),
    "en": ("Cancel “Grønn arena”? 3 people who are coming or still invited are told in the "
           "app and by e-mail. 1 meeting in its schedule is called off."),
}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def arena_with_people(app):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    make_invitation(arena, make_user("founder"))  # invited, no answer yet
    make_meeting(arena, founder, investor)
    return arena


def _nothing_happened(app, arena) -> None:
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "inviting"
    assert db.session.scalar(select(func.count()).select_from(Meeting)
                             .where(Meeting.state == "scheduled")) == 1
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0
    assert outbox_of(app) == []


def test_the_arena_page_offers_no_one_tap_cancel(client, staff, arena_with_people):
    arena = arena_with_people
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert 'value="cancelled"' not in page
    assert f'href="/staff/arenas/{arena.id}/cancel"' in page


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_cancel_page_says_who_is_told_and_changes_nothing(app, client, staff,
                                                               arena_with_people, lang):
    arena = arena_with_people
    client.post("/language", data={"lang": lang})
    response = client.get(f"/staff/arenas/{arena.id}/cancel")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert ASKS[lang] in _text(page)
    assert f'action="/staff/arenas/{arena.id}/status"' in page
    assert 'name="to" value="cancelled"' in page
    _nothing_happened(app, arena)


def test_yes_on_the_cancel_page_cancels_and_tells(app, client, staff, arena_with_people):
    arena = arena_with_people
    client.get(f"/staff/arenas/{arena.id}/cancel")
    client.post(f"/staff/arenas/{arena.id}/status", data={"to": "cancelled"})
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).status == "cancelled"
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 3


def test_a_draft_tells_nobody(client, staff):
    arena = make_arena(status="draft")
    client.post("/language", data={"lang": "nb"})
    page = client.get(f"/staff/arenas/{arena.id}/cancel").get_data(as_text=True)
    assert "Avlyse «Grønn arena»? Ingen får beskjed: ingen kommer eller er invitert." in page


def test_an_arena_that_cannot_be_cancelled_goes_back_with_why(client, staff):
    arena = make_arena_over(schedule_published_at=datetime.now(UTC))
    make_meeting(arena, make_participant(arena, "founder"), make_participant(arena, "investor"))
    client.post("/language", data={"lang": "nb"})
    response = client.get(f"/staff/arenas/{arena.id}/cancel")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/staff/arenas/{arena.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Arenaen er gjennomført og møtene fant sted, så den kan ikke lenger avlyses." in page
    assert db.session.get(Arena, arena.id).status == "scheduled"
