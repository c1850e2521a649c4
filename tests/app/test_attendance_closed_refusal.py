"""A mark refused because attendance is closed is told apart from other refusals by its type
(attendance.AttendanceClosed), not by comparing its words with closed_because's: the route
compared the refusal's sentence with the reason read again after it, so when the reason
changed in between (another staff member cancelled the arena while the mark was refused)
the page showed both, the stale refusal flashed above the page's current reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.models import Invitation
from app.services import attendance
from app.services.errors import DomainError
from tests.factories import make_arena, make_participant, make_user

NOT_PUBLISHED = {
    "en": "The meeting schedule is not published yet, so nobody can be marked present or "
          "absent.",
    "nb": "Møteplanen er ikke publisert ennå, så ingen kan markeres som til stede eller "
          "fraværende.",
}
CANCELLED = {
    "en": "The arena is cancelled, so nobody can be marked present or absent.",
    "nb": "Arenaen er avlyst, så ingen kan markeres som til stede eller fraværende.",
}


def _arena(**fields):
    values = {"date": (datetime.now(UTC) + timedelta(days=30)).date(),
              "rsvp_deadline": datetime.now(UTC) - timedelta(days=9), "status": "scheduled"}
    values.update(fields)
    return make_arena(**values)


@pytest.mark.parametrize("fields", [
    {"status": "cancelled"},
    {"status": "inviting"},
    {"status": "scheduled"},  # built, not published
    {"status": "scheduled", "schedule_published_at": datetime.now(UTC)},  # before its day
])
def test_a_closed_mark_is_refused_as_attendance_closed(app, fields):
    arena = _arena(**fields)
    founder = make_participant(arena, "founder")
    staff = make_user("staff", association="asker")
    with app.test_request_context():
        with pytest.raises(attendance.AttendanceClosed) as refused:
            attendance.mark(staff, arena, founder.id, True)
        assert refused.value.message == attendance.closed_because(arena)


def test_a_mark_by_someone_who_did_not_accept_is_not_attendance_closed(app):
    arena = _arena(schedule_published_at=datetime.now(UTC),
                   date=(datetime.now(UTC) - timedelta(days=2)).date())
    declined = make_participant(arena, "founder")
    declined.state = "declined"
    db.session.commit()
    with app.test_request_context(), pytest.raises(DomainError) as refused:
        attendance.mark(make_user("staff", association="asker"), arena, declined.id, True)
    assert not isinstance(refused.value, attendance.AttendanceClosed)


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_a_closed_mark_is_not_flashed_when_the_reason_changed_meanwhile(
        client, auth, monkeypatch, lang):
    """The mark is refused (not published); before the page is read again, another staff
    member cancels the arena. The page says the reason that holds now, and only that."""
    arena = _arena()
    founder = make_participant(arena, "founder")
    auth.login(make_user("staff", association="asker").email)
    client.post("/language", data={"lang": lang})
    mark = attendance.mark

    def mark_while_cancelled(staff, arena, invitation_id, attended):
        try:
            return mark(staff, arena, invitation_id, attended)
        finally:
            arena.status = "cancelled"
            db.session.commit()

    monkeypatch.setattr(attendance, "mark", mark_while_cancelled)
    response = client.post(f"/staff/arenas/{arena.id}/attendance/{founder.id}",
                           data={"attended": "yes"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert page.count(CANCELLED[lang]) == 1
    assert NOT_PUBLISHED[lang] not in page and page.count('class="alert') == 1
    db.session.expire_all()
    assert db.session.get(Invitation, founder.id).attended is None
