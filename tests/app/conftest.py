"""Fixtures shared by the app tests: the matches' tiny market, a logged-in staff member,
meeting requests waiting for an answer."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.services import matching, meeting_requests
from tests.app.matching_data import tiny_market
from tests.factories import make_arena, make_participant, make_user


@pytest.fixture
def market(app):
    """The tiny market (tests/app/matching_data.py), scored by a rebuild; a module that needs
    it unscored or changed defines its own `market`."""
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    data = tiny_market()
    matching.rebuild()
    return data


@pytest.fixture
def staff(client, auth):
    """A staff member of Asker (which hosts the factories' arenas), logged in; a module
    that needs another staff member defines its own `staff`."""
    user = make_user("staff", association="asker")
    auth.login(user.email)
    return user


@pytest.fixture
def waiting_requests(app):
    """At an inviting arena that takes one meeting request from each, a founder asked one
    investor (`asked`, English) and was asked by another (`asker`, bokmål), both still
    unanswered; an investor of another pair asked another founder. What the founder's
    leaving Koble or stopping coming ends (test_leaving_ends_requests.py,
    test_stopping_ends_requests.py). `founder` is the user, `invitation` theirs there."""
    arena = make_arena(status="inviting", meeting_cap=1)
    founder = make_participant(arena, "founder")
    asked, asker = make_participant(arena, "investor"), make_participant(arena, "investor")
    asked.user.locale, asker.user.locale = "en", "nb"
    other_founder = make_participant(arena, "founder")
    db.session.commit()
    meeting_requests.request_meeting(founder.user, arena.id, asked.user_id)
    meeting_requests.request_meeting(asker.user, arena.id, founder.user_id)
    meeting_requests.request_meeting(asked.user, arena.id, other_founder.user_id)
    return {"arena": arena, "founder": founder.user, "invitation": founder,
            "asked": asked.user, "asker": asker.user, "other_founder": other_founder.user}
