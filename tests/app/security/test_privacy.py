"""Data protection: download your data (JSON), delete your account (personal data removed or
anonymised in every table, sessions and tokens end, statistics stay), audited role changes
and deactivation from the CLI."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from flask_babel import force_locale
from sqlalchemy import select

from app.extensions import db
from app.models import (
    AuditEvent,
    Interest,
    InvestorProfile,
    Invitation,
    Notification,
    Pitch,
    User,
)
from app.services import (
    api_tokens,
    audit,
    dashboard,
    deleted_accounts,
    erasure,
    interest,
    notifications,
)
from tests.app.security.checksum import checksum
from tests.app.security.principals import log_in
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_investor,
    make_invitation,
    make_meeting,
    make_pitch,
    make_user,
)

FOUNDER_EMAIL = "ingrid.haugland@grunder.no"
FOUNDER_PHONE = "+47 911 22 333"
INVESTOR_CONTACT = "partner.haugen@fond.no"


def _setup():
    founder = make_user("founder", FOUNDER_EMAIL, name="Ingrid Haugland", phone=FOUNDER_PHONE)
    pitch = make_pitch(founder, title="Ingrids tangfarm", summary="Tang fra Oslofjorden",
                       description="Ring Ingrid på " + FOUNDER_PHONE, website="https://tang.no")
    investor = make_user("investor", name="Per Haugen", phone="+47 922 33 444")
    profile = make_investor(investor, contact_email=INVESTOR_CONTACT,
                            thesis="Per Haugen investerer i havbruk.")
    interest.mark(founder, pitch.id, profile.id, "interested")
    interest.mark(investor, pitch.id, profile.id, "interested")
    # Held: its record stays as it was (an arena still to come is left, tests/app/
    # test_leaving_koble.py), so deleting changes no count.
    arena = make_arena(status="done", date=(datetime.now(UTC) - timedelta(days=30)).date(),
                       rsvp_deadline=datetime.now(UTC) - timedelta(days=37))
    f_inv = make_invitation(arena, founder, "accepted", pitch_id=pitch.id)
    i_inv = make_invitation(arena, investor, "accepted")
    make_meeting(arena, f_inv, i_inv)
    token = api_tokens.create(founder, "CRM", "read-write", 30).plain
    audit.record("login_failed", detail=FOUNDER_EMAIL)
    db.session.commit()
    return founder, pitch, investor, profile, token


def _all_text() -> str:
    """Every value of every row of every table, as one string."""
    from sqlalchemy import select as sel

    parts = []
    with db.engine.connect() as connection:
        for table in db.metadata.sorted_tables:
            parts.extend(repr(tuple(row)) for row in connection.execute(sel(table)))
    return "\n".join(parts)


def test_export_holds_everything_of_mine_and_no_secret(app):
    founder, pitch, *_ = _setup()
    client = app.test_client()
    log_in(client, founder)
    before = checksum()
    response = client.get("/account/export")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert checksum() == before  # a GET changes nothing
    assert data["account"]["email"] == FOUNDER_EMAIL and data["account"]["phone"] == FOUNDER_PHONE
    assert [p["title"] for p in data["pitches"]] == ["Ingrids tangfarm"]
    assert len(data["interests"]) == 1 and len(data["notifications"]) >= 1
    assert len(data["api_tokens"]) == 1 and len(data["meetings"]) == 1
    assert data["invitations"] and data["security_events"]
    text = response.get_data(as_text=True)
    for secret in ("password_hash", "session_token", "token_hash", founder.password_hash,
                   founder.session_token):
        assert secret not in text
    assert INVESTOR_CONTACT not in text and "+47 922 33 444" not in text  # not theirs


def test_export_leaves_out_the_meetings_of_a_draft_schedule(app):
    """A draft schedule is staff's alone until they publish it: its meetings (who, when,
    which table) are not the person's yet, in the export as on the agenda."""
    founder, pitch, investor, *_ = _setup()
    arena = make_arena(status="scheduled", title="Utkastarena")
    f_inv = make_invitation(arena, founder, "accepted", pitch_id=pitch.id)
    i_inv = make_invitation(arena, investor, "accepted")
    draft = make_meeting(arena, f_inv, i_inv, slot=3, table=1, published=False)
    client = app.test_client()
    for person in (founder, investor):
        log_in(client, person)
        data = client.get("/account/export").get_json()
        assert len(data["meetings"]) == 1  # the held arena's, not the draft's
        assert data["meetings"][0]["id"] != draft.id
    arena.schedule_published_at = datetime.now(UTC)
    db.session.commit()
    data = client.get("/account/export").get_json()
    assert draft.id in [m["id"] for m in data["meetings"]]


def test_export_of_an_investor_has_the_profile(app):
    *_, investor, profile, _token = _setup()
    client = app.test_client()
    log_in(client, investor)
    data = client.get("/account/export").get_json()
    assert data["investor_profile"]["contact_email"] == INVESTOR_CONTACT
    assert data["pitches"] == []


