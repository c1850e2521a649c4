"""Staff's page for one member of their association (/staff/members/<id>): who they are,
their pitches or investor profile, and the association's arenas with them; 404 for another
association's member, linked from the staff pages that name a person."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from tests.app.security.principals import logged_in_client
from tests.factories import (
    make_arena,
    make_arena_over,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.get_data(as_text=True))


@pytest.fixture
def founder(app):
    """An Asker founder with a published pitch, a hidden one and a draft, invited to an
    Asker arena that is over (came, one meeting held, one not) and to a Drammen arena."""
    person = make_user("founder", name="Kari Gründer", phone="+47 912 34 567",
                       municipality="asker")
    shown = make_pitch(person, title="Solkraft på låvetak")
    make_pitch(person, title="Skjult idé", hidden=True, hidden_reason="Reklame")
    make_pitch(person, title="Hemmelig utkast", status="draft")
    arena = make_arena_over(title="Askers arena")
    mine = make_invitation(arena, person, "accepted", pitch_id=shown.id, attended=True)
    for slot, came in ((0, True), (1, False)):
        partner = make_user("investor", association="drammen")
        make_investor(partner)
        theirs = make_invitation(arena, partner, "accepted", attended=came)
        make_meeting(arena, mine, theirs, slot=slot)
    other = make_arena(("drammen",), title="Drammens arena")
    make_invitation(other, person, "invited")
    return person


def test_staff_see_their_members_founder_page(app, founder):
    staff = make_user("staff", locale="en")
    page = _text(logged_in_client(app, staff).get(f"/staff/members/{founder.id}"))
    assert "Kari Gründer" in page and "Asker" in page
    assert founder.email in page and "+47 912 34 567" in page  # their own member's contacts
    assert "Active · e-mail address confirmed" in page
    assert "Solkraft på låvetak" in page and "Hidden by moderation: Reklame" in page
    assert "Hemmelig utkast" not in page  # a draft is the founder's alone
    # only this association's arenas, with their counts
    assert "Askers arena" in page and "Drammens arena" not in page
    assert "Invited: 1 · Answered: 0 · Attended: 1 · Meetings held: 1" in page
    assert re.search(r'href="/staff/arenas/\d+"', page)


def test_the_page_speaks_bokmal(app, founder):
    staff = make_user("staff", locale="nb")
    page = _text(logged_in_client(app, staff).get(f"/staff/members/{founder.id}"))
    assert "Skjult av moderator: Reklame" in page
    assert "Invitert: 1 · Svart: 0 · Møtte: 1 · Gjennomførte møter: 1" in page
    assert "Utkast vises ikke her" in page


def test_investor_page_summarises_the_profile(app):
    investor = make_user("investor", name="Ivar Investor")
    make_investor(investor, organisation="Fjord Kapital AS", investor_type="angel",
                  ticket_min=500_000, ticket_max=2_000_000, sectors=["energy"],
                  stages=["seed"], active=False)
    staff = make_user("staff", locale="en")
    page = _text(logged_in_client(app, staff).get(f"/staff/members/{investor.id}"))
    assert "Fjord Kapital AS" in page and "Angel investor" in page
    assert "Not listed: founders do not find it" in page
    assert "Not on the list of any of your arenas." in page


def test_another_associations_staff_get_404(app, founder):
    """404, not 403, as for another association's arena: nothing says who is a member."""
    own = logged_in_client(app, make_user("staff"))
    assert own.get(f"/staff/members/{founder.id}").status_code == 200
    for association in ("drammen", None):
        staff = make_user("staff", association=association)
        assert logged_in_client(app, staff).get(
            f"/staff/members/{founder.id}").status_code == 404


def test_only_founders_and_investors_have_a_member_page(app):
    client = logged_in_client(app, make_user("staff"))
    for role, status in (("founder", 200), ("investor", 200), ("staff", 404), ("admin", 404)):
        person = make_user(role)
        assert client.get(f"/staff/members/{person.id}").status_code == status, role


def test_admins_see_anyones_with_every_arena(app, founder):
    admin = make_user("admin", association=None, locale="en")
    page = _text(logged_in_client(app, admin).get(f"/staff/members/{founder.id}"))
    assert "Askers arena" in page and "Drammens arena" in page
    assert f'href="/admin/users/{founder.id}"' in page


def test_founders_and_investors_are_refused(app, founder):
    for role in ("founder", "investor"):
        client = logged_in_client(app, make_user(role))
        assert client.get(f"/staff/members/{founder.id}").status_code == 403
    assert app.test_client().get(f"/staff/members/{founder.id}").status_code == 302


def test_statements_do_not_grow_with_arenas_and_pitches(app, statements):
    staff = make_user("staff")
    client = logged_in_client(app, staff)
    person = make_user("founder")
    counted = []
    for _ in range(3):
        pitch = make_pitch(person)
        arena = make_arena_over()
        mine = make_invitation(arena, person, "accepted", pitch_id=pitch.id, attended=True)
        partner = make_user("investor")
        make_investor(partner)
        make_meeting(arena, mine, make_invitation(arena, partner, "accepted", attended=True))
        db.session.expire_all()
        counted.append(statements(client, f"/staff/members/{person.id}"))
    assert counted[0] == counted[-1], counted
    assert counted[-1] <= 12, counted


def test_staff_pages_link_their_members(app):
    staff = make_user("staff")
    client = logged_in_client(app, staff)
    arena = make_arena()
    ours = make_user("founder", name="Vår Gründer")
    theirs = make_user("founder", name="Deres Gründer", association="drammen")
    for person in (ours, theirs):
        make_invitation(arena, person, "invited", pitch_id=make_pitch(person).id)
    for url in (f"/staff/arenas/{arena.id}/invitations", "/staff/pitches"):
        page = client.get(url).get_data(as_text=True)
        assert f'<a href="/staff/members/{ours.id}">Vår Gründer</a>' in page, url
        assert f"/staff/members/{theirs.id}" not in page, url
    over = make_arena_over()
    make_invitation(over, ours, "accepted")
    page = client.get(f"/staff/arenas/{over.id}/attendance").get_data(as_text=True)
    assert f'<a href="/staff/members/{ours.id}">Vår Gründer</a>' in page
    admin = logged_in_client(app, make_user("admin", association=None))
    page = admin.get(f"/admin/users/{theirs.id}").get_data(as_text=True)
    assert f'href="/staff/members/{theirs.id}"' in page


def test_pitch_and_investor_pages_link_staff_to_the_member(app):
    staff = make_user("staff", locale="en")
    client = logged_in_client(app, staff)
    founder, investor = make_user("founder", name="Kari"), make_user("investor", name="Ivar")
    pitch, profile = make_pitch(founder), make_investor(investor)
    stranger = make_user("investor", name="Dag", association="drammen")
    elsewhere = make_investor(stranger)
    assert (f'<a href="/staff/members/{founder.id}">Member page of Kari</a>'
            in client.get(f"/pitches/{pitch.id}").get_data(as_text=True))
    assert (f'<a href="/staff/members/{investor.id}">Member page of Ivar</a>'
            in client.get(f"/investors/{profile.id}").get_data(as_text=True))
    assert "/staff/members/" not in client.get(f"/investors/{elsewhere.id}").get_data(
        as_text=True)
