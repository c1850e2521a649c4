"""The re-ranker learned from feedback, applied at every rebuild once there is enough of it.

What people answered — mutual interest and meetings judged worth it (good pairs), "not for
me" and meetings judged not worth it (poor pairs), see `app.services.feedback` — becomes
pairwise differences of the engine's components, and `matching.reranker.learn_weights` moves
the admin's weights toward what separates the two, shrunk toward the admin's weights so that
a little feedback nudges and only much, consistent feedback moves them far. Below
`MATCHING_FEEDBACK_MIN_PAIRS` good or poor pairs (among pairs in the index) the admin's weights
are used unchanged. `MATCHING_LEARN_FROM_FEEDBACK=0` turns learning off.
"""

from __future__ import annotations

from flask import current_app

from app.services import feedback

DEFAULT_MIN_PAIRS = 20


def _indexed(engine, pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(p, q) for p, q in pairs
            if p in engine.pitch_index_ and q in engine.investor_index_]


def learned_weights(engine, base):
    """Weights for this build and what was learned: ``(weights, info)``.

    `engine` is fitted with `base` (the admin's weights); `info` is JSON-able and kept with
    the index (enabled, good/poor pair counts, the minimum, whether learning was used).
    """
    config = current_app.config
    minimum = int(config.get("MATCHING_FEEDBACK_MIN_PAIRS", DEFAULT_MIN_PAIRS))
    info: dict = {"enabled": bool(config.get("MATCHING_LEARN_FROM_FEEDBACK", True)),
                  "min_pairs": minimum, "used": False}
    if not info["enabled"]:
        return base, info
    good = _indexed(engine, feedback.positive_pairs())
    poor = _indexed(engine, feedback.negative_pairs())
    info.update(good=len(good), poor=len(poor))
    if len(good) < minimum or len(poor) < minimum:
        return base, info
    from matching.reranker import learn_weights

    weights = learn_weights(engine, good, poor, min_pairs=minimum)
    info["used"] = True
    return weights, info
