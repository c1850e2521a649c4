"""The meeting scheduler: feasibility, value against the exact MILP optimum, priorities,
compactness, locked meetings, and clear errors."""

from __future__ import annotations

import pytest

from matching.schedule import objective, schedule
from matching.schedule_check import check_schedule, idle_slots
from matching.schedule_milp import lp_upper_bound, optimum_milp, optimum_value
from matching.schedule_model import Instance, InvalidInstance
from matching.schedule_random import random_instance, small_random_instance

RATIO = 0.98


def inst(slots, tables, people, pairs, locked=()):
    """Instance from compact literals: people as (id, side, cap[, slots])."""
    parts = []
    for p in people:
        d = {"id": p[0], "side": p[1], "cap": p[2]}
        if len(p) > 3:
            d["available"] = list(p[3])
        parts.append(d)
    return Instance.from_dict(
        {
            "slots": slots,
            "tables": tables,
            "participants": parts,
            "pairs": [dict(zip(("a", "b", "value", "priority"), q, strict=False)) for q in pairs],
            "locked": [dict(zip(("a", "b", "slot", "table"), m, strict=True)) for m in locked],
        }
    )


def assert_near_optimal(instance: Instance) -> float:
    got = schedule(instance)
    check_schedule(instance, got)
    best = optimum_value(instance)
    reached = objective(instance, got)
    assert reached <= best + 1e-6
    if best > 1e-9:
        assert reached >= RATIO * best, f"{reached} < {RATIO} × {best}"
    return reached / best if best > 1e-9 else 1.0


@pytest.mark.parametrize("seed", range(40))
def test_random_instance_reaches_98_percent_of_milp_optimum(seed):
    assert_near_optimal(small_random_instance(seed))


FND, INV = "founder", "investor"

