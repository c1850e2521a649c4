"""Once an arena has taken place (Arena.held: marked done, or its end has passed) its meeting
schedule is the record that attendance, feedback and "met before" read: staff can no longer
build it, re-run it, publish a draft of it, or move, lock, cancel or restore its meetings.
Each is refused with the reason the schedule page states in place of the buttons, and
nothing changes. Before, only the status was read: an arena whose end had passed but which
staff had not marked done ("scheduled") could be re-run, rewriting the meetings that had
happened, and a draft nobody was told of could be published, mailing agendas for an arena
that was over."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Arena, AuditEvent, Meeting, Notification
from app.services.errors import DomainError
from tests.factories import (
    make_arena,
    make_arena_over,
    make_meeting,
    make_people_who_fit,
    make_user,
    outbox_of,
)


@pytest.fixture
def held():
    """A published schedule that took place: one meeting (the other pairs were never
    placed), one locked, and one the organisers cancelled."""
    arena = make_arena_over(schedule_sequence=3,
                            scheduled_at=datetime.now(UTC) - timedelta(days=9))
    (f1, f2), (i1, i2) = make_people_who_fit(arena)
    met = make_meeting(arena, f1, i1, slot=0, table=0)
    locked = make_meeting(arena, f2, i2, slot=0, table=1, locked=True)
    gone = make_meeting(arena, f1, i2, slot=1, table=0, state="cancelled_by_staff")
    return arena, met, locked, gone


def snapshot(arena) -> tuple:
    """Everything a change to the schedule would touch."""
    db.session.expire_all()
    row = db.session.get(Arena, arena.id)
    meetings = db.session.execute(select(
        Meeting.id, Meeting.slot, Meeting.table, Meeting.state, Meeting.locked)
        .where(Meeting.arena_id == arena.id).order_by(Meeting.id)).all()
    return (row.status, row.schedule_sequence, row.schedule_published_at,
            [tuple(m) for m in meetings])


def told_or_audited() -> tuple[int, int]:
    return (db.session.scalar(select(func.count(Notification.id))),
            db.session.scalar(select(func.count(AuditEvent.id)).where(
                AuditEvent.action.like("schedule_%") | AuditEvent.action.like("meeting_%"))))


def base(arena) -> str:
    return f"/staff/arenas/{arena.id}"


@pytest.mark.parametrize(("lang", "says"), [
    ("en", "The arena has taken place: this schedule is its record and can no longer be changed."),
    ("nb", "Arenaen er gjennomført: møteplanen tas vare på som arkiv og kan ikke lenger "
            "endres."),
])
def test_an_arena_over_refuses_every_change_to_its_schedule_and_says_why_once(
        app, client, staff, held, lang, says):
    arena, met, locked, gone = held
    client.post("/language", data={"lang": lang})
    before = snapshot(arena)
    page = base(arena)
    for post in (f"{page}/schedule/build", f"{page}/meetings/{met.id}/lock",
                 f"{page}/meetings/{locked.id}/lock", f"{page}/meetings/{met.id}/cancel",
                 f"{page}/meetings/{gone.id}/restore"):
        response = client.post(post, data={"locked": "1"})
        assert response.status_code == 302, post
        assert client.get(response.location).get_data(as_text=True).count(says) == 1, post
    moved = client.post(f"{page}/meetings/{met.id}/move", data={"slot": "2", "table": "2"})
    assert moved.status_code == 303
    shown = client.get(moved.location).get_data(as_text=True)
    assert shown.count(says) == 1 and 'class="alert alert-danger"' not in shown
    asked = client.get(f"{page}/meetings/{met.id}/cancel")  # the page that asks first
    assert asked.status_code == 302
    assert client.get(asked.location).get_data(as_text=True).count(says) == 1
    assert snapshot(arena) == before
    assert told_or_audited() == (0, 0) and not outbox_of(app)


def test_the_page_of_an_arena_over_offers_no_change_and_says_why(client, staff, held):
    arena, met, locked, gone = held
    html = client.get(f"{base(arena)}/schedule").get_data(as_text=True)
    assert ('<p id="schedule-read-only">The arena has taken place: this schedule is its record and '
            'can no longer be changed.</p>') in html
    assert f'action="{base(arena)}/schedule/build"' not in html
    assert "/move" not in html and "/lock" not in html and "/restore" not in html
    assert f"/meetings/{met.id}/cancel" not in html
    # the record is all there
    assert f'id="meeting-{met.id}"' in html and f'id="cancelled-{gone.id}"' in html


def test_a_draft_never_published_before_the_arena_can_no_longer_be_published(app, client,
                                                                             staff):
    """Its participants were never told of it: publishing now would mail each an agenda
    for an arena that is over."""
    arena = make_arena_over(scheduled_at=datetime.now(UTC) - timedelta(days=3),
                            schedule_sequence=1)
    (f1, _f2), (i1, _i2) = make_people_who_fit(arena)
    make_meeting(arena, f1, i1, published=False)
    says = ("The arena has taken place and this draft schedule was never published: nobody "
            "was told of it, and it can no longer be changed or published.")
    html = client.get(f"{base(arena)}/schedule").get_data(as_text=True)
    assert says in html and "/schedule/publish" not in html
    before = snapshot(arena)
    for response in (client.get(f"{base(arena)}/schedule/publish"),
                     client.post(f"{base(arena)}/schedule/publish"),
                     client.post(f"{base(arena)}/schedule/build")):
        assert response.status_code == 302
        assert client.get(response.location).get_data(as_text=True).count(says) == 1
    assert snapshot(arena) == before
    assert before[2] is None  # still unpublished
    assert told_or_audited() == (0, 0) and not outbox_of(app)


def test_no_schedule_is_built_for_an_arena_over(client, staff):
    arena = make_arena_over(status="inviting")
    make_people_who_fit(arena)
    says = "The arena has taken place: a meeting schedule can no longer be built."
    assert says in client.get(f"{base(arena)}/schedule").get_data(as_text=True)
    response = client.post(f"{base(arena)}/schedule/build")
    assert client.get(response.location).get_data(as_text=True).count(says) == 1
    db.session.expire_all()
    row = db.session.get(Arena, arena.id)
    assert (row.status, row.scheduled_at) == ("inviting", None)
    assert not db.session.scalars(select(Meeting)).all()


def test_an_arena_later_today_or_ahead_still_builds(client, staff):
    """The end decides, not the day: the same arena a month ahead builds as before."""
    arena = make_arena(slot_count=2, breaks=[], table_count=2)
    make_people_who_fit(arena)
    response = client.post(f"{base(arena)}/schedule/build")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Arena, arena.id).scheduled_at is not None
    assert db.session.scalars(select(Meeting)).all()


CANCELLED = {
    "en": "The arena is cancelled: this schedule is kept as a record and can no longer be "
          "changed.",
    "nb": "Arenaen er avlyst: denne møteplanen er tatt vare på som arkiv og kan ikke lenger "
          "endres.",
}
HELD = {
    "en": "The arena has taken place: this schedule is its record and can no longer be changed.",
    "nb": "Arenaen er gjennomført: møteplanen tas vare på som arkiv og kan ikke lenger "
          "endres.",
}


def test_every_change_to_a_closed_schedule_is_refused_as_schedule_closed(app, held):
    """The refusal is told apart by its type, and says closed_because's reason."""
    from app.services import meeting_changes, schedule_publish
    from app.services import schedule as schedule_service

    arena, met, locked, gone = held
    staff = make_user("staff", association="asker")
    with app.test_request_context():
        says = schedule_service.closed_because(arena)
        for change in (lambda: schedule_service.build(staff, arena),
                       lambda: schedule_publish.publish(staff, arena),
                       lambda: schedule_publish.to_publish(arena),
                       lambda: meeting_changes.set_locked(staff, arena, met.id, True),
                       lambda: meeting_changes.move(staff, arena, met.id, 1, 1),
                       lambda: meeting_changes.cancel(staff, arena, met.id),
                       lambda: meeting_changes.restore(staff, arena, gone.id)):
            with pytest.raises(schedule_service.ScheduleClosed) as refused:
                change()
            assert refused.value.message == says


