"""The scheduler's first-meeting bonus: whoever can meet someone gets a meeting before others
get many, requests are never given up for it, and the heuristic, stage 1 and the exact MILP
all measure the same objective."""

from __future__ import annotations

from dataclasses import replace

import pytest

from matching.schedule import objective, schedule
from matching.schedule_check import check_schedule
from matching.schedule_milp import lp_upper_bound, optimum_milp, optimum_value
from matching.schedule_model import Instance, InvalidInstance
from matching.schedule_random import small_random_instance

FND, INV = "founder", "investor"


def inst(slots, tables, people, pairs, **extra):
    """Instance from literals: people as (id, side, cap), pairs as (a, b, value[, priority])."""
    return Instance.from_dict(
        {
            "slots": slots,
            "tables": tables,
            "participants": [{"id": i, "side": s, "cap": c} for i, s, c in people],
            "pairs": [dict(zip(("a", "b", "value", "priority"), q, strict=False)) for q in pairs],
            **extra,
        }
    )


def founders_meeting(sched):
    return {m.a for m in sched.meetings}


# f1 is everyone's best match; two investors with one meeting each. By value alone f1
# takes both (0.9 + 0.8 = 1.7) and f2, who came too, meets nobody; f1 + f2 gives 1.2.
GREEDY = inst(
    2,
    2,
    [("f1", FND, 2), ("f2", FND, 2), ("i1", INV, 1), ("i2", INV, 1)],
    [("f1", "i1", 0.9), ("f1", "i2", 0.8), ("f2", "i1", 0.4), ("f2", "i2", 0.3)],
)


def test_second_founder_gets_a_meeting_instead_of_the_first_founders_second():
    got = schedule(GREEDY)
    check_schedule(GREEDY, got)
    assert founders_meeting(got) == {"f1", "f2"}
    assert {(m.a, m.b) for m in got.meetings} == {("f1", "i1"), ("f2", "i2")}
    # The schedule's value is still the meetings' match value, bonuses not counted.
    assert got.value == pytest.approx(1.2)
    assert founders_meeting(optimum_milp(GREEDY)) == {"f1", "f2"}


def test_without_a_bonus_the_value_alone_decides():
    plain = replace(GREEDY, meeting_bonus=())
    assert founders_meeting(schedule(plain)) == {"f1"}
    assert founders_meeting(optimum_milp(plain)) == {"f1"}


@pytest.mark.parametrize("priority", [0, 1])
@pytest.mark.parametrize("bonus", [(1.0,), (50.0, 20.0)])
def test_a_request_is_never_given_up_for_someone_elses_first_meeting(priority, bonus):
    # i1 has one meeting to give: f1 asked for it (value 0.1) and meets i2 and i3 anyway;
    # f2's only chance is i1 (value 1.0). Requests outrank the bonus, however large it is.
    instance = inst(
        3,
        3,
        [("f1", FND, 3), ("f2", FND, 1), ("i1", INV, 1), ("i2", INV, 1), ("i3", INV, 1)],
        [("f1", "i1", 0.1, priority), ("f2", "i1", 1.0), ("f1", "i2", 0.5), ("f1", "i3", 0.5)],
        meeting_bonus=list(bonus),
    )
    for got in (schedule(instance), optimum_milp(instance)):
        check_schedule(instance, got)
        assert ("f1", "i1") in {(m.a, m.b) for m in got.meetings}
        assert "f2" not in founders_meeting(got)


def test_a_first_meeting_outweighs_an_eighth():
    # One investor, eight slots: by value f1 would take all eight; the bonus seats f2 once.
    people = [("f1", FND, 8), ("f2", FND, 8), ("i1", INV, 8)]
    people += [(f"j{k}", INV, 1) for k in range(7)]
    pairs = [("f1", "i1", 0.9), ("f2", "i1", 0.2)] + [("f1", f"j{k}", 0.9) for k in range(7)]
    instance = inst(8, 1, people, pairs)
    got = schedule(instance)
    check_schedule(instance, got)
    assert founders_meeting(got) == {"f1", "f2"}
    assert sum(m.a == "f1" for m in got.meetings) == 7


def small_instance(seed: int, bonus: tuple[float, ...]) -> Instance:
    """Up to 26 people × 8 slots × 6 tables, drawn apart from test_schedule's family."""
    base = small_random_instance(
        seed,
        max_people=26,
        max_founders=14,
        max_tables=6,
        max_density=0.7,
        max_partial=0.6,
        locks=(0, 2),
        priorities_every=2,
        seed_offset=1000,
    )
    return replace(base, meeting_bonus=bonus)


@pytest.mark.parametrize("bonus", [(1.0,), (1.0, 0.5), (0.3,)])
@pytest.mark.parametrize("seed", range(12))
def test_heuristic_and_milp_agree_on_the_objective_with_bonuses(seed, bonus):
    instance = small_instance(seed, bonus)
    got = schedule(instance)
    check_schedule(instance, got)
    exact = optimum_milp(instance)
    best = optimum_value(instance)
    # The MILP's schedule scores its own optimum under `objective`: one objective for both.
    assert objective(instance, exact) == pytest.approx(best, rel=1e-6, abs=1e-6)
    assert best <= lp_upper_bound(instance) + 1e-6
    reached = objective(instance, got)
    assert reached <= best + 1e-6
    assert reached >= 0.98 * best


@pytest.mark.parametrize(
    ("bonus", "message"),
    [
        ([0.5, 1.0], "must not increase"),
        ([-0.1], "must be >= 0"),
        (["big"], "finite number"),
        ("1.0", "must be a list"),
    ],
)
def test_bad_meeting_bonus_is_refused_clearly(bonus, message):
    data = GREEDY.to_dict() | {"meeting_bonus": bonus}
    with pytest.raises(InvalidInstance, match=message):
        schedule(Instance.from_dict(data))


def test_meeting_bonus_round_trips_and_the_default_stays_out_of_the_json():
    assert "meeting_bonus" not in GREEDY.to_dict()
    custom = replace(GREEDY, meeting_bonus=(1.0, 0.25))
    assert custom.to_dict()["meeting_bonus"] == [1.0, 0.25]
    assert Instance.from_dict(custom.to_dict()) == custom