ADVERSARIAL = {
    # A greedy takes f1–i1 (1.0) and blocks f1–i2 and f2–i1 (0.9 each).
    "heavy_pair_crowds_out_two": inst(
        2, 2, [("f1", FND, 1), ("f2", FND, 1), ("i1", INV, 1), ("i2", INV, 1)],
        [("f1", "i1", 1.0), ("f1", "i2", 0.9), ("f2", "i1", 0.9)],
    ),
    # The flexible pair must not take the only slot of the two constrained ones.
    "flexible_pair_takes_scarce_slot": inst(
        2, 1,
        [("f1", FND, 2), ("f2", FND, 1, [0]), ("f3", FND, 1, [1]), ("i1", INV, 2), ("i2", INV, 2)],
        [("f1", "i1", 1.0), ("f2", "i2", 0.9), ("f3", "i2", 0.9)],
    ),
    # Same person in both slots: the heavy meeting must go to the slot its rival can't use.
    "slot_choice_matters": inst(
        2, 2,
        [("f1", FND, 2), ("f2", FND, 1, [0]), ("i1", INV, 2), ("i2", INV, 2, [0])],
        [("f1", "i1", 1.0), ("f1", "i2", 0.5), ("f2", "i1", 0.8)],
    ),
    # One table: a chain of moves (mutual swapped for mutual frees a cap for a one-sided).
    "chain_of_moves": inst(
        4, 1,
        [
            ("f0", FND, 1, [2, 3]), ("f1", FND, 5), ("f4", FND, 2), ("i1", INV, 5, [2]),
            ("i3", INV, 5), ("i4", INV, 7), ("i5", INV, 6, [2]),
        ],
        [
            ("f0", "i4", 0.4, 1), ("f0", "i5", 0.7, 0), ("f1", "i1", 0.6, 0),
            ("f1", "i3", 0.25, 1), ("f4", "i3", 0.8, 2),
        ],
    ),
    # Many equal pairs, table-bound: the value is in the count.
    "tables_bind": random_instance(10, 10, 3, 2, density=1.0, caps=(3, 3), seed=7),
    # Availability windows that barely overlap.
    "late_and_early": inst(
        3, 3,
        [("f1", FND, 3, [0]), ("f2", FND, 3, [2]), ("f3", FND, 3), ("i1", INV, 3, [0, 1]),
         ("i2", INV, 3, [1, 2]), ("i3", INV, 1)],
        [("f1", "i1", 0.5), ("f2", "i2", 0.5), ("f3", "i1", 0.6), ("f3", "i2", 0.6),
         ("f3", "i3", 0.9), ("f1", "i3", 0.7), ("f2", "i3", 0.7)],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_instance_reaches_98_percent_of_optimum(name):
    assert_near_optimal(ADVERSARIAL[name])


def test_optimum_milp_is_a_feasible_schedule_within_the_lp_bound():
    instance = small_random_instance(3)
    best = optimum_milp(instance)
    check_schedule(instance, best)
    assert objective(instance, best) <= lp_upper_bound(instance) + 1e-6


def test_larger_instance_is_feasible_and_near_the_lp_bound():
    instance = random_instance(40, 40, 10, 12, density=0.2, caps=(4, 8), locked=6, seed=5)
    got = schedule(instance)
    check_schedule(instance, got)
    assert objective(instance, got) >= RATIO * lp_upper_bound(instance)


def test_mutual_requests_come_before_one_sided_before_suggestions():
    # One slot, one table: only one meeting happens, and tier beats value.
    people = [
        ("f1", FND, 1),
        ("f2", FND, 1),
        ("f3", FND, 1),
        ("i1", INV, 1),
        ("i2", INV, 1),
        ("i3", INV, 1),
    ]
    pairs = [("f1", "i1", 0.1, 0), ("f2", "i2", 0.9, 1), ("f3", "i3", 5.0, 2)]
    got = schedule(inst(1, 1, people, pairs))
    assert [(m.a, m.b) for m in got.meetings] == [("f1", "i1")]
    got = schedule(inst(1, 1, people, pairs[1:]))
    assert [(m.a, m.b) for m in got.meetings] == [("f2", "i2")]


def test_more_mutual_meetings_beat_more_value():
    # Two mutual meetings of tiny value outweigh one mutual plus heavy suggestions.
    people = [("f1", FND, 1), ("f2", FND, 2), ("i1", INV, 2), ("i2", INV, 1)]
    pairs = [("f1", "i1", 0.01, 0), ("f2", "i2", 0.01, 0), ("f2", "i1", 9.0, 2)]
    got = schedule(inst(1, 2, people, pairs))
    assert {(m.a, m.b) for m in got.meetings} == {("f1", "i1"), ("f2", "i2")}


def test_schedule_is_compact_and_compaction_keeps_the_value():
    # One founder meets four investors in 8 slots: no idle time needed.
    people = [("f1", FND, 4)] + [(f"i{k}", INV, 1, [k, k + 4]) for k in range(4)]
    pairs = [("f1", f"i{k}", 1.0) for k in range(4)]
    instance = inst(8, 2, people, pairs)
    got = schedule(instance)
    assert got.value == 4.0
    assert idle_slots(instance, got) == 0
    for seed in range(5):
        instance = small_random_instance(100 + seed)
        loose, tight = schedule(instance, compact=False), schedule(instance)
        assert tight.value == pytest.approx(loose.value)
        assert idle_slots(instance, tight) <= idle_slots(instance, loose)


def test_locked_meetings_are_kept_exactly():
    instance = random_instance(8, 8, 6, 3, density=0.6, caps=(2, 5), locked=5, seed=11)
    assert instance.locked
    got = schedule(instance)
    for m in instance.locked:
        assert m in got.meetings
    check_schedule(instance, got)


def test_investor_keeps_its_table_when_it_can():
    people = [("i1", INV, 3)] + [(f"f{k}", FND, 1) for k in range(3)]
    got = schedule(inst(3, 3, people, [(f"f{k}", "i1", 1.0) for k in range(3)]))
    assert {m.table for m in got.meetings} == {0}


def test_output_is_deterministic_and_json_shaped():
    instance = small_random_instance(21)
    first, second = schedule(instance), schedule(instance)
    assert first == second
    d = first.to_dict()
    assert set(d) == {"meetings", "value"}
    assert all(set(m) == {"a", "b", "slot", "table"} for m in d["meetings"])


def test_instance_round_trips_through_json_form():
    instance = small_random_instance(9)
    assert Instance.from_dict(instance.to_dict()) == instance


@pytest.mark.parametrize(
    "data",
    [
        {"slots": 0, "tables": 3, "participants": [], "pairs": []},
        {
            "slots": 3,
            "tables": 0,
            "participants": [{"id": "f", "side": FND, "cap": 1}],
            "pairs": [],
        },
        {"slots": 3, "tables": 2, "participants": [], "pairs": []},
    ],
)
def test_empty_instances_give_empty_schedules(data):
    got = schedule(Instance.from_dict(data))
    assert got.meetings == () and got.value == 0.0


BASE = {
    "slots": 2,
    "tables": 2,
    "participants": [
        {"id": "f", "side": FND, "cap": 2},
        {"id": "g", "side": FND, "cap": 2},
        {"id": "i", "side": INV, "cap": 2, "available": [0, 1]},
    ],
    "pairs": [{"a": "f", "b": "i", "value": 1.0}, {"a": "g", "b": "i", "value": 0.5}],
    "locked": [],
}


def _mutate(path, value):
    data = {k: (list(v) if isinstance(v, list) else v) for k, v in BASE.items()}
    data["participants"] = [dict(p) for p in BASE["participants"]]
    data["pairs"] = [dict(p) for p in BASE["pairs"]]
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("not an object", "instance must be an object"),
        ({"slots": 2}, "missing 'tables'"),
        (_mutate(["slots"], "2"), "slots must be an integer"),
        (_mutate(["tables"], -1), "tables must be >= 0"),
        (_mutate(["participants", 0, "cap"], -1), "cap of 'f' must be >= 0"),
        (_mutate(["participants", 0, "cap"], True), "cap of 'f' must be an integer"),
        (_mutate(["participants", 0, "side"], "angel"), "side of 'f'"),
        (_mutate(["participants", 1, "id"], "f"), "'f' appears twice"),
        (_mutate(["participants", 2, "available"], [0, 5]), "available slot of 'i'"),
        (_mutate(["pairs", 0, "b"], "nobody"), "unknown participant 'nobody'"),
        (_mutate(["pairs", 0, "b"], "g"), "founder (a) – investor (b)"),
        (_mutate(["pairs", 1], {"a": "f", "b": "i", "value": 2}), "appears twice"),
        (_mutate(["pairs", 0, "value"], "high"), "finite number"),
        (_mutate(["pairs", 0, "value"], float("nan")), "finite number"),
        (_mutate(["pairs", 0, "priority"], 3), "priority"),
        (_mutate(["locked"], [{"a": "f", "b": "i", "slot": 2, "table": 0}]), "slot of locked"),
        (_mutate(["locked"], [{"a": "f", "b": "i", "slot": 0, "table": 2}]), "table of locked"),
        (
            _mutate(
                ["locked"],
                [
                    {"a": "f", "b": "i", "slot": 0, "table": 0},
                    {"a": "g", "b": "i", "slot": 0, "table": 1},
                ],
            ),
            "already has a locked meeting",
        ),
        (
            _mutate(
                ["locked"],
                [
                    {"a": "f", "b": "i", "slot": 0, "table": 0},
                    {"a": "g", "b": "i", "slot": 1, "table": 0},
                ],
            )
            | {
                "participants": [
                    {"id": "f", "side": FND, "cap": 1},
                    {"id": "g", "side": FND, "cap": 1},
                    {"id": "i", "side": INV, "cap": 1},
                ]
            },
            "exceed the cap of 'i'",
        ),
        (_mutate(["locked"], [{"a": "g", "b": "f", "slot": 0, "table": 0}]), "not among the pairs"),
    ],
)
def test_invalid_instance_raises_a_clear_error(data, message):
    with pytest.raises(InvalidInstance, match=None) as err:
        schedule(Instance.from_dict(data))
    assert message in str(err.value)


def test_locked_meeting_in_an_unavailable_slot_is_rejected():
    data = _mutate(["participants", 2, "available"], [1])
    data["locked"] = [{"a": "f", "b": "i", "slot": 0, "table": 0}]
    with pytest.raises(InvalidInstance, match="not available in slot 0"):
        schedule(Instance.from_dict(data))


def test_two_locked_meetings_on_one_table_are_rejected():
    data = _mutate(["participants"], BASE["participants"] + [{"id": "j", "side": INV, "cap": 1}])
    data["pairs"] = BASE["pairs"] + [{"a": "g", "b": "j", "value": 1}]
    data["locked"] = [
        {"a": "f", "b": "i", "slot": 0, "table": 0},
        {"a": "g", "b": "j", "slot": 0, "table": 0},
    ]
    with pytest.raises(InvalidInstance, match="already taken"):
        schedule(Instance.from_dict(data))
