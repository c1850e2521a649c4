"""A person's data download holds the audit trail's events about them, not only those they
made: an administrator changing their role or closing their account, staff marking their
attendance, and the failed logins with their address typed. Before, "security_events" held
only the events the person was the actor of. Another person's address (an attempt made by
someone else, a staff member's change) is not theirs and stays out."""

from __future__ import annotations

from app.extensions import db
from app.models import AuditEvent
from app.services import account_access
from tests.app.security.principals import log_in
from tests.factories import make_arena, make_user


def _download(app, person) -> list[dict]:
    client = app.test_client()
    log_in(client, person)
    return client.get("/account/export").get_json()["security_events"]


def test_the_download_holds_the_events_about_the_person(app):
    person = make_user("founder", "kari.nordmann@grunder.no")
    admin = make_user("admin", association=None)
    other = make_user("founder", "ola@grunder.no")
    arena = make_arena()
    account_access.set_role(person, "investor", actor=admin)
    db.session.add_all([
        AuditEvent(action="login_failed", detail="kari.nordmann@grunder.no", ip="203.0.113.9"),
        AuditEvent(action="attendance_marked", actor_id=admin.id, target=f"arena:{arena.id}",
                   detail=f"user:{person.id} attended=True", ip="198.51.100.7"),
        # not the person's: another address, another id that begins with the same digits
        AuditEvent(action="login_failed", detail="ola@grunder.no"),
        AuditEvent(action="attendance_marked", actor_id=admin.id, target=f"arena:{arena.id}",
                   detail=f"user:{person.id}0 attended=True"),
        AuditEvent(action="login", actor_id=other.id, target=f"user:{other.id}"),
    ])
    db.session.commit()

    events = _download(app, person)

    by_action = {e["action"]: e for e in events}
    assert by_action["role_changed"]["detail"] == "founder -> investor"
    assert by_action["role_changed"]["target"] == f"user:{person.id}"
    assert [e["detail"] for e in events if e["action"] == "login_failed"] \
        == ["kari.nordmann@grunder.no"]
    assert [e["detail"] for e in events if e["action"] == "attendance_marked"] \
        == [f"user:{person.id} attended=True"]
    assert all(e["actor_id"] != other.id for e in events)
    # someone else's address is not the person's data
    assert "203.0.113.9" not in repr(events) and "198.51.100.7" not in repr(events)
    assert all("ip" not in e for e in events if e["actor_id"] != person.id)


def test_the_persons_own_events_keep_their_address(app):
    person = make_user("founder", "kari.nordmann@grunder.no")
    db.session.add(AuditEvent(action="password_changed", actor_id=person.id, ip="192.0.2.4"))
    db.session.commit()

    events = _download(app, person)

    assert [e["ip"] for e in events if e["action"] == "password_changed"] == ["192.0.2.4"]