def test_a_refusal_of_an_open_schedule_is_not_schedule_closed(app):
    from app.services import schedule as schedule_service

    arena = make_arena(status="inviting")  # ahead, nobody accepted
    with app.test_request_context(), pytest.raises(DomainError) as refused:
        schedule_service.build(make_user("staff", association="asker"), arena)
    assert not isinstance(refused.value, schedule_service.ScheduleClosed)


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("change", ["lock", "move"])
def test_a_closed_refusal_is_not_shown_when_the_reason_changed_meanwhile(
        client, staff, held, monkeypatch, lang, change):
    """A lock or a move at a held arena is refused; before the page is read again, another
    staff member cancels the arena. The routes compared the refusal's words with the
    reason read again after it, so the stale "is held" was flashed (or kept at the row)
    above the page's "is cancelled". The page says the reason that holds, and only that."""
    from app.services import meeting_changes

    arena, met, _locked, _gone = held
    client.post("/language", data={"lang": lang})
    real = getattr(meeting_changes, "set_locked" if change == "lock" else "move")

    def refused_while_cancelled(staff, arena, *args):
        try:
            return real(staff, arena, *args)
        finally:
            arena.status = "cancelled"
            db.session.commit()

    monkeypatch.setattr(meeting_changes, "set_locked" if change == "lock" else "move",
                        refused_while_cancelled)
    response = client.post(f"{base(arena)}/meetings/{met.id}/{change}",
                           data={"locked": "1", "slot": "2", "table": "2"})
    assert response.status_code in (302, 303)
    page = client.get(response.location).get_data(as_text=True)
    assert page.count(CANCELLED[lang]) == 1
    assert HELD[lang] not in page and 'class="alert alert-danger"' not in page
