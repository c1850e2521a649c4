"""Where an investor appears on an arena's staff invitation list and on its participant page,
the organisation (fund) is shown with the person: staff saw only 'Per Hansen' and had to open
each profile to know which fund was coming, and founders choosing whom to ask for a meeting
saw the person's name without the fund they know from their matches."""

from __future__ import annotations

import re

import pytest

from tests.factories import (
    make_arena,
    make_investor,
    make_invitation,
    make_participant,
    make_user,
)


@pytest.fixture
def arena():
    return make_arena()


def _investor(arena, state="accepted", name="Per Hansen", organisation="Fjordkapital AS"):
    user = make_user("investor", name=name)
    make_investor(user, organisation=organisation)
    return make_invitation(arena, user, state=state)


def test_staff_invitation_list_names_the_investors_fund(client, auth, arena):
    invitation = _investor(arena)
    founder = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/invitations").get_data(as_text=True)
    row = re.search(rf'<tr[^>]*data-invitation-id="{invitation.id}".*?</tr>', page, re.S).group(0)
    assert "Per Hansen" in row and "Fjordkapital AS" in row
    founder_row = re.search(rf'<tr[^>]*data-invitation-id="{founder.id}".*?</tr>', page,
                            re.S).group(0)
    assert founder.pitch.title in founder_row


def test_staff_search_names_an_investors_fund(client, auth, arena):
    make_investor(make_user("investor", name="Kari Fond"), organisation="Vestkapital AS")
    auth.login(make_user("staff", association="asker").email)
    page = client.get(f"/staff/arenas/{arena.id}/invitations",
                      query_string={"q": "kari"}).get_data(as_text=True)
    assert "Kari Fond (Vestkapital AS)" in page


def test_founder_sees_the_fund_of_each_investor_who_comes(client, auth, arena):
    founder = make_participant(arena, "founder")
    _investor(arena)
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    card = re.search(r'<li class="card[^>]*id="person-.*?</li>', page, re.S).group(0)
    assert "Per Hansen" in card and "Fjordkapital AS" in card


def test_investor_sees_founders_with_their_pitch_not_a_fund(client, auth, arena):
    founder = make_participant(arena, "founder")
    investor = _investor(arena)
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert founder.pitch.title in page
    assert "Fjordkapital AS" not in page  # their own fund is not shown as someone else's


def _heading_text(page: str) -> str:
    heading = re.search(r'<h2 class="h5 card-title">(.*?)</h2>', page, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", heading).split())


def test_the_name_and_the_fund_or_pitch_are_apart(client, auth, arena):
    """The card's heading read "Per Hansen— Fjordkapital AS": a template comment that trims
    the whitespace on both sides took the space before the dash."""
    founder = make_participant(arena, "founder")
    investor = _investor(arena)
    auth.login(founder.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert _heading_text(page) == "Per Hansen — Fjordkapital AS"
    auth.logout()
    auth.login(investor.user.email)
    page = client.get(f"/arenas/{arena.id}/participants").get_data(as_text=True)
    assert _heading_text(page) == f"{founder.user.name} — {founder.pitch.title}"
