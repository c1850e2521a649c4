"""Exact optimum of an invitation problem with scipy's `milp` (HiGHS): the reference that
`propose_invitations` is measured against, in the tests and the benchmark. Small pools only.

Model: binary x[f] per founder and z[i] per investor (invited or not), y[p] in [0, 1] per
pair p = (f, i) with a value;
  per pair       y[p] <= x[f],  y[p] <= z[i]          (a pair counts only when both come)
  per founder    sum y over f's pairs <= m x[f]       (at most m pairs: f's top m)
                 sum z over f's good investors >= k x[f]   (value >= good)
  seats          sum x <= max_founders,  sum z <= max_investors
  per group      sum x (or z) over its candidates >= its quota
maximising sum value[p] y[p]: the plain top-m value of the room (`top_m_value`), without
the tie share of all pairs that `Proposal.value` adds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from matching.invitations import Candidate, Proposal


def optimum_value(
    founders: Sequence[Candidate],
    investors: Sequence[Candidate],
    value: Mapping[tuple[str, str], float],
    max_founders: int,
    max_investors: int,
    k: int,
    good: float,
    m: int,
    quotas: Mapping[str, Mapping[str, int]],
) -> float:
    """Optimal plain top-m value of the room, with `quotas` as in `Proposal.quotas`."""
    fs, ins = founders, investors
    pairs = sorted(value)
    nf, ni, npairs = len(fs), len(ins), len(pairs)
    fi = {c.id: n for n, c in enumerate(fs)}
    ii = {c.id: nf + n for n, c in enumerate(ins)}
    n = nf + ni + npairs
    rows, lo, hi = [], [], []

    def row(coefs, lb, ub):
        r = np.zeros(n)
        for j, c in coefs:
            r[j] += c
        rows.append(r)
        lo.append(lb)
        hi.append(ub)

    for p, (f, i) in enumerate(pairs):
        row([(nf + ni + p, 1), (fi[f], -1)], -np.inf, 0)  # y <= x_f
        row([(nf + ni + p, 1), (ii[i], -1)], -np.inf, 0)  # y <= z_i
    for f in fs:
        mine = [nf + ni + p for p, (a, _) in enumerate(pairs) if a == f.id]
        row([(j, 1) for j in mine] + [(fi[f.id], -m)], -np.inf, 0)
        goods = [ii[i] for (a, i) in pairs if a == f.id and value[(a, i)] >= good]
        row([(j, 1) for j in goods] + [(fi[f.id], -k)], 0, np.inf)
    row([(j, 1) for j in range(nf)], 0, max_founders)
    row([(j, 1) for j in range(nf, nf + ni)], 0, max_investors)
    for side, people, idx in (("founders", fs, fi), ("investors", ins, ii)):
        for g, q in quotas[side].items():
            row([(idx[c.id], 1) for c in people if c.group == g], q, np.inf)
    c = np.zeros(n)
    for p, key in enumerate(pairs):
        c[nf + ni + p] = -value[key]
    res = milp(
        c,
        constraints=LinearConstraint(np.array(rows), lo, hi),
        integrality=np.r_[np.ones(nf + ni), np.zeros(npairs)],
        bounds=Bounds(0, 1),
    )
    return -res.fun


def top_m_value(proposal: Proposal, value: Mapping[tuple[str, str], float], m: int) -> float:
    """The objective `optimum_value` maximises, for a proposal: each invited founder's top-m
    pair values with the invited investors, summed."""
    room = [i.id for i in proposal.investors]
    total = 0.0
    for f in proposal.founders:
        vals = sorted((value.get((f.id, i), 0.0) for i in room), reverse=True)
        total += sum(vals[:m])
    return total
