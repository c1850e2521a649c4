"""An arena proposal's lists (`matching.invitations_search`): the chosen founders and
investors ranked by the value they bring, their waiting lists, and the reasons for each place
(good counterparts, the best of them, a fairness seat).
"""

from __future__ import annotations

import numpy as np

from matching.invitations import Invitee, Proposal
from matching.invitations_room import Room, top_m_values


def _investor_values(room: Room, fs: list[int], inv: list[int]) -> np.ndarray:
    """Each investor's marginal value: what the room loses without it (or would gain)."""
    n_i = len(room.investors)
    out = np.zeros(n_i)
    rows = np.array(sorted(fs), dtype=np.intp)
    if not len(rows):
        return out
    cols = sorted(inv)
    base = room.v[np.ix_(rows, np.array(cols, dtype=np.intp))]
    now = top_m_values(base, room.m)
    diffs = np.zeros((len(rows), n_i))
    for n, i in enumerate(cols):  # the room without i
        diffs[:, i] = now - top_m_values(np.delete(base, n, axis=1), room.m)
    outside = [i for i in range(n_i) if i not in set(cols)]
    step = max(1, 2_000_000 // max(1, len(rows) * (len(cols) + 1)))
    for s in range(0, len(outside), step):  # the room with i, in slices that fit in memory
        part = outside[s : s + step]
        wide = np.concatenate(
            [np.broadcast_to(base, (len(part), *base.shape)), room.v[rows][:, part].T[:, :, None]],
            axis=2,
        )
        diffs[:, part] = (top_m_values(wide, room.m) - now).T
    diffs[~room.present[rows]] = 0.0  # only the founders it has a pair with count
    return np.cumsum(diffs, axis=0)[-1]


def ranked_proposal(room: Room, fs: list[int], inv: list[int], quotas) -> Proposal:
    """Rank, explain and package a selection."""
    fset, iset = set(fs), set(inv)
    icols = np.array(sorted(iset), dtype=np.intp)
    frows = np.array(sorted(fset), dtype=np.intp)
    fval = room.values(range(len(room.founders)), icols).tolist()
    ival = _investor_values(room, fs, inv).tolist()
    f_good = room.is_good[:, icols].sum(axis=1)

    def order(xs, val, people):
        return sorted(xs, key=lambda x: (-val[x], -people[x].score, people[x].id))

    f_in, i_in = order(fs, fval, room.founders), order(inv, ival, room.investors)
    f_wait = [f for f in range(len(room.founders)) if f not in fset and f_good[f] >= room.k]
    f_wait = order(f_wait, fval, room.founders)
    i_wait = [i for i in range(len(room.investors)) if i not in iset and ival[i] > 0]
    i_wait = order(i_wait, ival, room.investors)

    def counterparts(pairs: np.ndarray, good: np.ndarray, present: np.ndarray, ids: list[str]):
        """Per row: good counterparts in the room, and the best one (highest value, then id)."""
        if not pairs.shape[1]:
            return [0] * pairs.shape[0], [None] * pairs.shape[0]
        best = np.where(present, pairs, -1.0).argmax(axis=1)
        has = present.any(axis=1)
        names = [ids[b] if h else None for b, h in zip(best.tolist(), has.tolist(), strict=True)]
        return good.sum(axis=1).tolist(), names

    f_ids = [room.investors[i].id for i in icols.tolist()]
    i_ids = [room.founders[f].id for f in frows.tolist()]
    f_facts = counterparts(room.v[:, icols], room.is_good[:, icols], room.present[:, icols], f_ids)
    i_facts = counterparts(room.v[frows].T, room.is_good[frows].T, room.present[frows].T, i_ids)

    def listing(items, side, waiting, quota, rival_best):
        people, val = (room.founders, fval) if side == "founder" else (room.investors, ival)
        goods, bests = f_facts if side == "founder" else i_facts
        out, per_group = [], {}
        for n, x in enumerate(items, start=1):
            c = people[x]
            per_group[c.group] = per_group.get(c.group, 0) + 1
            # A quota seat: owed to its group, and someone waiting would otherwise have it.
            owed = per_group[c.group] <= quota.get(c.group, 0)
            quota_seat = not waiting and owed and rival_best > val[x]
            out.append(
                Invitee(c.id, side, c.group, n, round(val[x], 6), goods[x], bests[x], quota_seat)
            )
        return tuple(out)

    top_f = fval[f_wait[0]] if f_wait else 0.0
    top_i = ival[i_wait[0]] if i_wait else 0.0
    qf, qi = quotas["founders"], quotas["investors"]
    goods = {}
    for f in f_in:
        mine = icols[room.is_good[f, icols]]
        ranked = mine[np.lexsort((mine, -room.v[f, mine]))]
        goods[room.founders[f].id] = tuple(room.investors[i].id for i in ranked.tolist())
    return Proposal(
        founders=listing(f_in, "founder", False, qf, top_f),
        investors=listing(i_in, "investor", False, qi, top_i),
        founder_waitlist=listing(f_wait, "founder", True, qf, 0.0),
        investor_waitlist=listing(i_wait, "investor", True, qi, 0.0),
        good_investors=goods,
        quotas=quotas,
        value=round(room.total(fset, iset), 9),
    )