def _strings(value):
    """Every string in a JSON value, with the key it sits under."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str):
                yield key, item
            else:
                yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_export_collections_are_lists_and_timestamps_carry_utc(app):
    """`arenas` was an object of titles keyed by id while every other collection was a
    list, and the timestamps of rows read back from the database had no offset beside
    `exported_at`'s +00:00: a program reading the file had to guess the zone."""
    founder, pitch, *_ = _setup()
    client = app.test_client()
    log_in(client, founder)
    db.session.expire_all()  # as a request reads them: from the database
    data = client.get("/account/export").get_json()
    assert data["format"] == "koble-personal-data/2"
    arena = db.session.scalars(select(Invitation.arena_id).where(
        Invitation.user_id == founder.id)).one()
    assert data["arenas"] == [{"id": arena, "title": data["arenas"][0]["title"],
                               "date": data["arenas"][0]["date"]}]
    collections = {key for key, value in data.items()
                   if key not in ("format", "exported_at", "account", "investor_profile")}
    assert all(isinstance(data[key], list) for key in collections), collections
    stamps = [(key, text) for key, text in _strings(data)
              if re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+([+-]\d\d:\d\d|Z)?", text)]
    assert len(stamps) > 10
    for key, text in stamps:
        assert datetime.fromisoformat(text).utcoffset() == timedelta(0), (key, text)


def test_wrong_password_deletes_nothing(app):
    founder, *_ = _setup()
    client = app.test_client()
    log_in(client, founder)
    assert client.get("/account/delete").status_code == 200
    before = checksum()
    response = client.post("/account/delete", data={"password": "not my password at all"})
    assert response.status_code == 422
    assert "The password is wrong." in response.get_data(as_text=True)
    assert client.post("/account/delete", data={}).status_code == 422
    assert checksum() == before


def test_delete_anonymises_every_table_ends_sessions_and_keeps_counts(app):
    founder, pitch, investor, profile, token = _setup()
    staff = make_user("admin", association=None)
    with app.test_request_context():
        counts_before = repr(dashboard.overview(staff))
    interests_before = db.session.query(Interest).count()
    client, other_device = app.test_client(), app.test_client()
    log_in(client, founder)
    log_in(other_device, founder)
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code \
        == 200

    response = client.post("/account/delete", data={"password": DEFAULT_PASSWORD})
    assert response.status_code == 303

    everything = _all_text()
    for personal in (FOUNDER_EMAIL, FOUNDER_PHONE, "Ingrid Haugland", "Ingrids tangfarm",
                     "Tang fra Oslofjorden", "https://tang.no"):
        assert personal not in everything, personal
    user = db.session.get(User, founder.id)
    assert user.name == deleted_accounts.DELETED_NAME and user.email.endswith("@deleted.invalid")
    assert user.phone is None and not user.active
    # Sessions end on every device; the API token is revoked.
    for device in (client, other_device):
        assert device.get("/account/tokens").status_code == 302
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code \
        == 401
    assert client.post("/auth/login", data={"email": FOUNDER_EMAIL,
                                             "password": DEFAULT_PASSWORD}).status_code == 422
    # Interests, invitations, meetings stay, anonymised: the staff dashboard says the same.
    assert db.session.query(Interest).count() == interests_before
    assert all(i.user_id is None for i in db.session.scalars(
        select(Interest).where(Interest.side == "founder")))
    with app.test_request_context():
        assert repr(dashboard.overview(staff)) == counts_before
    kept = db.session.get(Pitch, pitch.id)
    assert kept.hidden and kept.title == deleted_accounts.DELETED_PITCH_TITLE
    # The other side keeps its own data.
    assert db.session.get(InvestorProfile, profile.id).contact_email == INVESTOR_CONTACT
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "account_deleted"))


def test_deleting_an_investor_clears_the_profile_contacts(app):
    _founder, _pitch, investor, profile, _token = _setup()
    client = app.test_client()
    log_in(client, investor)
    email = investor.email
    assert client.post("/account/delete", data={"password": DEFAULT_PASSWORD}).status_code == 303
    everything = _all_text()
    for personal in (INVESTOR_CONTACT, "Per Haugen", "+47 922 33 444", email):
        assert personal not in everything, personal
    row = db.session.get(InvestorProfile, profile.id)
    assert row.contact_email is None and row.contact_phone is None and not row.active


def test_two_deleted_accounts_get_distinct_placeholders(app):
    a, b = make_user("founder"), make_user("investor")
    erasure.anonymise(a)
    erasure.anonymise(b)
    assert a.email != b.email


def test_staff_cannot_delete_themselves(app):
    staff = make_user("staff")
    client = app.test_client()
    log_in(client, staff)
    response = client.post("/account/delete", data={"password": DEFAULT_PASSWORD})
    assert response.status_code == 422 and db.session.get(User, staff.id).active


