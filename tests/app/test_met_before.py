""""Met before" is a hard filter: people who met at an arena are not recommended again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.services import engine_index, exclusions, recommendations, score_refresh
from tests.factories import make_arena, make_invitation, make_meeting


def _meet(market, days_from_now: int, status: str = "scheduled", state: str = "scheduled",
          published: bool = True):
    when = datetime.now(UTC) + timedelta(days=days_from_now)
    arena = make_arena(date=when.date(), rsvp_deadline=when - timedelta(days=7), status=status)
    founder = make_invitation(arena, market["solar_founder"], state="accepted",
                              pitch_id=market["solar"].id)
    investor = make_invitation(arena, market["solar_investor"].user, state="accepted")
    return make_meeting(arena, founder, investor, state=state, published=published)


def _investor_ids(market) -> list[int]:
    return [m.investor_profile_id
            for m in recommendations.recommended_investors(market["solar"], 10)]


def _pitch_ids(market) -> list[int]:
    return [m.pitch_id
            for m in recommendations.recommended_pitches(market["solar_investor"], {}, 1).items]


def test_a_meeting_at_a_held_arena_hides_the_pair_on_both_sides(client, auth, market):
    solar, investor = market["solar"], market["solar_investor"]
    assert investor.id in _investor_ids(market) and solar.id in _pitch_ids(market)
    _meet(market, days_from_now=-3)
    assert investor.id not in _investor_ids(market)
    assert solar.id not in _pitch_ids(market)
    auth.login(market["solar_founder"].email)
    page = client.get(f"/pitches/{solar.id}/matches").get_data(as_text=True)
    assert investor.organisation not in page
    assert market["sea_investor"].organisation in page  # the others stay
    # the engine leaves the pair out of a rebuild and of a refresh too
    engine_index.rebuild()
    assert recommendations.score_for(solar.id, investor.id) is None
    score_refresh.refresh_pitch(solar)
    score_refresh.refresh_investor(investor)
    assert recommendations.score_for(solar.id, investor.id) is None


@pytest.mark.parametrize("days, status, state", [
    (10, "scheduled", "scheduled"),   # the arena has not taken place yet
    (-3, "cancelled", "scheduled"),   # cancelled: nobody met
    (-3, "scheduled", "cancelled"),   # the meeting was cancelled
])
def test_meetings_that_did_not_happen_hide_nothing(market, days, status, state):
    _meet(market, days_from_now=days, status=status, state=state)
    assert market["solar_investor"].id in _investor_ids(market)
    assert exclusions.met_before_pairs() == set()
    engine_index.rebuild()
    assert recommendations.score_for(market["solar"].id, market["solar_investor"].id) is not None


@pytest.mark.parametrize("days, status", [(-3, "scheduled"), (-3, "done"), (-1, "done")])
def test_a_draft_schedule_never_published_is_no_meeting(client, auth, market, days, status):
    """Staff built a schedule and never published it: the two were never told of their
    meeting, so the engine still recommends them to each other."""
    _meet(market, days_from_now=days, status=status, published=False)
    solar, investor = market["solar"], market["solar_investor"]
    assert exclusions.met_before_pairs() == set()
    assert exclusions.excluded_investors(solar.id) == set()
    assert investor.id in _investor_ids(market) and solar.id in _pitch_ids(market)
    auth.login(market["solar_founder"].email)
    page = client.get(f"/pitches/{solar.id}/matches").get_data(as_text=True)
    assert investor.organisation in page
    engine_index.rebuild()
    assert recommendations.score_for(solar.id, investor.id) is not None


def test_a_no_show_has_not_met(market):
    meeting = _meet(market, days_from_now=-3)
    from app.extensions import db
    from app.models import Invitation

    assert market["solar_investor"].id not in _investor_ids(market)
    absent = db.session.query(Invitation).filter_by(
        arena_id=meeting.arena_id, user_id=market["solar_investor"].user_id).one()
    absent.attended = False
    db.session.commit()
    assert market["solar_investor"].id in _investor_ids(market)
    assert exclusions.met_before_pairs() == set()


def test_staff_marking_an_arena_done_counts_as_held(market):
    _meet(market, days_from_now=-1, status="done")  # done only once it has taken place
    assert (market["solar"].id, market["solar_investor"].id) in exclusions.met_before_pairs()
    assert exclusions.excluded_investors(market["solar"].id) == {
        str(market["solar_investor"].id)}


def test_an_earlier_meeting_is_not_suggested_again_but_a_request_still_counts(app):
    from datetime import date

    from app.extensions import db
    from app.models import Invitation, MeetingRequest
    from app.services.schedule_pairs import candidate_pairs
    from tests.factories import make_participant, make_score

    earlier = make_arena(date=date.today() - timedelta(days=40),
                         rsvp_deadline=datetime.now(UTC) - timedelta(days=50), status="done")
    arena = make_arena()
    founder, investor = make_participant(arena, "founder"), make_participant(arena, "investor")
    other = make_participant(arena, "investor")
    make_score(founder, investor, 0.9)
    make_score(founder, other, 0.4)
    old_f = make_invitation(earlier, founder.user, state="accepted", pitch_id=founder.pitch_id)
    old_i = make_invitation(earlier, investor.user, state="accepted")
    make_meeting(earlier, old_f, old_i)

    def pairs():
        return candidate_pairs(arena, [db.session.get(Invitation, founder.id)],
                               [db.session.get(Invitation, i.id) for i in (investor, other)])

    assert set(pairs()) == {(founder.user_id, other.user_id)}
    # the same earlier meeting in a draft nobody published: they never met
    earlier.schedule_published_at = None
    db.session.commit()
    assert set(pairs()) == {(founder.user_id, investor.user_id), (founder.user_id, other.user_id)}
    earlier.schedule_published_at = earlier.updated_at
    db.session.commit()
    db.session.add(MeetingRequest(arena_id=arena.id, from_user_id=founder.user_id,
                                  to_user_id=investor.user_id, state="accepted"))
    db.session.commit()
    assert pairs()[(founder.user_id, investor.user_id)][1] == "mutual"


def _arena_ended(minutes_ago: int, status: str = "scheduled"):
    """(date, start, end) of an arena that ended `minutes_ago` minutes before now, Oslo
    time."""
    from app.models.arena import LOCAL_TZ

    end = datetime.now(LOCAL_TZ) - timedelta(minutes=minutes_ago)
    start = max(end - timedelta(hours=2), end.replace(hour=0, minute=0, second=0, microsecond=0))
    return end.date(), start.time().replace(microsecond=0), end.time().replace(microsecond=0)


def _meet_at(market, day, start, end):
    arena = make_arena(date=day, start_time=start, end_time=end, status="scheduled",
                       rsvp_deadline=datetime.now(UTC) - timedelta(days=7))
    founder = make_invitation(arena, market["solar_founder"], state="accepted",
                              pitch_id=market["solar"].id)
    investor = make_invitation(arena, market["solar_investor"].user, state="accepted")
    make_meeting(arena, founder, investor)
    return arena


def test_people_have_met_as_soon_as_the_arena_has_ended(market):
    """Met before reads Arena.held: an arena that ended at 16:00 has taken place at 16:01,
    on its own day, as it has for every other rule (it was only from the next day here)."""
    pair = (market["solar"].id, market["solar_investor"].id)
    arena = _meet_at(market, *_arena_ended(minutes_ago=2))
    assert arena.held
    assert pair in exclusions.met_before_pairs()
    assert market["solar_investor"].id not in _investor_ids(market)
    assert market["solar"].id not in _pitch_ids(market)


def test_a_cached_statement_reads_the_clock_each_time(market, monkeypatch):
    """The recommendations build their statements once (lru_cache): the clock is read when
    one runs, not when it was built."""
    import app.models.oslo_clock as oslo_clock

    _meet_at(market, datetime(2026, 5, 4).date(), datetime(2026, 5, 4, 9).time(),
             datetime(2026, 5, 4, 16).time())
    at = {"now": datetime(2026, 5, 4, 13, 59, tzinfo=UTC)}  # 15:59 in Oslo

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return at["now"].astimezone(tz)

    monkeypatch.setattr(oslo_clock, "datetime", Clock)
    assert market["solar_investor"].id in _investor_ids(market)
    at["now"] = datetime(2026, 5, 4, 14, 1, tzinfo=UTC)  # 16:01
    assert market["solar_investor"].id not in _investor_ids(market)
    assert market["solar"].id not in _pitch_ids(market)


def test_met_before_as_of_an_instant(market):
    _meet_at(market, datetime(2026, 5, 4).date(), datetime(2026, 5, 4, 9).time(),
             datetime(2026, 5, 4, 16).time())
    assert exclusions.met_before_pairs(now=datetime(2026, 5, 4, 14, 0, tzinfo=UTC)) == set()
    assert exclusions.met_before_pairs(now=datetime(2026, 5, 4, 14, 1, tzinfo=UTC)) == {
        (market["solar"].id, market["solar_investor"].id)}


@pytest.mark.parametrize("end, nows", [
    # an ordinary afternoon: over one minute after it ended, not at the minute itself
    ("2026-05-04 16:00", ["2026-05-04T13:59Z", "2026-05-04T14:00Z", "2026-05-04T14:01Z",
                          "2026-05-03T23:00Z", "2026-05-05T00:00Z"]),
    # just before midnight, and the night after
    ("2026-05-04 23:45", ["2026-05-04T21:44Z", "2026-05-04T21:46Z", "2026-05-04T22:30Z"]),
    # autumn's repeated hour: an end at 02:30 is its first pass (00:30 UTC)
    ("2026-10-25 02:30", ["2026-10-25T00:29Z", "2026-10-25T00:31Z", "2026-10-25T01:15Z",
                          "2026-10-25T01:45Z"]),
    # the hour after it: 03:00 is 02:00 UTC, not over during the second 02:xx
    ("2026-10-25 03:00", ["2026-10-25T01:15Z", "2026-10-25T01:59Z", "2026-10-25T02:01Z"]),
    # spring: the clocks jump from 02:00 to 03:00
    ("2026-03-29 03:30", ["2026-03-29T01:29Z", "2026-03-29T01:31Z"]),
    ("2026-03-29 01:30", ["2026-03-29T00:29Z", "2026-03-29T00:31Z", "2026-03-29T01:00Z"]),
])
def test_the_query_reads_held_as_the_arena_does(app, end, nows):
    """Arena.held_sql is Arena.held_at as an SQL condition, at every instant, across both
    daylight-saving changes."""
    from app.extensions import db
    from app.models import Arena

    day, clock = datetime.strptime(end, "%Y-%m-%d %H:%M").date(), \
        datetime.strptime(end, "%Y-%m-%d %H:%M").time()
    arena = make_arena(date=day, start_time=clock.replace(hour=0, minute=0), end_time=clock,
                       status="scheduled", rsvp_deadline=datetime(2026, 1, 1, tzinfo=UTC))
    for text in nows:
        now = datetime.fromisoformat(text.replace("Z", "+00:00"))
        in_sql = db.session.scalar(db.select(Arena.id).where(Arena.id == arena.id,
                                                             Arena.held_sql(now)))
        assert (in_sql is not None) == arena.held_at(now), (end, text)
