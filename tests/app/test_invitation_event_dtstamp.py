"""The arena's own event in a participant's calendar file keeps its DTSTAMP while it does not
change for them either. 4e47e94 took it from Arena.calendar_changed_at, but also from the
person's Invitation.updated_at, the later, and their own times (or a reminder, or staff
marking attendance) write that row: the next file (a schedule e-mail carries one) held the
unchanged event with a new DTSTAMP at the same SEQUENCE, which some calendar apps take for a
new revision. It now comes from Invitation.calendar_changed_at, set when the person's
calendar_sequence rises (invited, coming, no longer coming)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from app.models import Invitation
from app.services.agenda_calendar import arena_uid
from app.services.reference import ensure_associations
from tests.app.arena_calendar import events
from tests.app.test_migrations import empty_database_url  # noqa: F401 - the fixture
from tests.factories import make_arena, make_participant


def _an_hour_ago(arena, invitation) -> None:
    """As if the arena and the invitation were last written an hour ago."""
    then = datetime.now(UTC) - timedelta(hours=1)
    db.session.execute(text("UPDATE arena SET updated_at = :then, calendar_changed_at = :then "
                            "WHERE id = :id"), {"then": then, "id": arena.id})
    db.session.execute(text("UPDATE invitation SET updated_at = :then WHERE id = :id"),
                       {"then": then, "id": invitation.id})
    # (Without the column, on the code before it, the same test shows the stamp moving.)
    if hasattr(Invitation, "calendar_changed_at"):
        db.session.execute(text("UPDATE invitation SET calendar_changed_at = :then "
                                "WHERE id = :id"), {"then": then, "id": invitation.id})
    db.session.commit()
    db.session.expire_all()


def _stamp_and_sequence(event) -> tuple[datetime, int]:
    return event.decoded("DTSTAMP"), int(event["SEQUENCE"])


def test_the_persons_own_times_leave_the_arena_event_stamp_as_it_was(client, auth):
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    _an_hour_ago(arena, founder)
    uid = arena_uid(arena)
    before = _stamp_and_sequence(events(client, auth, founder, arena)[uid])
    response = client.post(f"/arenas/{arena.id}/times",
                           data={"arrive_slot": "2", "leave_slot": "6", "meeting_cap": "2"})
    assert response.status_code == 302
    db.session.expire_all()
    written = db.session.get(Invitation, founder.id)
    assert written.arrive_slot == 2  # the row was written, its updated_at moved
    assert _stamp_and_sequence(events(client, auth, founder, arena)[uid]) == before


def test_a_cancelled_participation_moves_the_stamp_and_the_sequence(client, auth):
    """A guard: what the event says changed (CANCELLED), so both move, as before."""
    arena = make_arena(status="inviting")
    founder = make_participant(arena, "founder")
    _an_hour_ago(arena, founder)
    uid = arena_uid(arena)
    stamp, sequence = _stamp_and_sequence(events(client, auth, founder, arena)[uid])
    assert client.post(f"/arenas/{arena.id}/withdraw").status_code in (302, 303)
    after = events(client, auth, founder, arena)[uid]
    assert str(after["STATUS"]) == "CANCELLED"
    assert after.decoded("DTSTAMP") > stamp + timedelta(minutes=30)
    assert int(after["SEQUENCE"]) == sequence + 1


def test_the_migration_starts_from_the_stamp_files_were_sent_with(
        empty_database_url):  # noqa: F811
    """The row's updated_at, which the files' DTSTAMP was: the next file shows the
    unchanged event as it was."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        ensure_associations()
        invitation_id = make_participant(make_arena(), "founder").id
        db.session.remove()
        downgrade(revision="d4e8b2f6a1c7")
        with db.engine.begin() as connection:
            connection.execute(text("UPDATE invitation SET updated_at = '2026-12-01 10:00:00'"))
        upgrade()
        with db.engine.connect() as connection:
            stamp = connection.execute(text(
                "SELECT calendar_changed_at FROM invitation WHERE id = :id"),
                {"id": invitation_id}).scalar_one()
        downgrade(revision="base")
        db.engine.dispose()
    stamp = datetime.fromisoformat(str(stamp)) if not isinstance(stamp, datetime) else stamp
    assert stamp.replace(tzinfo=None) == datetime(2026, 12, 1, 10, 0)
