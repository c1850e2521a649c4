"""Who the scheduler may pair at an arena and what each pair is worth to it: the
participants' requests, and the engine's best scores among them (stored, or, when a build
asks, scored now by the loaded engine), less the pairs that must not meet.
"""

from __future__ import annotations

from app.models import Arena, Invitation, Meeting
from app.services import exclusions, records
from app.services.loaded_engine import engine_cache, get_engine
from app.services.pair_scores import profile_ids, score_values
from app.services.request_pairs import pair_states
from app.services.schedule_inputs import STAFF_CANCELLED

MIN_VALUE = 0.01  # the scheduler's weight of a requested pair without a stored score
SUGGESTIONS_PER_PERSON = 3  # × the cap: how many top scores per person become suggestions
PRIORITY = {"mutual": 0, "one_sided": 1, "suggestion": 2}


def _excluded(arena: Arena, pitch_ids, profile_by_user) -> set[tuple[int, int]]:
    """(pitch, profile) pairs the engine must not suggest: either side marked "not for me",
    or they met at an earlier arena (an explicit request still gets them a meeting)."""
    pitch_ids = [p for p in pitch_ids if p]
    if not pitch_ids or not profile_by_user:
        return set()
    profiles = list(profile_by_user.values())
    return (exclusions.not_for_me_pairs(pitch_ids, profiles)
            | exclusions.met_before_pairs(pitch_ids, profiles, other_than_arena=arena.id))


def engine_scores(pitch_ids, profile_ids_, skip: set[tuple[int, int]]
                  ) -> dict[tuple[int, int], float]:
    """(pitch, profile) → score for the pairs among these ids but `skip` (the stored and the
    excluded ones), scored now by the loaded engine. Only each pitch's and each investor's
    best TOP_K scores are stored, so a pair of participants ranked outside both lists had no
    score, no suggestion and no meeting, though the invitation proposal invited them. Hard
    filters and removed records leave a pair out, as they leave it out of the stored
    scores; so does a score of 0."""
    todo = [(p, q) for p in sorted({p for p in pitch_ids if p})
            for q in sorted({q for q in profile_ids_ if q}) if (p, q) not in skip]
    if not todo:
        return {}
    engine = get_engine()
    if engine is None:
        return {}
    with engine_cache().lock:
        values = engine.pair_scores([(records.pitch_id(p), records.investor_id(q))
                                     for p, q in todo])
    return {pair: value for pair, value in zip(todo, values.tolist(), strict=True)
            if value > 0}  # NaN (filtered, not indexed) is not > 0


def candidate_pairs(arena: Arena, founders: list[Invitation], investors: list[Invitation],
                    score_unstored: bool = True
                    ) -> dict[tuple[int, int], tuple[float | None, str]]:
    """(founder user, investor user) → (score, source): requests first, then the engine's
    best scores among the participants (stored, or scored now: `engine_scores`, unless not
    `score_unstored`). The score is None for a requested pair the engine does not score:
    the meeting stores it so, and only the scheduler weighs it (`weight`)."""
    profiles = profile_ids(i.user_id for i in investors)
    pitch_ids = [f.pitch_id for f in founders]
    scores = score_values(pitch_ids, profiles.values())
    excluded = _excluded(arena, pitch_ids, profiles)
    if score_unstored:
        scores.update(engine_scores(pitch_ids, profiles.values(), set(scores) | excluded))
    pitch_of = {f.user_id: f.pitch_id for f in founders}

    def score(f_uid: int, i_uid: int) -> float | None:
        return scores.get((pitch_of.get(f_uid), profiles.get(i_uid)))

    f_ids, i_ids = set(pitch_of), {i.user_id for i in investors}
    pairs: dict[tuple[int, int], tuple[float | None, str]] = {}
    states = pair_states(arena.id)
    for (f, i), state in states.items():
        if state != "declined" and f in f_ids and i in i_ids:
            pairs[(f, i)] = (score(f, i), state)
    ranked: dict[int, list[tuple[float, tuple[int, int]]]] = {}
    for f in f_ids:
        for i in i_ids:
            key = (pitch_of[f], profiles.get(i))
            if key in scores and key not in excluded and (f, i) not in states:
                entry = (scores[key], (f, i))
                ranked.setdefault(f, []).append(entry)
                ranked.setdefault(i, []).append(entry)
    top = SUGGESTIONS_PER_PERSON * arena.cap
    for entries in ranked.values():
        for value, pair in sorted(entries, key=lambda e: (-e[0], e[1]))[:top]:
            pairs.setdefault(pair, (value, "suggestion"))
    return pairs


def weight(score: float | None) -> float:
    """What a pair is worth to the scheduler: its score, and at least MIN_VALUE, so that a
    pair who asked to meet without a score (or with a tiny one) still gets a meeting."""
    return max(score or 0.0, MIN_VALUE)


def schedulable_pairs(arena: Arena, founders: list[Invitation], investors: list[Invitation],
                      rows: list[Meeting], score_unstored: bool = True
                      ) -> dict[tuple[int, int], tuple[float | None, str]]:
    """The candidate pairs but those staff cancelled: such a meeting stays cancelled until
    they restore it."""
    kept_off = {(m.founder_user_id, m.investor_user_id) for m in rows
                if m.state == STAFF_CANCELLED}
    return {pair: entry for pair, entry
            in candidate_pairs(arena, founders, investors, score_unstored).items()
            if pair not in kept_off}
