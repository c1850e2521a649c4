"""No mass assignment: extra fields posted to a form (or sent to the API) change nothing
beyond what the form allows.

Every form gets valid values plus EXTRA — role, owner_id, user_id, status, id, hidden,
version, association_id, active — pointing at someone else or at more rights; the saved rows
must keep their own values for all of them.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from app.extensions import db
from app.models import ApiToken, Arena, InvestorProfile, Pitch, User
from app.services import api_tokens
from tests.app.security.counts import count
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_arena, make_investor, make_pitch, make_user

FIELDS = ("role", "owner_id", "user_id", "status", "id", "hidden", "version",
          "association_id", "active")


def extra(victim_id: int) -> dict:
    """The fields an attacker adds, aimed at another user and at more rights."""
    values = {"role": "admin", "owner_id": victim_id, "user_id": victim_id,
              "status": "published", "id": 999_999, "hidden": "1", "version": "77",
              "association_id": "3", "active": "0"}
    count("mass-assignment fields tried", len(values))
    return values


PITCH = {"title": "Tang fra fjorden", "summary": "Tang som fôr og gjødsel.",
         "description": "Vi dyrker tang.", "sectors": "food_agriculture", "stage": "seed",
         "ask_nok": "2000000", "funding_type": "equity", "municipality": "asker",
         "green_objectives": "circular_economy", "support_needs": "capital", "team_size": "3",
         "founded_year": "2021", "website": "https://tang.example.no"}
PROFILE = {"organisation": "Havfond AS", "investor_type": "venture_fund",
           "thesis": "Havbruk og tang.", "sectors": "food_agriculture", "stages": "seed",
           "ticket_min": "500000", "ticket_max": "5000000", "regions": "asker",
           "green_mandate": "preferred", "green_objectives": "circular_economy",
           "support_offers": "capital", "funding_types": "equity",
           "contact_email": "post@havfond.no", "contact_phone": "+47 480 00 000"}


def _client(app, user):
    client = app.test_client()
    log_in(client, user)
    return client


def _user_unchanged(user_id: int, role: str, association_id, active=True):
    user = db.session.get(User, user_id)
    assert (user.role, user.association_id, user.active) == (role, association_id, active)


def test_register_keeps_role_and_association(app, client):
    data = {"role": "founder", "name": "Kari", "email": "kari.ny@example.no",
            "municipality": "asker", "association": "", "password": "fjord sol batteri 2026",
            "confirm": "fjord sol batteri 2026"}
    response = client.post("/auth/register", data={**extra(1), **data,
                                                   "role": "founder"} | {"is_admin": "1"})
    assert response.status_code == 302
    user = db.session.query(User).filter_by(email="kari.ny@example.no").one()
    assert user.role == "founder" and user.active and user.id != 999_999
    # The role field itself only takes founder or investor.
    data["email"], data["role"] = "staff.ny@example.no", "admin"
    assert app.test_client().post("/auth/register", data=data).status_code == 422
    assert db.session.query(User).filter_by(email="staff.ny@example.no").count() == 0


def test_new_pitch_keeps_owner_status_and_visibility(app):
    founder, victim = make_user("founder"), make_user("founder")
    client = _client(app, founder)
    response = client.post("/pitches/new", data={**extra(victim.id), **PITCH})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    pitch = db.session.query(Pitch).filter_by(title=PITCH["title"]).one()
    assert pitch.owner_id == founder.id and pitch.status == "draft" and not pitch.hidden
    assert pitch.id != 999_999 and pitch.version == 1
    _user_unchanged(founder.id, "founder", founder.association_id)


def test_pitch_edit_keeps_owner_status_and_visibility(app):
    founder, victim = make_user("founder"), make_user("founder")
    pitch = make_pitch(founder, status="draft")
    client = _client(app, founder)
    data = {**extra(victim.id), **PITCH, "version": str(pitch.version)}
    response = client.post(f"/pitches/{pitch.id}/edit", data=data)
    assert response.status_code == 302
    pitch = db.session.get(Pitch, pitch.id)
    assert pitch.title == PITCH["title"]  # the allowed field is saved
    assert (pitch.owner_id, pitch.status, pitch.hidden) == (founder.id, "draft", False)
    assert db.session.query(Pitch).filter_by(owner_id=victim.id).count() == 0


def test_profile_keeps_user_and_active(app):
    investor, victim = make_user("investor"), make_user("investor")
    profile = make_investor(investor)
    client = _client(app, investor)
    response = client.post("/profile", data={**extra(victim.id), **PROFILE,
                                              "version": str(profile.version)})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    profile = db.session.get(InvestorProfile, profile.id)
    assert profile.organisation == "Havfond AS"
    assert profile.user_id == investor.id and profile.active
    assert db.session.query(InvestorProfile).filter_by(user_id=victim.id).count() == 0
    _user_unchanged(investor.id, "investor", investor.association_id)


def test_arena_edit_keeps_status_and_creator(app):
    staff = make_user("staff")
    arena = make_arena(status="draft")
    client = _client(app, staff)
    day = (datetime.now(UTC) + timedelta(days=40)).date()
    data = {**extra(staff.id), "title": "Ny tittel", "description": "", "theme": "green",
            "hosts": "asker", "date": day.isoformat(), "start_time": "09:00", "end_time": "12:00",
            "venue": "Asker", "founder_capacity": "4", "investor_capacity": "4",
            "slot_minutes": "15", "slot_count": "8", "breaks": "", "table_count": "4",
            "meeting_cap": "", "rsvp_deadline": f"{(day - timedelta(days=7)).isoformat()}T12:00",
            "version": str(arena.version), "created_by_id": str(staff.id),
            "schedule_sequence": "50"}
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=data)
    assert response.status_code in (302, 303), re.findall(
        r'invalid-feedback[^>]*>([^<]+)', response.get_data(as_text=True))
    arena = db.session.get(Arena, arena.id)
    assert arena.title == "Ny tittel" and arena.status == "draft"
    assert arena.schedule_sequence == 0 and arena.created_by_id is None
    _user_unchanged(staff.id, "staff", staff.association_id)


def test_token_create_keeps_user_and_scope(app):
    user, victim = make_user("founder"), make_user("founder")
    client = _client(app, user)
    response = client.post("/account/tokens", data={
        **extra(victim.id), "name": "CRM", "scope": "read", "days": "30",
        "password": DEFAULT_PASSWORD, "revoked_at": "", "expires_at": "2099-01-01",
        "token_hash": "x"})
    assert response.status_code == 201
    token = db.session.query(ApiToken).one()
    assert token.user_id == user.id and token.scope == "read"
    assert token.expires_utc < datetime.now(UTC) + timedelta(days=31)


def test_mail_choices_change_only_ones_own_groups(app):
    user, victim = make_user("founder"), make_user("founder")
    client = _client(app, user)
    response = client.post("/account/email-notifications", data={
        **extra(victim.id), "groups": "arenas", "notice_mail_off": "", "email": "x@example.no",
        "locale": "en"})
    assert response.status_code == 303
    db.session.expire_all()
    mine, theirs = db.session.get(User, user.id), db.session.get(User, victim.id)
    assert mine.notice_mail_off == ["interest", "moderation"] and theirs.notice_mail_off == []
    assert mine.email != "x@example.no" and mine.locale != "en"
    _user_unchanged(user.id, "founder", user.association_id)


def test_api_refuses_unknown_fields_and_changes_nothing(app):
    founder, victim = make_user("founder"), make_user("founder")
    pitch = make_pitch(founder, status="draft")
    plain = api_tokens.create(founder, "t", "read-write", 30).plain
    client = app.test_client()
    headers = {"Authorization": f"Bearer {plain}"}
    body = {"title": "API-pitch", "summary": "Kort.", "stage": "seed"}
    for name, value in extra(victim.id).items():
        response = client.post("/api/v1/pitches", json={**body, name: value}, headers=headers)
        if name == "status":  # not settable on create
            assert response.status_code == 422, response.get_json()
        else:
            assert response.status_code == 422, (name, response.get_json())
        assert name in response.get_json()["error"]["fields"], name
    assert db.session.query(Pitch).filter_by(title="API-pitch").count() == 0
    update = {**body, "version": pitch.version}
    for name, value in extra(victim.id).items():
        if name == "version":
            continue
        response = client.put(f"/api/v1/pitches/{pitch.id}", json={**update, name: value},
                              headers={**headers, "If-Match": "*"})
        assert response.status_code in (422, 428), (name, response.get_json())
    pitch = db.session.get(Pitch, pitch.id)
    assert (pitch.owner_id, pitch.status, pitch.hidden) == (founder.id, "draft", False)
    assert pitch.title != "API-pitch"