def test_cli_role_change_and_deactivation_are_audited_and_end_sessions(app):
    user = make_user("founder", "skift.rolle@example.no")
    client = app.test_client()
    log_in(client, user)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["users", "set-role", "skift.rolle@example.no", "investor"])
    assert result.exit_code == 0, result.output
    assert db.session.get(User, user.id).role == "investor"
    assert client.get("/account/tokens").status_code == 302  # the old session ended
    result = runner.invoke(args=["users", "deactivate", "skift.rolle@example.no"])
    assert result.exit_code == 0 and not db.session.get(User, user.id).active
    result = runner.invoke(args=["users", "activate", "skift.rolle@example.no"])
    assert result.exit_code == 0 and db.session.get(User, user.id).active
    actions = [e.action for e in db.session.scalars(select(AuditEvent).where(
        AuditEvent.target == f"user:{user.id}").order_by(AuditEvent.id))]
    assert actions == ["role_changed", "user_deactivated", "user_reactivated"]
    detail = db.session.scalar(select(AuditEvent.detail).where(
        AuditEvent.action == "role_changed"))
    assert detail == "founder -> investor"
    assert runner.invoke(args=["users", "deactivate", "nobody@example.no"]).exit_code != 0


def test_a_deleted_account_reads_deleted_in_the_readers_language(app):
    founder, pitch, investor, profile, _token = _setup()
    arena = db.session.scalar(select(Invitation.arena_id).where(Invitation.user_id == founder.id))
    client = app.test_client()
    log_in(client, founder)
    assert client.post("/account/delete", data={"password": DEFAULT_PASSWORD}).status_code == 303
    staff = make_user("staff")
    for lang, word in (("nb", "Slettet bruker"), ("en", "Deleted user")):
        viewer = app.test_client()
        log_in(viewer, staff)
        viewer.post("/language", data={"lang": lang})
        page = viewer.get(f"/staff/arenas/{arena}/invitations").get_data(as_text=True)
        assert word in page
        if lang == "nb":
            assert "Deleted user" not in page  # neither in the table nor in the buttons' names
    with app.test_request_context(), force_locale("nb"):
        notes = {note.kind: notifications.text(note) for note in db.session.scalars(
            select(Notification).where(Notification.user_id == investor.id))}
        # their pitch reads "Deleted pitch" (it read "Deleted user"), and the notices say the
        # founder left (test_notices_after_account_deleted.py)
        assert all("har siden forlatt Koble" in text for text in notes.values())
        assert all("«Slettet pitch»" in text for text in notes.values()) and len(notes) == 2


def test_delete_leaves_a_longer_address_that_holds_the_persons_own(app):
    """Deleting ingrid@x.no must not turn someone else's jo.ingrid@x.no into "jo.(deleted)"."""
    founder = make_user("founder", "ingrid@x.no")
    other = make_user("founder", "jo.ingrid@x.no")
    audit.record("login_failed", detail="ingrid@x.no")
    audit.record("login_failed", actor=other, target=f"user:{other.id}",
                 detail="jo.ingrid@x.no")
    audit.record("login_failed", detail="ingrid@x.no.example")
    client = app.test_client()
    log_in(client, founder)

    assert client.post("/account/delete", data={"password": DEFAULT_PASSWORD}).status_code \
        == 303

    details = list(db.session.scalars(select(AuditEvent.detail).where(
        AuditEvent.action == "login_failed").order_by(AuditEvent.id)))
    assert details == ["(deleted)", "jo.ingrid@x.no", "ingrid@x.no.example"]


def test_delete_takes_the_earlier_addresses_out_of_the_audit_trail(app):
    founder, *_ = _setup()
    first, asked, taken_now = "ingrid@gammel.no", "ingrid@aldri.no", "ingrid@jobb.no"
    for old, new in ((first, taken_now), (taken_now, FOUNDER_EMAIL)):
        audit.record("email_changed", actor=founder, target=f"user:{founder.id}",
                     detail=f"{old} -> {new}")
    audit.record("email_change_requested", actor=founder, target=f"user:{founder.id}",
                 detail=asked)
    audit.record("login_failed", detail=first)
    # The address Ingrid left is someone else's now: their own events keep it.
    other = make_user("founder", taken_now)
    audit.record("login_failed", actor=other, target=f"user:{other.id}", detail=taken_now)
    client = app.test_client()
    log_in(client, founder)

    assert client.post("/account/delete", data={"password": DEFAULT_PASSWORD}).status_code \
        == 303

    mine = [e for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
            if e.actor_id != other.id]
    assert not any(address in (e.detail or "") + (e.target or "")
                   for e in mine for address in (first, asked, taken_now, FOUNDER_EMAIL))
    # The events stay, only the addresses go.
    assert [e.detail for e in mine if e.action == "email_changed"] == [
        "(deleted) -> (deleted)", "(deleted) -> (deleted)"]
    assert [e.detail for e in mine if e.action == "login_failed"] == ["(deleted)", "(deleted)"]
    assert db.session.scalar(select(AuditEvent.detail).where(
        AuditEvent.actor_id == other.id)) == taken_now
