"""`flask arenas times ARENA_ID EMAIL`: operators show and set a person's times at an arena
through the staff rules of app/services/availability.py; bad input exits non-zero with an
English message and changes nothing.

The test arena (tests/factories.make_arena): 8 slots of 15 minutes from 09:00 (so 09:00–11:00),
slot 4 (10:00) a break.
"""

from __future__ import annotations

import contextvars
from datetime import UTC, date, datetime

import pytest

from app.extensions import db
from app.models import AuditEvent, Meeting
from tests.app.arena_times_support import stored
from tests.factories import (
    make_arena,
    make_done_arena,
    make_invitation,
    make_meeting,
    make_participant,
    make_user,
)


@pytest.fixture
def app_overrides() -> dict:
    # as in production: the command must not fall back to the site's bokmål
    return {"BABEL_DEFAULT_LOCALE": "nb"}


HELD = ("The arena has taken place: who is invited, their times and meeting caps can no longer be "
        "changed, and no invitations or reminders are sent.")


def run(app, *args: str):
    """Run the command as `flask` does: an app context of its own, no request."""
    runner = app.test_cli_runner()
    result = contextvars.Context().run(runner.invoke, args=["arenas", "times", *args])
    db.session.expire_all()
    return result


def refused(result, message: str) -> bool:
    return (result.exit_code == 1 and f"Error: {message}" in result.output
            and "Traceback" not in result.output)


def test_shows_a_persons_times_and_the_choices(app):
    arena = make_arena(meeting_cap=3)
    person = make_participant(arena, "founder", arrive_slot=1, meeting_cap=2)
    result = run(app, str(arena.id), person.user.email.upper())
    assert result.exit_code == 0, result.output
    assert f"{person.user.name} <{person.user.email}>: founder, accepted" in result.output
    assert ("arrives 09:15, leaves 11:00 (6 meeting slots), at most 2 meetings (own limit; "
            "the arena's is 3)") in result.output
    assert "arrival times: 09:00, 09:15, 09:30" in result.output
    assert "leaving times: 09:15, " in result.output and ", 11:00" in result.output
    assert stored(person.id) == (1, None, 2)
    assert db.session.query(AuditEvent).filter_by(action="availability_set").count() == 0


def test_sets_times_then_clears_them(app):
    arena = make_arena(meeting_cap=3)
    person = make_participant(arena, "investor")
    result = run(app, str(arena.id), person.user.email, "--arrive", "09:15", "--leave",
                 "10:30", "--cap", "1")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Saved.\n")
    assert "arrives 09:15, leaves 10:30 (4 meeting slots), at most 1 meeting " in result.output
    assert stored(person.id) == (1, 6, 1)
    [event] = db.session.query(AuditEvent).filter_by(action="availability_set")
    assert event.actor_id is None and "arrive=09:15 leave=10:30 cap=1" in event.detail
    # one option keeps the others
    assert run(app, str(arena.id), person.user.email, "--cap", "2").exit_code == 0
    assert stored(person.id) == (1, 6, 2)
    same = run(app, str(arena.id), person.user.email, "--cap", "2")
    assert same.exit_code == 0 and same.output.startswith("Nothing changed.\n")
    # --clear goes back to the arena's own, then applies what comes with it
    assert run(app, str(arena.id), person.user.email, "--clear", "--leave", "10:00"
               ).exit_code == 0
    assert stored(person.id) == (None, 4, None)
    assert run(app, str(arena.id), person.user.email, "--clear").exit_code == 0
    assert stored(person.id) == (None, None, None)


def test_after_the_schedule_meetings_that_no_longer_fit_are_called_off(app):
    arena = make_arena(status="scheduled", table_count=4)
    founder = make_participant(arena, "founder")
    investors = [make_participant(arena, "investor") for _ in range(3)]
    for slot, investor in zip((0, 3, 6), investors, strict=True):
        make_meeting(arena, founder, investor, slot=slot, table=0)
    result = run(app, str(arena.id), founder.user.email, "--leave", "10:00")
    assert result.exit_code == 0, result.output
    assert "1 meeting no longer fit and was called off. Re-run the schedule" in result.output
    left = db.session.query(Meeting).filter_by(arena_id=arena.id, state="scheduled")
    assert sorted(m.slot for m in left) == [0, 3]


BAD = [
    (["--arrive", "08:00"],
     "Choose an arrival time from the arena's slots. Arrival times: 09:00, 09:15,"),
    (["--arrive", "09:10"], "Choose an arrival time from the arena's slots."),
    (["--leave", "12:00"],
     "Choose a leaving time from the arena's slots. Leaving times: 09:15, "),
    (["--arrive", "10:00", "--leave", "09:30"],
     "The leaving time must be after the arrival time."),
    (["--arrive", "10:00", "--leave", "10:15"], "There is no meeting slot between these times"),
    (["--cap", "4"], "Enter a number of meetings from 0 to 3."),
    (["--cap", "999999999999"], "Enter a number of meetings from 0 to 3."),
    (["--cap", "two"], "Enter a whole number."),
]


@pytest.mark.parametrize(("options", "message"), BAD)
def test_bad_input_exits_non_zero_in_english_and_changes_nothing(app, options, message):
    arena = make_arena(meeting_cap=3)
    person = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    result = run(app, str(arena.id), person.user.email, *options)
    assert refused(result, message), result.output
    assert stored(person.id) == (1, 6, 2)
    assert db.session.query(AuditEvent).filter_by(action="availability_set").count() == 0


def test_unknown_arena_person_or_list_place_exits_non_zero(app):
    arena = make_arena()
    person = make_participant(arena, "founder")
    stranger = make_user("investor")
    assert refused(run(app, "999999", person.user.email), "No arena with the id 999999.")
    assert refused(run(app, str(arena.id), "nobody@example.no", "--cap", "1"),
                   "No account with the e-mail nobody@example.no.")
    assert refused(run(app, str(arena.id), stranger.email, "--cap", "1"),
                   f"{stranger.email} is not on the list of arena {arena.id}")
    assert run(app, "abc", person.user.email).exit_code == 2  # click's usage error
    assert stored(person.id) == (None, None, None)


def test_a_done_arena_cannot_be_changed(app):
    arena = make_done_arena()
    person = make_invitation(arena, make_user("founder"), "accepted")
    assert refused(run(app, str(arena.id), person.user.email, "--leave", "09:30"), HELD)
    assert stored(person.id) == (None, None, None)


@pytest.mark.parametrize("options", [["--leave", "12:00"], ["--arrive", "9"],
                                     ["--cap", "two"]])
@pytest.mark.parametrize("fields", [{"status": "done", "date": date(2025, 3, 12),
                                     "rsvp_deadline": datetime(2025, 3, 1, tzinfo=UTC)},
                                    {"status": "scheduled", "date": date(2025, 3, 12),
                                     "rsvp_deadline": datetime(2025, 3, 1, tzinfo=UTC)}])
def test_a_held_arena_says_it_is_held_before_what_is_wrong_with_a_time(app, fields, options):
    """A badly written time or cap at an arena that took place (marked done, or over) was
    answered with the time's error ("Choose a leaving time from the arena's slots. …"), and
    once that was put right, with the held reason: no value would have done."""
    arena = make_arena(meeting_cap=3, **fields)
    person = make_participant(arena, "founder", arrive_slot=1, leave_slot=6)
    result = run(app, str(arena.id), person.user.email, *options)
    assert refused(result, HELD), result.output
    assert "Choose" not in result.output and "Enter" not in result.output
    assert stored(person.id) == (1, 6, None)
