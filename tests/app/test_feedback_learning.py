"""The re-ranker learned from feedback: used by a rebuild once there is enough of it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import EngineIndex, Interest
from app.services import engine_index, engine_settings, loaded_engine
from tests.factories import make_investor, make_pitch, make_user

TOPICS = ("Solceller, solenergi og batterilagring på tak.",
          "Lakseoppdrett og havbruk i lukkede merder.",
          "Programvare og apper for skoler og lærere.")
ASKS = (400_000, 1_000_000, 3_000_000, 10_000_000, 30_000_000, 90_000_000)


@pytest.fixture
def market(app):
    app.config.update(MATCHING_RELOAD_SECONDS=0, MATCHING_FEEDBACK_MIN_PAIRS=5)
    # topics shifted by one: the pairs whose tickets fit never share a topic, so feedback
    # that follows ticket fit says "ticket matters more, text less than the admin thinks"
    pitches = [make_pitch(ask_nok=ask, description=TOPICS[i % 3])
               for i, ask in enumerate(ASKS)]
    investors = [make_investor(ticket_min=ask // 2, ticket_max=ask * 2,
                               thesis=TOPICS[(i + 1) % 3]) for i, ask in enumerate(ASKS)]
    engine_index.rebuild()
    return pitches, investors


def _mark(pitch, profile, kind: str, sides=("founder", "investor")) -> None:
    for side in sides:
        user_id = pitch.owner_id if side == "founder" else profile.user_id
        db.session.add(Interest(user_id=user_id, pitch_id=pitch.id,
                                investor_profile_id=profile.id, side=side, kind=kind))
    db.session.commit()


def _by_ticket(market):
    """All pairs, best ticket fit first (the signal the feedback below carries)."""
    pitches, investors = market
    engine = loaded_engine.get_engine(force=True)
    pairs = [(p, q) for p in pitches for q in investors]
    comps = engine.pair_components([(str(p.id), str(q.id)) for p, q in pairs])
    ticket = comps[:, engine_settings.weight_names().index("ticket")]
    return [pairs[i] for i in ticket.argsort()[::-1]]


def _share(weights: dict, name: str) -> float:
    return weights[name] / sum(weights.values())


def test_rebuild_learns_from_enough_feedback(market, client, auth):
    ranked = _by_ticket(market)
    for pitch, profile in ranked[:6]:
        _mark(pitch, profile, "interested")  # mutual interest: good pairs
    for pitch, profile in ranked[-6:]:
        _mark(pitch, profile, "not_for_me", sides=("founder",))  # poor pairs
    result = engine_index.rebuild()
    assert result["learning"] == {"enabled": True, "min_pairs": 5, "used": True,
                                  "good": 6, "poor": 6}
    index = db.session.scalar(select(EngineIndex).order_by(EngineIndex.version.desc()))
    admin = engine_settings.current_weights().as_dict()
    assert index.weights != admin
    assert _share(index.weights, "ticket") > _share(admin, "ticket")
    assert _share(index.weights, "text") < _share(admin, "text")
    # workers that load the saved index score new pairs with the learned weights too
    assert loaded_engine.get_engine(force=True).weights.as_dict() == index.weights
    auth.login(make_user("admin").email)
    page = client.get("/admin/engine").get_data(as_text=True)
    assert "weights learned from 6 good and 6 poor pairs" in page


def test_too_little_feedback_keeps_the_admin_weights(market):
    ranked = _by_ticket(market)
    for pitch, profile in ranked[:4]:
        _mark(pitch, profile, "interested")
    result = engine_index.rebuild()
    assert result["learning"]["used"] is False
    assert (result["learning"]["good"], result["learning"]["poor"]) == (4, 0)
    index = db.session.scalar(select(EngineIndex).order_by(EngineIndex.version.desc()))
    assert index.weights == engine_settings.current_weights().as_dict()


def test_learning_can_be_turned_off(market, app):
    app.config["MATCHING_LEARN_FROM_FEEDBACK"] = False
    ranked = _by_ticket(market)
    for pitch, profile in ranked[:6]:
        _mark(pitch, profile, "interested")
    for pitch, profile in ranked[-6:]:
        _mark(pitch, profile, "not_for_me", sides=("investor",))
    result = engine_index.rebuild()
    assert result["learning"] == {"enabled": False, "min_pairs": 5, "used": False}
    index = db.session.scalar(select(EngineIndex).order_by(EngineIndex.version.desc()))
    assert index.weights == engine_settings.current_weights().as_dict()
