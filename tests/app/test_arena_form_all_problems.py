"""The arena form shows every problem in one round: the service's rules (a past date, an end
before the start, a deadline after the arena, unreadable break slots) came only after the
form's own refusals (numbers, required fields) were fixed, one at a time. A rule that reads a
value the form could not read, or one that makes no sense of it (slots against an arena that
ends before it starts), is left out rather than reported wrongly. Nothing is saved."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.extensions import db
from app.models import Arena
from tests.app.test_arenas_staff import arena_form
from tests.factories import make_arena, make_user


@pytest.fixture
def staff(auth):
    user = make_user("staff", association="asker")
    auth.login(user.email)
    return user


def _errors(page: str) -> dict[str, str]:
    """Each marked field's error text, by field name."""
    found = {}
    for chunk in page.split('-error">')[:-1]:
        name = chunk.rsplit('id="', 1)[1]
        found[name] = page.split(f'id="{name}-error">', 1)[1].split("</div>", 1)[0]
    return found


def test_every_problem_is_shown_at_once(client, staff):
    response = client.post("/staff/arenas/new", data=arena_form(
        title="", venue="", date="2020-01-01", start_time="14:00", end_time="10:00",
        founder_capacity="mange", investor_capacity="0", slot_minutes="7", slot_count="500",
        breaks="lunsj", table_count="-1", meeting_cap="x",
        rsvp_deadline="2027-02-01T12:00"))
    assert response.status_code == 422
    errors = _errors(response.get_data(as_text=True))
    assert set(errors) == {"title", "venue", "founder_capacity", "investor_capacity",
                           "slot_count", "table_count", "meeting_cap", "breaks", "date",
                           "end_time", "rsvp_deadline"}
    assert "date has passed" in errors["date"]
    assert "end after it starts" in errors["end_time"]
    assert "separated by commas" in errors["breaks"]
    assert "deadline must be before the arena starts" in errors["rsvp_deadline"]
    # The form's own range message only: no second opinion from the service, and no sum of
    # 500 slots against an arena that ends before it starts.
    assert "take" not in errors["slot_count"]
    assert "11 problems to fix" in response.get_data(as_text=True)
    assert db.session.query(Arena).count() == 0


def test_service_rules_come_with_the_forms_own(client, staff):
    # One unreadable number and one past date: both, in the same answer.
    response = client.post("/staff/arenas/new", data=arena_form(
        table_count="many", date="2020-01-01", rsvp_deadline="2019-12-01T12:00"))
    errors = _errors(response.get_data(as_text=True))
    assert set(errors) == {"table_count", "date", "rsvp_deadline"}
    assert "date has passed" in errors["date"]
    assert "deadline has passed" in errors["rsvp_deadline"]
    assert db.session.query(Arena).count() == 0


def test_slots_are_checked_against_readable_times_even_when_other_fields_are_wrong(
        client, staff):
    response = client.post("/staff/arenas/new", data=arena_form(
        title="", slot_count="13", breaks="14, 15"))
    errors = _errors(response.get_data(as_text=True))
    assert "take 195 minutes" in errors["slot_count"]
    assert "Break slots must be between" in errors["breaks"]
    assert "title" in errors


def test_an_edit_shows_every_problem_and_changes_nothing(client, staff):
    arena = make_arena()
    before = (arena.title, arena.date, arena.end_time, arena.table_count)
    yesterday = date.today() - timedelta(days=1)
    response = client.post(f"/staff/arenas/{arena.id}/edit", data=arena_form(
        version=str(arena.version), title="Nytt navn", table_count="0",
        date=yesterday.isoformat(), end_time="08:00",
        rsvp_deadline=(date.today() + timedelta(days=60)).isoformat() + "T12:00"))
    assert response.status_code == 422
    errors = _errors(response.get_data(as_text=True))
    assert set(errors) == {"table_count", "date", "end_time", "rsvp_deadline"}
    db.session.expire_all()
    arena = db.session.get(Arena, arena.id)
    assert (arena.title, arena.date, arena.end_time, arena.table_count) == before
