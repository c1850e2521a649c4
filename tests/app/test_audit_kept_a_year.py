"""The privacy page promises that the audit log of security events is kept for one year
("for one year, to investigate misuse"); the hourly `flask prune` deletes the older events.
Before, nothing ever deleted one: failed logins with the address typed, a deleted account's
events, staff's changes stayed for good."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent
from app.models.user import utcnow
from tests.factories import make_user


def _event(action, age, actor=None, detail=None):
    db.session.add(AuditEvent(action=action, actor_id=getattr(actor, "id", None),
                              detail=detail, at=utcnow() - age))


def test_prune_deletes_audit_events_older_than_a_year_and_keeps_the_rest(app):
    person = make_user("founder", "kari.nordmann@grunder.no")
    _event("login_failed", timedelta(days=366), detail="kari.nordmann@grunder.no")
    _event("login", timedelta(days=370), actor=person)
    _event("login", timedelta(days=364), actor=person)
    _event("login_failed", timedelta(days=2), detail="kari.nordmann@grunder.no")
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["prune"])

    assert result.exit_code == 0, result.output
    assert "Audit events older than a year deleted: 2." in result.output
    db.session.expire_all()
    ages = sorted((utcnow() - e.at.replace(tzinfo=utcnow().tzinfo)).days
                  for e in db.session.scalars(select(AuditEvent).where(
                      AuditEvent.action.in_(("login", "login_failed")))))
    assert ages == [2, 364]


def test_the_privacy_page_says_what_prune_keeps(app):
    """The page's year and the code's are the same."""
    from app.services import audit

    assert audit.KEEP.days == 365
    page = app.test_client().get("/privacy", headers={"Accept-Language": "en"})
    assert "for one year" in page.get_data(as_text=True)
