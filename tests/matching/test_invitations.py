"""Arena invitation proposals: capacities, k good investors per founder, fairness quotas,
value, determinism, clear errors."""

from __future__ import annotations

import random

import pytest

from matching.invitations import Candidate, Proposal, fairness_quotas, propose_invitations
from matching.invitations_milp import optimum_value, top_m_value

GROUPS = ["asker", "baerum", "drammen", "lier", "kongsberg", "ringerike"]


def make_pool(seed: int, n_f: int = 60, n_i: int = 30, density: float = 0.35):
    rng = random.Random(seed)
    fs = [Candidate(f"f{n}", rng.choice(GROUPS), rng.random()) for n in range(n_f)]
    ins = [Candidate(f"i{n}", rng.choice(GROUPS)) for n in range(n_i)]
    value = {
        (f.id, i.id): round(rng.random(), 3) for f in fs for i in ins if rng.random() < density
    }
    return fs, ins, value


def check_rules(p: Proposal, value, max_f, max_i, k, good):
    assert len(p.founders) <= max_f and len(p.investors) <= max_i
    room = {i.id for i in p.investors}
    for f in p.founders:
        goods = [i for i in room if value.get((f.id, i), 0.0) >= good]
        assert len(goods) >= k, f"{f.id} has {len(goods)} good investors"
        assert sorted(p.good_investors[f.id]) == sorted(goods)
        assert f.good == len(goods)
    chosen = {f.id for f in p.founders} | room
    waiting = {x.id for x in p.founder_waitlist + p.investor_waitlist}
    assert not chosen & waiting
    assert [x.rank for x in p.founders] == list(range(1, len(p.founders) + 1))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("fairness", ["proportional", "equal", None])
def test_capacities_k_and_quotas_hold(seed, fairness):
    fs, ins, value = make_pool(seed)
    p = propose_invitations(
        fs, ins, value, max_founders=15, max_investors=10, k=3, good=0.5, fairness=fairness
    )
    check_rules(p, value, 15, 10, 3, 0.5)
    assert p.founders and p.investors
    for side, people in (("founders", p.founders), ("investors", p.investors)):
        for group, q in p.quotas[side].items():
            assert sum(1 for x in people if x.group == group) >= q, (side, group)


def test_quotas_are_floor_of_share_times_capacity():
    counts = {"asker": 6, "lier": 3, "hole": 1}
    assert fairness_quotas(counts, 10, "proportional") == {"asker": 6, "lier": 3, "hole": 1}
    assert fairness_quotas(counts, 5, "proportional") == {"asker": 3, "lier": 1}
    assert fairness_quotas(counts, 9, "equal") == {"asker": 3, "lier": 3, "hole": 1}
    assert fairness_quotas(counts, 9, None) == {}


def test_a_small_association_gets_its_seat_over_better_candidates():
    # Five strong founders from Asker, one weaker from Hole; equal fairness owes Hole a seat.
    fs = [Candidate(f"a{n}", "asker") for n in range(5)] + [Candidate("h0", "hole")]
    ins = [Candidate(f"i{n}", "asker") for n in range(3)]
    value = {(f.id, i.id): (0.9 if f.group == "asker" else 0.6) for f in fs for i in ins}
    p = propose_invitations(
        fs, ins, value, max_founders=4, max_investors=3, k=3, good=0.5, fairness="equal"
    )
    ids = [f.id for f in p.founders]
    assert "h0" in ids and len(ids) == 4
    hole = next(f for f in p.founders if f.id == "h0")
    assert hole.quota and hole.rank == 4
    p = propose_invitations(
        fs, ins, value, max_founders=4, max_investors=3, k=3, good=0.5, fairness=None
    )
    assert "h0" not in [f.id for f in p.founders]
    assert p.founder_waitlist[0].id == "h0" or "h0" in [f.id for f in p.founder_waitlist]


def test_clearly_better_candidates_are_chosen():
    fs = [Candidate("strong", "asker"), Candidate("weak", "asker")]
    ins = [Candidate(f"i{n}", "lier") for n in range(4)] + [Candidate("dud", "lier")]
    value = {("strong", f"i{n}"): 0.9 for n in range(4)}
    value |= {("weak", f"i{n}"): 0.55 for n in range(4)}
    value |= {("strong", "dud"): 0.1, ("weak", "dud"): 0.1}
    p = propose_invitations(
        fs, ins, value, max_founders=1, max_investors=4, k=3, good=0.5, fairness=None
    )
    assert [f.id for f in p.founders] == ["strong"]
    assert "dud" not in {i.id for i in p.investors}
    assert [f.id for f in p.founder_waitlist] == ["weak"]


def test_founder_without_k_good_investors_is_not_invited():
    fs = [Candidate("lonely", "asker"), Candidate("ok", "asker")]
    ins = [Candidate(f"i{n}", "lier") for n in range(3)]
    value = {("lonely", "i0"): 1.0, ("lonely", "i1"): 1.0, ("lonely", "i2"): 0.2}
    value |= {("ok", f"i{n}"): 0.6 for n in range(3)}
    p = propose_invitations(fs, ins, value, max_founders=2, max_investors=3, k=3, good=0.5)
    assert [f.id for f in p.founders] == ["ok"]
    assert "lonely" not in {f.id for f in p.founder_waitlist}


