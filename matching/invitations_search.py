"""The search behind `matching.invitations.propose_invitations`: alternating founder and
investor selection with fairness quotas, then investor swaps, then joint moves; the best
room seen is ranked and explained.

Its pieces: the problem as arrays and the objective (`matching.invitations_room`),
choosing one side given the other (`matching.invitations_selection`), the moves that
improve a room (`matching.invitations_moves`) and the ranked proposal
(`matching.invitations_ranking`).
"""

from __future__ import annotations

import numpy as np

from matching.invitations import Proposal, fairness_quotas
from matching.invitations_moves import joint_pass, swap_pass
from matching.invitations_ranking import ranked_proposal
from matching.invitations_room import Room
from matching.invitations_selection import founders_given, group_counts, investors_given


def solve(room: Room, cap_f: int, cap_i: int, fairness: str | None) -> Proposal:
    """Alternate founder and investor selection, then swap investors; keep the best."""
    every = set(range(len(room.investors)))
    allf = np.flatnonzero(room.good_counts(sorted(every)) >= room.k).tolist()
    if cap_f == 0 or cap_i < room.k or not room.investors:
        allf = []
    quota_f = fairness_quotas(group_counts(room.founders, allf), cap_f, fairness)
    quota_i = fairness_quotas(group_counts(room.investors, every), cap_i, fairness)
    if not allf:
        return Proposal(quotas={"founders": quota_f, "investors": quota_i})
    best = None
    seen = set()
    inv = investors_given(room, allf, cap_i, quota_i)  # as if every eligible founder came
    for _ in range(8):
        fs, _ = founders_given(room, set(inv), cap_f, quota_f)
        inv = investors_given(room, fs, cap_i, quota_i)
        for _ in range(3):
            inv2 = swap_pass(room, fs, inv, quota_i)
            if inv2 == inv:
                break
            inv = inv2
        fs, qf = founders_given(room, set(inv), cap_f, quota_f)
        score = room.total(set(fs), set(inv))
        if best is None or score > best[0] + 1e-12:
            best = (score, fs, inv, qf)
        key = (tuple(sorted(fs)), tuple(sorted(inv)))
        if key in seen:
            break
        seen.add(key)
    _, fs, inv, qf = best
    for _ in range(4):  # the costlier joint moves, from the best alternation result
        inv2 = joint_pass(room, inv, cap_f, cap_i, quota_f, quota_i)
        if inv2 == sorted(inv):
            break
        inv = inv2
        fs, qf = founders_given(room, set(inv), cap_f, quota_f)
    return ranked_proposal(room, fs, inv, {"founders": qf, "investors": quota_i})
