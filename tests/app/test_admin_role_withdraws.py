"""An administrator who changes a founder's role (to investor, staff or admin) withdrew
nothing: the founder's published pitches stayed live and matched, and as an investor they
could no longer manage them; an investor whose role changed away stayed matched too.

Only a founder's pitches are shown and matched, only an investor's profile: the change asks
first, naming what it withdraws, then withdraws it (kept as it is, shown again when the role
changes back), audited pitch by pitch."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent, InvestorProfile, MatchScore, Pitch
from app.services import account_access, pitch_search, recommendations
from tests.app.admin_questions import role_seen_on
from tests.app.page_text import fresh, main_text
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.factories import make_investor, make_pitch, make_user


@pytest.fixture
def admin_client(app):
    admin = make_user("admin", name="Ada Admin", association=None, locale="en")
    client = app.test_client()
    log_in(client, admin)
    return admin, client


def _change(client, person, role: str, **extra):
    return client.post(f"/admin/users/{person.id}/role",
                       data={"role": role, "association": "", **extra})


def _asked(client, person, role: str) -> str:
    """The role question the change asks first, as the page sends it back."""
    response = _change(client, person, role)
    assert "/role?" in response.location
    return role_seen_on(client.get(response.location).get_data(as_text=True))


def _visible_ids() -> set[int]:
    return {p.id for p in db.session.scalars(pitch_search.visible_pitches()).unique()}


def _founder_with_pitches():
    founder = make_user("founder", name="Frida Gründer")
    live = make_pitch(founder, title="Solcelletak")
    draft = make_pitch(founder, title="Utkast", status="draft")
    return founder, live, draft


def test_making_a_founder_an_investor_asks_first_naming_the_pitches(admin_client):
    _admin, client = admin_client
    founder, live, draft = _founder_with_pitches()
    before = checksum()
    response = _change(client, founder, "investor")
    assert response.status_code == 303
    assert f"/admin/users/{founder.id}/role?" in response.location
    body = client.get(response.location).get_data(as_text=True)
    text = main_text(body)
    assert "Frida Gründer becomes investor. A new role logs the person out" in text
    assert "Pitches withdrawn from view" in text
    assert "Solcelletak" in text and "Utkast" not in text
    assert "if Frida Gründer becomes a founder again, they are shown again" in text
    assert role_seen_on(body)  # the page sends back what it asked
    assert checksum() == before
    assert fresh(founder).role == "founder"


def test_confirming_withdraws_the_pitches_and_going_back_shows_them(admin_client):
    admin, client = admin_client
    founder, live, _draft = _founder_with_pitches()
    investor = make_investor()
    db.session.add(MatchScore(pitch_id=live.id, investor_profile_id=investor.id, score=0.5))
    db.session.commit()
    assert live.id in _visible_ids()
    response = _change(client, founder, "investor",
                       arenas_seen=_asked(client, founder, "investor"))
    assert response.status_code == 303 and response.location.endswith(f"/admin/users/{founder.id}")
    assert fresh(founder).role == "investor"
    pitch = db.session.get(Pitch, live.id)
    assert pitch.status == "published" and not pitch.hidden  # kept as it was
    assert not pitch.is_visible and live.id not in _visible_ids()
    assert recommendations.recommended_pitches(db.session.get(InvestorProfile, investor.id)
                                               ).total == 0
    assert db.session.scalar(select(AuditEvent.actor_id).where(
        AuditEvent.action == "pitch_withdrawn_by_role",
        AuditEvent.target == f"pitch:{live.id}")) == admin.id
    # back to founder: nothing to withdraw, so no question; the pitch is shown again
    response = _change(client, founder, "founder")
    assert response.location.endswith(f"/admin/users/{founder.id}")
    assert fresh(founder).role == "founder"
    assert live.id in _visible_ids()
    assert db.session.scalar(select(AuditEvent.id).where(
        AuditEvent.action == "pitch_shown_by_role",
        AuditEvent.target == f"pitch:{live.id}")) is not None


def test_a_question_that_no_longer_stands_changes_nothing(admin_client):
    _admin, client = admin_client
    founder, live, _draft = _founder_with_pitches()
    seen = _asked(client, founder, "admin")
    second = make_pitch(founder, title="Batteri")  # published since the page was opened
    # staff need an association: refused at once, no question asked, nothing withdrawn
    response = _change(client, founder, "staff", association="")
    assert response.location.endswith(f"/admin/users/{founder.id}")
    assert "Staff belong to an association" in main_text(
        client.get(response.location).get_data(as_text=True))
    assert fresh(founder).role == "founder"
    response = _change(client, founder, "admin", arenas_seen=seen)
    assert response.status_code == 303 and "/role?" in response.location
    assert fresh(founder).role == "founder"
    text = main_text(client.get(response.location).get_data(as_text=True))
    assert "the pitches or profile the change would withdraw" in text
    assert "Batteri" in text
    assert second.id in _visible_ids()


def test_an_investor_whose_role_changes_is_no_longer_listed_nor_matched(admin_client):
    _admin, client = admin_client
    investor_user = make_user("investor", name="Ivar Investor")
    profile = make_investor(investor_user, organisation="Ivars Kapital")
    pitch = make_pitch()
    db.session.add(MatchScore(pitch_id=pitch.id, investor_profile_id=profile.id, score=0.5))
    db.session.commit()
    assert len(recommendations.recommended_investors(pitch)) == 1
    response = _change(client, investor_user, "founder")
    page = client.get(response.location).get_data(as_text=True)
    text = main_text(page)
    assert "Investor profile withdrawn from view" in text and "Ivars Kapital" in text
    _change(client, investor_user, "founder", arenas_seen=role_seen_on(page))
    assert fresh(investor_user).role == "founder"
    profile = db.session.get(InvestorProfile, profile.id)
    assert profile.active and not profile.is_listed
    assert recommendations.recommended_investors(pitch) == []
    assert db.session.scalar(select(InvestorProfile.id).where(
        InvestorProfile.listed_clause())) is None


def test_the_command_line_role_change_withdraws_too(app):
    founder, live, _draft = _founder_with_pitches()
    account_access.set_role(founder, "investor")
    assert live.id not in _visible_ids()
    account_access.set_role(fresh(founder), "founder")
    assert live.id in _visible_ids()
