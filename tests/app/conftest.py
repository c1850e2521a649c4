"""Fixtures shared by the app tests: the matches' tiny market, a logged-in staff member, an
arena of people who fit each other, meeting requests waiting for an answer, the count of
SQL statements a page sends; the clock at midday in Oslo."""

from __future__ import annotations

from datetime import datetime, time

import pytest
import time_machine
from sqlalchemy import event

from app.extensions import db
from app.models.arena import LOCAL_TZ
from app.services import engine_index, meeting_requests
from tests.app.matching_data import tiny_market
from tests.factories import make_arena, make_participant, make_people_who_fit, make_user


@pytest.fixture
def midday_in_oslo():
    """The clock moved to 12:00 today in Oslo, and running on from there. A test that builds
    "an arena today whose first slot began 25 minutes ago" needs its slots to fit in the day:
    run at 23:20 the arena would end past midnight, which no arena can (its end time before
    its start time reads as over), and "begun" then failed as "over"."""
    today = datetime.now(LOCAL_TZ).date()
    with time_machine.travel(datetime.combine(today, time(12, 0), tzinfo=LOCAL_TZ), tick=True):
        yield


@pytest.fixture
def market(app):
    """The tiny market (tests/app/matching_data.py), scored by a rebuild; a module that needs
    it unscored or changed defines its own `market`."""
    app.config["MATCHING_RELOAD_SECONDS"] = 0
    data = tiny_market()
    engine_index.rebuild()
    return data


@pytest.fixture
def staff_lang() -> str | None:
    """The language `staff` saves and browses in ("nb", "en"); a module overrides this.
    None leaves both at the defaults."""
    return None


@pytest.fixture
def staff(client, auth, staff_lang):
    """A staff member of Asker (which hosts the factories' arenas), logged in, in
    `staff_lang`; a module that needs another staff member defines its own `staff`."""
    user = make_user("staff", association="asker", locale=staff_lang)
    auth.login(user.email)
    if staff_lang:
        client.post("/language", data={"lang": staff_lang})
    return user


@pytest.fixture
def fitting_room(app):
    """An arena of four slots without breaks and two tables, with two founders and two
    investors who all fit each other (tests.factories.make_people_who_fit). Returns the
    arena, the founders and the investors."""
    arena = make_arena(slot_count=4, breaks=[], table_count=2)
    founders, investors = make_people_who_fit(arena)
    return arena, founders, investors


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


@pytest.fixture
def statements(app):
    """`statements(client, url)`: the number of SQL statements a GET of `url` sends (asserting
    it answers 200)."""
    seen = []

    def count(*_args):
        seen.append(1)

    def get(client, url: str) -> int:
        seen.clear()
        assert client.get(url).status_code == 200
        return len(seen)

    event.listen(db.engine, "before_cursor_execute", count)
    yield get
    event.remove(db.engine, "before_cursor_execute", count)
