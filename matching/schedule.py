"""Meeting scheduler: assign founder–investor meetings to slots and tables.

Run it on its own with `python -m matching.schedule INSTANCE.json` (or `-` for stdin).

How it works (each stage only ever raises the objective, the last one never lowers it):
1. Selection. Ignoring *which* slot a meeting takes, the problem is a bipartite b-matching:
   each person meets at most min(cap, free slots) times and the room holds at most
   sum(free tables) meetings. Its LP is integral (a network flow), so HiGHS solves it
   exactly in milliseconds; it settles the cap trade-offs a greedy gets wrong (one heavy
   meeting crowding out two medium ones).
2. Placement. The selected meetings, tightest availability first, are put in slots by
   insertion with ejection: a meeting may take a slot whose occupant is moved to another
   free slot, or ejected when the newcomer is worth more.
3. Improvement. Insertion passes over all pairs, heaviest first, and refill passes (drop
   one meeting if pairs of its two persons then fit with more weight), until none helps.
4. Compactness. With the set of meetings fixed (so the value is unchanged), meetings move
   to free slots, or swap slots along alternating chains, while that cuts idle time.

Priority tiers (`"priority"`: 0 mutual, 1 one-sided, 2 suggestion, the default) are folded
into the objective lexicographically, see `matching.schedule_objective.tier_weights`.
Within the value tier each person adds a bonus for their first meeting (`"meeting_bonus"`,
see `matching.schedule_objective.meeting_bonuses`), so that whoever can meet someone gets a
meeting before others get many; every stage, and the exact MILP, uses that same objective.
"""

from __future__ import annotations

import json
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix

from matching.schedule_check import check_schedule, idle_slots
from matching.schedule_lns import lns
from matching.schedule_model import Instance, InvalidInstance, Meeting, Schedule
from matching.schedule_problem import Problem, to_problem
from matching.schedule_search import Board

__all__ = [
    "Instance",
    "InvalidInstance",
    "Meeting",
    "Schedule",
    "build_schedule",
    "check_schedule",
    "idle_slots",
    "schedule",
    "main",
]


def schedule(
    instance: Instance,
    *,
    max_rounds: int = 10,
    search_iters: int = 300,
    compact: bool = True,
    seed: int = 0,
) -> Schedule:
    """Build a high-value, compact schedule for an instance (raises InvalidInstance)."""
    prob = to_problem(instance)
    board = Board(prob)
    m = len(prob.pa)
    eps = 1e-9 * max(1.0, max((abs(x) for x in prob.weight), default=1.0))
    chosen, bound = _select(prob, board)
    bound += board.total  # the locked meetings
    span = [(prob.avail[prob.pa[p]] & prob.avail[prob.pb[p]]).bit_count() for p in range(m)]
    board.insertion_pass(sorted(chosen, key=lambda p: (span[p], -prob.weight[p], p)), eps)
    order = sorted(range(m), key=lambda p: (-prob.weight[p], p))
    by_person: list[list[int]] = [[] for _ in prob.ids]
    for p in range(m):
        by_person[prob.pa[p]].append(p)
        by_person[prob.pb[p]].append(p)
    for _ in range(max_rounds):
        more = board.insertion_pass(order, eps)
        more |= board.refill_pass(by_person, eps)
        if not more:
            break
    lns(board, by_person, iters=search_iters, eps=eps, bound=bound, seed=seed)
    if compact:
        board.compact()
    return build_schedule(prob, board.slot_of)


