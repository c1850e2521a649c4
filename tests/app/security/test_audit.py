"""The audit trail: security events recorded, no passwords or tokens, no forged lines."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent
from app.services import audit
from app.services.audit import _CONTROL
from tests.factories import outbox_of

P1 = "første passord for kari 1"
WRONG = "feil passord prøvd av kari 2"
P2 = "andre passord for kari 3"
P3 = "tredje passord via lenke 4"
EMAIL = "kari@example.no"


def _rows() -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def _text(row: AuditEvent) -> str:
    return " | ".join(str(getattr(row, c.name)) for c in AuditEvent.__table__.columns)


def test_security_events_are_recorded_without_passwords_or_tokens(app, client):
    client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": EMAIL, "municipality": "asker",
        "association": "", "password": P1, "confirm": P1})
    client.post("/auth/logout")
    client.post("/auth/login", data={"email": EMAIL, "password": WRONG})
    client.post("/auth/login", data={"email": WRONG, "password": WRONG})  # typed in wrong box
    client.post("/auth/login", data={"email": EMAIL, "password": P1})
    client.post("/auth/password", data={"current_password": P1, "new_password": P2,
                                        "confirm": P2})
    client.post("/auth/logout")
    client.post("/auth/reset", data={"email": EMAIL})
    link = next(w for w in outbox_of(app)[-1].body.split() if "/auth/reset/" in w)
    token = link.rsplit("/", 1)[1]
    client.post(f"/auth/reset/{token}", data={"password": P3, "confirm": P3})

    rows = _rows()
    actions = [r.action for r in rows]
    for action in ("register", "logout", "login_failed", "login", "password_changed",
                   "password_reset_requested", "password_reset"):
        assert action in actions, (action, actions)
    assert all(r.ip for r in rows if r.action.startswith("login"))
    secrets = [P1, WRONG, P2, P3, token] + [part for part in token.split(".") if len(part) > 8]
    for row in rows:
        text = _text(row)
        for secret in secrets:
            assert secret not in text, (row.action, secret)


def test_log_injection_in_the_email_field_is_neutralised(client):
    forged = "mallory@evil.no\x1b[2K\r\x85\u2028\u202e2026-01-01 login admin ok"
    client.post("/auth/login", data={"email": "ev\x1b[31mil@x.no", "password": "whatever 123"})
    client.post("/auth/login", data={"email": forged, "password": "whatever 123"})
    client.post("/auth/login", data={"email": "x@y.no\nlogin ok user=admin",
                                     "password": "whatever 123"})
    rows = [r for r in _rows() if r.action == "login_failed"]
    assert len(rows) == 3
    for row in rows:
        for value in (row.action, row.target, row.detail, row.ip):
            assert value is None or not _CONTROL.search(value), repr(value)
            assert value is None or len(value.splitlines()) <= 1, repr(value)


def test_record_neutralises_every_line_breaking_character(app):
    with app.test_request_context():
        event = audit.record("staff_action\nforged", target="pitch:1\r\n",
                             detail="a\nb\rc\x85d\u2028e\u2029f\x00g\x1bh\u202ei\ufeffj")
    assert "\n" not in event.action
    assert event.detail.splitlines() == [event.detail]
    assert not _CONTROL.search(event.detail + event.target + event.action)
