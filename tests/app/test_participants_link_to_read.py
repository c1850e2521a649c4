"""On an arena's "Who comes", an investor decides whom to ask for a meeting from a pitch's
title and one line of why; the title was plain text, so reading the pitch meant leaving for
the pitch list and searching for it. The title now links to the pitch's page (for whoever may
read it), and a founder's list links each investor's organisation to its profile. A page
opened through an invitation's link, without logging in, keeps plain text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile
from tests.factories import make_arena, make_participant


@pytest.fixture
def room(app):
    arena = make_arena(investor_capacity=6)
    founder = make_participant(arena, "founder")
    investor = make_participant(arena, "investor")
    return arena, founder, investor


def _card(page: str, user_id: int) -> str:
    start = page.index(f'id="person-{user_id}"')
    return page[start:page.index("</li>", start)]


def test_an_investor_can_open_each_founders_pitch(client, auth, room):
    arena, founder, investor = room
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    card = _card(page, founder.user_id)
    assert f'<a href="/pitches/{founder.pitch_id}"' in card
    assert f'>{founder.pitch.title}</a>' in card
    assert client.get(f"/pitches/{founder.pitch_id}").status_code == 200


def test_a_founder_can_open_each_investors_profile(client, auth, room):
    arena, founder, investor = room
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    profile = db.session.scalar(select(InvestorProfile).where(
        InvestorProfile.user_id == investor.user_id))
    card = _card(page, investor.user_id)
    assert f'<a href="/investors/{profile.id}"' in card
    assert f'>{profile.organisation}</a>' in card
    assert client.get(f"/investors/{profile.id}").status_code == 200


def test_a_hidden_pitch_is_not_linked(client, auth, room):
    arena, founder, investor = room
    founder.pitch.hidden = True
    db.session.commit()
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert f'href="/pitches/{founder.pitch_id}"' not in page
