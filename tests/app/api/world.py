"""A small world for API tests: two founders, two investors, staff, scores, an arena."""

from __future__ import annotations

from dataclasses import dataclass

from app.extensions import db
from app.models import Interest, MatchScore, Meeting
from app.models.user import utcnow
from tests.app.api.helpers import bearer
from tests.factories import make_arena, make_investor, make_invitation, make_pitch, make_user


@dataclass
class World:
    founder_a: object
    founder_b: object
    investor_a: object
    investor_b: object
    staff: object
    a_draft: object
    a_pitch: object
    b_pitch: object
    arena: object
    other_arena: object
    tokens: dict


def _score(pitch, profile, score):
    db.session.add(MatchScore(
        pitch_id=pitch.id, investor_profile_id=profile.id, score=score,
        components={"text": 0.5, "sectors": 1.0, "stage": 1.0}, shared_terms=["solceller"],
        reasons=["text_overlap", "sector_overlap", "stage_fit"], engine_version=1))


def build() -> World:
    founder_a, founder_b = make_user("founder"), make_user("founder", association="baerum")
    investor_a = make_investor(make_user("investor"))
    investor_b = make_investor(make_user("investor", association="drammen"),
                               organisation="Fjord Ventures")
    staff = make_user("staff")
    a_draft = make_pitch(founder_a, status="draft", title="A sitt utkast")
    a_pitch = make_pitch(founder_a, title="A sin pitch")
    b_pitch = make_pitch(founder_b, title="B sin pitch")
    for pitch in (a_pitch, b_pitch):
        for profile, score in ((investor_a, 0.8), (investor_b, 0.6)):
            _score(pitch, profile, score)
    db.session.add(Interest(user_id=founder_a.id, pitch_id=a_pitch.id,
                            investor_profile_id=investor_a.id, side="founder",
                            kind="interested"))
    db.session.add(Interest(user_id=investor_a.user.id, pitch_id=a_pitch.id,
                            investor_profile_id=investor_a.id, side="investor",
                            kind="interested"))
    db.session.commit()
    arena = make_arena(("asker",))
    other_arena = make_arena(("ringerike",), title="Ringerike-arena")
    make_invitation(arena, founder_a, state="accepted", pitch_id=a_pitch.id)
    make_invitation(arena, investor_a.user, state="accepted")
    make_invitation(other_arena, founder_b, state="accepted", pitch_id=b_pitch.id)
    db.session.add(Meeting(arena_id=arena.id, founder_user_id=founder_a.id,
                           investor_user_id=investor_a.user.id, pitch_id=a_pitch.id, slot=0,
                           table=1, source="mutual", value=0.8))
    arena.schedule_published_at = utcnow()  # the participants see the meeting
    db.session.commit()
    tokens = {
        "founder_a": bearer(founder_a), "founder_b": bearer(founder_b),
        "investor_a": bearer(investor_a.user), "investor_b": bearer(investor_b.user),
        "staff": bearer(staff),
    }
    return World(founder_a, founder_b, investor_a, investor_b, staff, a_draft, a_pitch,
                 b_pitch, arena, other_arena, tokens)
