""""Met before" is a hard filter: people who met at an arena are not recommended again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.services import exclusions, matching, recommendations
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
    matching.rebuild()
    assert recommendations.score_for(solar.id, investor.id) is None
    matching.refresh_pitch(solar)
    matching.refresh_investor(investor)
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
    matching.rebuild()
    assert recommendations.score_for(market["solar"].id, market["solar_investor"].id) is not None


@pytest.mark.parametrize("days, status", [(-3, "scheduled"), (-3, "done"), (0, "done")])
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
    matching.rebuild()
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
    _meet(market, days_from_now=0, status="done")
    assert (market["solar"].id, market["solar_investor"].id) in exclusions.met_before_pairs()
    assert exclusions.excluded_investors(market["solar"].id) == {
        str(market["solar_investor"].id)}


def test_an_earlier_meeting_is_not_suggested_again_but_a_request_still_counts(app):
    from datetime import date

    from app.extensions import db
    from app.models import Invitation, MeetingRequest
    from app.services.schedule import candidate_pairs
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