def _select(prob: Problem, board: Board) -> tuple[list[int], float]:
    """Stage 1: the max-weight b-matching of meetings, ignoring slot clashes.

    As a flow: source → founder → investor → sink, at most `free_tables` units in all. Each
    person's arc from the source (to the sink) is split into one unit per meeting bonus
    still to earn, carrying that bonus, and the rest carrying none; the bonuses never grow,
    so the flow fills them in order and the LP stays a network flow, exact and integral.

    Returns the chosen pairs and their weight with bonuses, an upper bound on what the
    free (not locked) part of any schedule can add.
    """
    n, m = len(prob.ids), len(prob.pa)
    free_tables = sum(max(0, prob.tables - u) for u in board.used)
    deg = [min(prob.cap[v] - board.cnt[v], board.fmask[v].bit_count()) for v in range(n)]
    cand = [
        p
        for p in range(m)
        if board.slot_of[p] < 0
        and prob.weight[p] > 0
        and deg[prob.pa[p]] > 0
        and deg[prob.pb[p]] > 0
        and board.fmask[prob.pa[p]] & board.fmask[prob.pb[p]]
    ]
    if not cand or free_tables == 0:
        return [], 0.0
    k = len(cand)
    pa = np.asarray([prob.pa[p] for p in cand])
    pb = np.asarray([prob.pb[p] for p in cand])
    # Columns: the k pairs, then per person with candidates its bonus units and its rest arc.
    rows, cols, vals = [pa, pb], [np.arange(k), np.arange(k)], [np.ones(k), np.ones(k)]
    cost = [prob.weight[p] for p in cand]
    upper = [1.0] * k
    founders = set(pa.tolist())
    source_cols = []  # the arcs out of the source: their sum is the table limit
    for v in sorted(founders | set(pb.tolist())):
        units = [b for b in prob.bonus[board.cnt[v] :][: deg[v]] if b > 0]
        for b, cap in [(b, 1.0) for b in units] + [(0.0, float(deg[v] - len(units)))]:
            if cap <= 0:
                continue
            j = len(cost)
            rows.append(np.asarray([v]))
            cols.append(np.asarray([j]))
            vals.append(np.asarray([-1.0]))
            cost.append(b)
            upper.append(cap)
            if v in founders:
                source_cols.append(j)
    nv = len(cost)
    rows.append(np.full(len(source_cols), n))
    cols.append(np.asarray(source_cols, dtype=int))
    vals.append(np.ones(len(source_cols)))
    A = coo_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n + 1, nv)
    ).tocsr()
    lo = np.zeros(n + 1)
    hi = np.zeros(n + 1)
    lo[n], hi[n] = -np.inf, free_tables  # persons: flow in = flow out; source: the tables
    res = milp(
        -np.asarray(cost),
        constraints=LinearConstraint(A, lo, hi),
        integrality=np.ones(nv),
        bounds=Bounds(0, np.asarray(upper)),
        options={"time_limit": 10.0},
    )
    if res.x is None:  # cannot happen for this flow problem, but never fail because of it
        return [], float("inf")
    return [cand[j] for j in np.flatnonzero(res.x[:k] > 0.5)], float(-res.fun)


def build_schedule(prob: Problem, slot_of: list[int]) -> Schedule:
    """Seat the meetings at tables and return the schedule.

    Locked meetings keep their table; an investor keeps the table it had in the previous
    slot when it is free, so founders move between tables rather than investors.
    """
    meetings = []
    last_table: dict[int, int] = {}
    for s in range(prob.slots):
        here = [p for p in range(len(slot_of)) if slot_of[p] == s]
        taken = {prob.locked[p][1] for p in here if p in prob.locked}
        seat = {p: prob.locked[p][1] for p in here if p in prob.locked}
        free = [t for t in range(prob.tables) if t not in taken]
        rest = [p for p in here if p not in seat]
        for p in rest:
            t = last_table.get(prob.pb[p])
            if t is not None and t not in taken:
                seat[p] = t
                taken.add(t)
        free = [t for t in free if t not in taken]
        for p, t in zip([p for p in rest if p not in seat], free, strict=False):
            seat[p] = t
        for p, t in seat.items():
            last_table[prob.pb[p]] = t
            meetings.append(Meeting(prob.ids[prob.pa[p]], prob.ids[prob.pb[p]], s, t))
    meetings.sort(key=lambda x: (x.slot, x.table))
    value = sum(prob.value[p] for p in range(len(slot_of)) if slot_of[p] >= 0)
    return Schedule(tuple(meetings), float(value))


def objective(instance: Instance, sched: Schedule) -> float:
    """The scheduler's objective for a schedule: priority-weighted value plus each person's
    meeting bonuses (`Instance.meeting_bonus`); what the MILP's optimum is measured in."""
    prob = to_problem(instance)
    index = {(prob.ids[prob.pa[p]], prob.ids[prob.pb[p]]): p for p in range(len(prob.pa))}
    count: dict[str, int] = {}
    for m in sched.meetings:
        for who in (m.a, m.b):
            count[who] = count.get(who, 0) + 1
    total = sum(prob.weight[index[(m.a, m.b)]] for m in sched.meetings)
    return float(total + sum(prob.person_bonus(c) for c in count.values()))


def main(argv: list[str] | None = None) -> int:
    """CLI: read an instance (path or `-`), print the schedule as JSON; exit 2 on bad input."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: python -m matching.schedule INSTANCE.json  (or - for stdin)", file=sys.stderr)
        return 2
    try:
        if args[0] == "-":
            text = sys.stdin.read()
        else:
            with open(args[0], encoding="utf-8") as fh:
                text = fh.read()
        data = json.loads(text)
        result = schedule(Instance.from_dict(data))
    except OSError as exc:
        print(f"error: cannot read {args[0]}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        print(f"error: not valid JSON: {exc}", file=sys.stderr)
        return 2
    except InvalidInstance as exc:
        print(f"error: invalid instance: {exc}", file=sys.stderr)
        return 2
    json.dump(result.to_dict(), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
