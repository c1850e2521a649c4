"""The pages that say why someone has no meeting (the staff schedule, the participant's
agenda, the question before publishing) read stored scores only: they never load the
matching engine (0.1-0.2 s on a process's first use). Since d93d8c5 they scored the
participants' pairs without a stored score with it, as building a schedule (a POST by
staff) does. Such a pair counts as no pair on these pages until a build places it."""

from __future__ import annotations

from sqlalchemy import delete

from app.extensions import db
from app.models import MatchScore, Meeting
from app.services.loaded_engine import engine_cache, forget_engine
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_invitation,
    make_meeting,
    make_participant,
)


def _arena(market, published: bool):
    """An arena where the solar pitch's founder and the solar investor came, their pair
    without a stored score (outside both top lists), and two others meet."""
    arena = make_arena(status="scheduled" if published else "inviting",
                       scheduled_at=db.func.now())
    founder = make_invitation(arena, market["solar"].owner, state="accepted",
                              pitch_id=market["solar"].id)
    make_invitation(arena, market["solar_investor"].user, state="accepted")
    db.session.execute(delete(MatchScore).where(
        MatchScore.pitch_id == market["solar"].id,
        MatchScore.investor_profile_id == market["solar_investor"].id))
    db.session.commit()
    make_meeting(arena, make_participant(arena, "founder"), make_participant(arena, "investor"),
                 published=published)
    forget_engine()  # the rebuild left it loaded in this process
    return arena, founder


def test_the_schedule_and_agenda_of_someone_without_meetings_do_not_load_the_engine(
        app, market, client, staff):
    arena, founder = _arena(market, published=True)
    page = client.get(f"/staff/arenas/{arena.id}/schedule")
    assert page.status_code == 200 and b'id="without-meetings"' in page.data
    other = app.test_client()
    other.post("/auth/login", data={"email": founder.user.email, "password": DEFAULT_PASSWORD})
    assert other.get(f"/arenas/{arena.id}/agenda").status_code == 200
    assert engine_cache(app).engine is None


def test_the_question_before_publishing_does_not_load_the_engine(app, market, client, staff):
    arena, _founder = _arena(market, published=False)
    assert client.get(f"/staff/arenas/{arena.id}/schedule/publish").status_code == 200
    assert engine_cache(app).engine is None


def test_building_still_scores_the_unstored_pair(app, market, client, staff):
    """A guard: the build (a POST) scores the pair with the engine, and they meet."""
    arena, founder = _arena(market, published=True)
    client.post(f"/staff/arenas/{arena.id}/schedule/build")
    assert engine_cache(app).engine is not None
    db.session.expire_all()
    assert db.session.scalar(db.select(Meeting.id).where(
        Meeting.arena_id == arena.id, Meeting.founder_user_id == founder.user_id,
        Meeting.state == "scheduled")) is not None
