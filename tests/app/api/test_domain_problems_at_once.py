"""A refusal the domain layer makes names every problem it found, as a body's own refusals do
(test_every_problem_at_once): the API's domain handler answered the first of a Problems
(several broken rules found at once, each at its field) alone, and the arena times' PUT said
the window's rule (leaving after arriving) only once the meeting cap was right, in a second
round. The shape is the same `{"error": {"code", "message", "fields", "request_id"}}`."""

from __future__ import annotations

import pytest

from app.api.refusals import domain_error
from app.extensions import db
from app.services.errors import DomainError, Problems
from tests.app.api.helpers import bearer
from tests.app.arena_times_support import audits, stored
from tests.factories import make_arena, make_participant, make_user


def _answer(app, error: DomainError) -> tuple[int, dict]:
    with app.test_request_context("/api/v1/profile", method="PUT"):
        response = domain_error(error)
        return response.status_code, response.get_json()["error"]


def test_every_problem_of_a_domain_refusal_is_named(app):
    status, error = _answer(app, Problems([
        DomainError("Give the token a name of at most 80 characters.", "name"),
        DomainError("Choose read or read-write.", "scope"),
        DomainError("You have too many tokens; revoke one first."),
        DomainError("The password is wrong.", "password")]))
    assert status == 422 and error["code"] == "validation_error"
    assert error["fields"] == {"name": ["Give the token a name of at most 80 characters."],
                               "scope": ["Choose read or read-write."],
                               "password": ["The password is wrong."]}
    # the problem about no field is in the message, with the others, in the domain's order
    assert error["message"] == ("Give the token a name of at most 80 characters. Choose read "
                                "or read-write. You have too many tokens; revoke one first. "
                                "The password is wrong.")


def test_a_field_keeps_each_of_its_problems_and_a_problem_each_of_its_fields(app):
    _status, error = _answer(app, Problems([
        DomainError("Pages' words.", "title", api_message="The API's words."),
        DomainError("Needs a date and a venue.", fields=("date", "venue")),
        DomainError("The date is a holiday.", "date")]))
    assert error["fields"] == {"title": ["The API's words."],
                               "date": ["Needs a date and a venue.", "The date is a holiday."],
                               "venue": ["Needs a date and a venue."]}
    assert error["message"] == ("The API's words. Needs a date and a venue. The date is a "
                                "holiday.")


def test_a_single_domain_refusal_is_answered_as_before(app):
    """Guard: one DomainError keeps its words as the message, under each field it names."""
    _status, error = _answer(app, DomainError("A published pitch needs a description.",
                                              fields=("description", "sectors")))
    assert error["message"] == "A published pitch needs a description."
    assert error["fields"] == {"description": ["A published pitch needs a description."],
                               "sectors": ["A published pitch needs a description."]}


WORDS = {"en": {"leave": "The leaving time must be after the arrival time.",
                "cap": "Enter a number of meetings from 0 to 3."},
         "nb": {"leave": "Avreisetiden må være etter ankomsttiden.",
                "cap": "Skriv et antall møter fra 0 til 3."}}


@pytest.mark.parametrize("locale", ["en", "nb"])
@pytest.mark.parametrize("who", ["invitee", "staff"])
def test_times_name_the_window_and_the_cap_in_one_answer(client, locale, who):
    """Leaving before arriving with a cap over the arena's: the cap was refused alone, and
    the window once the cap was mended. Nothing changes."""
    arena = make_arena(meeting_cap=3)
    me = make_participant(arena, "founder", arrive_slot=1, leave_slot=6, meeting_cap=2)
    caller = me.user if who == "invitee" else make_user("staff", association="asker")
    caller.locale = locale
    db.session.commit()
    path = (f"/api/v1/arenas/{arena.id}/times" if who == "invitee"
            else f"/api/v1/arenas/{arena.id}/invitations/{me.id}/times")
    response = client.put(path, headers=bearer(caller),
                          json={"arrive": "10:30", "leave": "09:30", "meeting_cap": 99})
    assert response.status_code == 422
    error = response.get_json()["error"]
    said = WORDS[locale]
    assert error["fields"] == {"leave": [said["leave"]], "meeting_cap": [said["cap"]]}
    assert error["message"] == f"{said['leave']} {said['cap']}"
    assert stored(me.id) == (1, 6, 2) and audits() == []
