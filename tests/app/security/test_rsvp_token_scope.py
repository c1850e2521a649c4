"""The RSVP link's read-only pages (agenda, who comes, calendar file) with real tokens, which
the access matrix cannot make: a token opens its own arena for whoever holds it, logged in
as anyone or not, and nothing of another arena; a token naming another arena than its
invitation's, or another person, is a 404 that shows nothing of either. Nobody is logged in
by a token."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import Invitation
from app.services import rsvp
from app.services.tokens import sign
from tests.app.security.counts import count
from tests.app.security.principals import PRINCIPALS

PAGES = ("agenda", "participants", "calendar.ics")
# What arena B holds: its title, its people, their organisation and pitch.
B_SECRETS = ("Arena B", "Founder B", "Investor B", "Investor B AS", "B's published pitch")


def _invitation(world, who: str, arena: str) -> Invitation:
    return db.session.scalar(select(Invitation).where(
        Invitation.arena_id == world.objects[arena].id,
        Invitation.user_id == world[who].user_id))


def test_a_token_opens_its_own_arena_and_nothing_of_another(principals):
    world = principals
    mine = _invitation(world, "founder_a", "arena_a")
    token = rsvp.make_token(mine)
    checks = 0
    for name in PRINCIPALS:
        client = world[name].client
        for page in PAGES:
            response = client.get(f"/arenas/rsvp/{token}/{page}")
            assert response.status_code == 200, (name, page)
            text = response.get_data(as_text=True)
            own = world[name].user.name if world[name].user else None  # their own menu
            leaked = [s for s in B_SECRETS if s in text and s != own]
            assert not leaked, (name, page, leaked)
            checks += 1
        # the token logged nobody in: the anonymous client still meets the login page
        if name == "anonymous":
            assert "/auth/login" in client.get(
                f"/arenas/{world.objects['arena_a'].id}/agenda").location
    count("rsvp token page checks", checks)


def test_a_token_naming_another_arena_or_person_is_not_found(principals):
    world = principals
    a, b = world.objects["arena_a"], world.objects["arena_b"]
    mine = _invitation(world, "founder_a", "arena_a")
    theirs = _invitation(world, "founder_b", "arena_b")
    forged = (
        {"i": mine.id, "u": mine.user_id, "a": b.id},  # A's invitation, B's arena
        {"i": theirs.id, "u": mine.user_id, "a": b.id},  # B's invitation, A's person
        {"i": theirs.id, "u": theirs.user_id, "a": a.id},  # B's invitation, A's arena
    )
    for payload in forged:
        token = sign(payload, rsvp.SALT)
        for name in PRINCIPALS:
            for page in PAGES:
                response = world[name].client.get(f"/arenas/rsvp/{token}/{page}")
                assert response.status_code == 404, (payload, name, page)
                text = response.get_data(as_text=True)
                assert "Arena A" not in text and "Arena B" not in text, (payload, name, page)
