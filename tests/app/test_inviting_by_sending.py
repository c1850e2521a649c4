"""A draft arena becomes "Inviting" by sending its invitations, not by a button. The staff
arena page offered "Move to “Inviting”" on a draft: it invited nobody and told nobody (a
draft has sent no invitation), and all it did was list the arena on the home page among
the upcoming arenas, while staff read "Inviting" on an arena nobody had heard of. Now the
page says that sending the invitations moves it on, and a stale form is refused with
nothing changed."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, Invitation
from tests.app.status_moves import offers, stored_status
from tests.factories import make_arena, make_invitation, make_user

NOTE = {"en": "The arena becomes “Inviting” when you send its invitations.",
        "nb": "Arenaen får status «Inviterer» når du sender invitasjonene."}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_sending_not_a_button_moves_a_draft_to_inviting(client, staff, lang):
    arena = make_arena(status="draft")
    make_invitation(arena, make_user("founder"), state="proposed")
    client.post("/language", data={"lang": lang})
    page = client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)
    assert not offers(page, "inviting") and offers(page, "cancelled")
    assert NOTE[lang] in page
    assert client.post(f"/staff/arenas/{arena.id}/invitations/send").status_code == 302
    assert stored_status(arena) == "inviting"
    assert NOTE[lang] not in client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_stale_move_to_inviting_changes_nothing(client, staff, lang):
    arena = make_arena(status="draft", title="Hemmelig arena")
    proposed = make_invitation(arena, make_user("founder"), state="proposed")
    client.post("/language", data={"lang": lang})
    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "inviting"})
    assert NOTE[lang] in client.get(response.location).get_data(as_text=True)
    assert stored_status(arena) == "draft"
    assert not db.session.scalar(select(AuditEvent).filter_by(action="arena_status"))
    assert db.session.get(Invitation, proposed.id).invited_at is None
    assert "Hemmelig arena" not in client.get("/").get_data(as_text=True)


PASSED = {"en": "The arena's time has passed without its invitations being sent, so it can "
                 "only be cancelled.",
          "nb": "Arenaens tidspunkt er passert uten at invitasjonene ble sendt, så den kan "
                "bare avlyses."}


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_draft_that_has_taken_place_says_it_can_only_be_cancelled(client, staff, lang):
    """A draft whose time has passed sends nothing and cannot be marked done: the page
    offered only "Cancel the arena" and said nothing of why. It says so now, and a stale
    move to inviting is refused with the same sentence (not the promise that sending the
    invitations moves it on, which would be refused too)."""
    arena = make_arena(status="draft", date=(datetime.now(UTC) - timedelta(days=2)).date(),
                       rsvp_deadline=datetime.now(UTC) - timedelta(days=9))
    client.post("/language", data={"lang": lang})
    page = html.unescape(client.get(f"/staff/arenas/{arena.id}").get_data(as_text=True))
    assert NOTE[lang] not in page and offers(page, "cancelled")
    assert not offers(page, "inviting") and not offers(page, "done")
    assert PASSED[lang] in page
    response = client.post(f"/staff/arenas/{arena.id}/status", data={"to": "inviting"})
    page = html.unescape(client.get(response.location).get_data(as_text=True))
    assert page.count(PASSED[lang]) == 2  # the refusal and the page's own sentence
    assert stored_status(arena) == "draft"
