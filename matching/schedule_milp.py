"""Exact optimum of a schedule instance with scipy's `milp` (HiGHS), and a cheap upper bound.

Model: binary x[p, s] for each pair p and each slot s both persons can attend;
  per person and slot  sum x <= 1        (nobody double-booked)
  per slot             sum x <= tables   (tables never over-full)
  per pair             sum x <= 1        (each pair meets at most once)
  per person           sum x <= cap
  locked meetings fixed to 1 in their slot.
Meeting bonuses: per person v and k < min(len(bonus), cap), a unit y[v, k] in [0, 1] with
  sum_k y[v, k] <= sum x over v's meetings, earning bonus[k]; the bonuses never grow, so the
  optimum takes them in order and sum_k bonus[k] y[v, k] is v's bonus for its meetings.
Tables are interchangeable, so any slot with at most `tables` meetings can be seated; the
locked meetings keep theirs and the rest take the free ones (see `assign_tables`).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from matching.schedule_board import bits
from matching.schedule_model import Instance, Schedule
from matching.schedule_problem import Problem, to_problem


def optimum_milp(instance: Instance, time_limit: float | None = None) -> Schedule:
    """Solve an instance exactly (small instances only) and return the optimal schedule."""
    prob = to_problem(instance)
    slot_of, _ = _solve(prob, time_limit, relax=False)
    from matching.schedule import build_schedule  # local import: schedule imports us

    return build_schedule(prob, slot_of)


def optimum_value(instance: Instance, time_limit: float | None = None) -> float:
    """Optimal objective (priority-weighted value plus meeting bonuses), from the MILP."""
    return _solve(to_problem(instance), time_limit, relax=False)[1]


def lp_upper_bound(instance: Instance) -> float:
    """Upper bound on the objective from the LP relaxation of the MILP above."""
    return _solve(to_problem(instance), None, relax=True)[1]


def _solve(prob: Problem, time_limit: float | None, relax: bool) -> tuple[list[int], float]:
    n, S, m = len(prob.ids), prob.slots, len(prob.pa)
    var_p, var_s = [], []
    for p in range(m):
        if p in prob.locked:
            var_p.append(p)
            var_s.append(prob.locked[p][0])
            continue
        if prob.weight[p] <= 0:
            continue  # never worth a meeting; keeps the model small
        for s in bits(prob.avail[prob.pa[p]] & prob.avail[prob.pb[p]]):
            var_p.append(p)
            var_s.append(s)
    nx = len(var_p)
    slot_of = [-1] * m
    if nx == 0:
        return slot_of, 0.0
    vp, vs = np.asarray(var_p), np.asarray(var_s)
    cols = np.arange(nx)
    pa, pb = np.asarray(prob.pa)[vp], np.asarray(prob.pb)[vp]
    # Bonus units: person v's k-th, for the persons with any meeting variable.
    met = np.zeros(n, dtype=bool)
    met[pa] = met[pb] = True
    unit_v, unit_b = [], []
    for v in np.flatnonzero(met):
        for b in prob.bonus[: prob.cap[v]]:
            unit_v.append(v)
            unit_b.append(b)
    uv = np.asarray(unit_v, dtype=int)
    nv = nx + len(unit_v)
    # Row blocks: person-slot (n*S), slot (S), pair (m), person cap (n), person bonus (n).
    r_ps_a, r_ps_b = pa * S + vs, pb * S + vs
    r_slot = n * S + vs
    r_pair = n * S + S + vp
    r_cap_a, r_cap_b = n * S + S + m + pa, n * S + S + m + pb
    r_bon_a, r_bon_b = n * S + S + m + n + pa, n * S + S + m + n + pb
    r_bon_y = n * S + S + m + n + uv
    rows = np.concatenate(
        [r_ps_a, r_ps_b, r_slot, r_pair, r_cap_a, r_cap_b, r_bon_a, r_bon_b, r_bon_y]
    )
    all_cols = np.concatenate([np.tile(cols, 8), nx + np.arange(len(unit_v))])
    vals = np.concatenate([np.ones(6 * nx), -np.ones(2 * nx), np.ones(len(unit_v))])
    A = coo_matrix((vals, (rows, all_cols)), shape=(n * S + S + m + 2 * n, nv))
    ub = np.concatenate(
        [np.ones(n * S), np.full(S, prob.tables), np.ones(m), prob.cap, np.zeros(n)]
    )
    A = A.tocsr()
    keep = np.diff(A.indptr) > 0  # drop empty rows so HiGHS sees a smaller model
    cons = LinearConstraint(A[keep], -np.inf, ub[keep].astype(float))
    lo = np.zeros(nv)
    locked = np.array([p in prob.locked for p in var_p])
    lo[:nx][locked] = 1.0
    c = -np.concatenate([np.asarray(prob.weight)[vp], np.asarray(unit_b, dtype=float)])
    options = {"time_limit": time_limit} if time_limit else {}
    res = milp(
        c,
        constraints=cons,
        integrality=np.zeros(nv) if relax else np.ones(nv),
        bounds=Bounds(lo, np.ones(nv)),
        options=options,
    )
    if res.x is None:
        raise RuntimeError(f"MILP failed: {res.message}")
    if relax:
        return slot_of, float(-res.fun)
    for j in np.flatnonzero(res.x[:nx] > 0.5):
        slot_of[var_p[j]] = var_s[j]
    return slot_of, float(-res.fun)