def test_investors_are_chosen_to_satisfy_founders_not_just_by_value():
    # One investor is everyone's favourite, but founders need three good ones each.
    fs = [Candidate(f"f{n}", "asker") for n in range(3)]
    ins = [Candidate("star", "lier")] + [Candidate(f"i{n}", "lier") for n in range(5)]
    value = {(f.id, "star"): 1.0 for f in fs}
    value |= {(f.id, f"i{n}"): 0.6 for f in fs for n in range(2)}
    value |= {(f.id, f"i{n}"): 0.3 for f in fs for n in range(2, 5)}
    p = propose_invitations(fs, ins, value, max_founders=3, max_investors=3, k=3, good=0.5)
    assert {i.id for i in p.investors} == {"star", "i0", "i1"}
    assert len(p.founders) == 3


def test_output_is_deterministic():
    fs, ins, value = make_pool(3)
    a = propose_invitations(fs, ins, value, max_founders=12, max_investors=8)
    b = propose_invitations(
        list(reversed(fs)),
        list(reversed(ins)),
        dict(sorted(value.items())),
        max_founders=12,
        max_investors=8,
    )
    assert a == b


def test_reasons_are_filled_in():
    fs, ins, value = make_pool(5)
    p = propose_invitations(fs, ins, value, max_founders=10, max_investors=8)
    for x in p.founders + p.investors:
        assert x.value > 0 and x.good >= 1 and x.best
        assert "match value" in x.reason
    values = [x.value for x in p.founders]
    non_quota = [x.value for x in p.founders if not x.quota]
    assert non_quota == sorted(non_quota, reverse=True) and len(values) == 10


def test_empty_input_gives_an_empty_proposal():
    p = propose_invitations([], [], {}, max_founders=10, max_investors=10)
    assert p.founders == p.investors == p.founder_waitlist == p.investor_waitlist == ()
    assert p.value == 0.0
    fs, ins, value = make_pool(1)
    p = propose_invitations(fs, ins, value, max_founders=0, max_investors=0)
    assert p.founders == p.investors == ()


def test_k_zero_invites_founders_on_value_alone():
    fs, ins, value = make_pool(2)
    p = propose_invitations(fs, ins, value, max_founders=5, max_investors=5, k=0)
    assert len(p.founders) == 5


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_founders": -1}, "max_founders"),
        ({"max_investors": -2}, "max_investors"),
        ({"k": -1}, "k must be"),
        ({"k": 1.5}, "k must be"),
        ({"good": float("nan")}, "good must be"),
        ({"fairness": "random"}, "fairness must be"),
    ],
)
def test_invalid_parameters_raise_value_error(kwargs, message):
    fs, ins, value = make_pool(0, 5, 5)
    args = {"max_founders": 3, "max_investors": 3} | kwargs
    with pytest.raises(ValueError, match=message):
        propose_invitations(fs, ins, value, **args)


def test_invalid_records_raise_value_error():
    fs = [Candidate("f", "asker")]
    ins = [Candidate("i", "asker")]
    with pytest.raises(ValueError, match="unknown"):
        propose_invitations(fs, ins, {("f", "x"): 0.5}, max_founders=1, max_investors=1)
    with pytest.raises(ValueError, match=r"in \[0, 1\]"):
        propose_invitations(fs, ins, {("f", "i"): 1.5}, max_founders=1, max_investors=1)
    with pytest.raises(ValueError, match="twice"):
        propose_invitations(fs + fs, ins, {}, max_founders=1, max_investors=1)


@pytest.mark.parametrize("seed", range(12))
def test_value_is_near_the_exact_optimum_on_small_pools(seed):
    fs, ins, value = make_pool(100 + seed, n_f=12, n_i=10, density=0.5)
    fairness = ("proportional", None)[seed % 2]
    p = propose_invitations(
        fs, ins, value, max_founders=5, max_investors=5, k=2, good=0.5, top_m=3, fairness=fairness
    )
    best = optimum_value(fs, ins, value, 5, 5, 2, 0.5, 3, p.quotas)
    assert top_m_value(p, value, 3) >= 0.95 * best - 1e-9


def test_top_m_zero_counts_only_the_tie_share():
    """With top_m = 0 no pair is among a founder's best, so the room's value is the tie share
    of its pairs (the search used to fail with an IndexError where a founder had no pair in
    the room)."""
    fs, ins, value = make_pool(4, n_f=20, n_i=12, density=0.5)
    p = propose_invitations(fs, ins, value, max_founders=5, max_investors=4, k=0, top_m=0)
    room, chosen = {i.id for i in p.investors}, {f.id for f in p.founders}
    pairs = sum(v for (f, i), v in value.items() if f in chosen and i in room)
    assert len(p.founders) == 5 and p.value == pytest.approx(1e-3 * pairs)
