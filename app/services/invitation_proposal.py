"""Who to invite to an arena: candidates, pair values with the theme's bonus, and the call to
the engine's invitation optimiser (``matching.invitations``), with a greedy stand-in while the
engine lacks one.

Values are plain numbers per (founder, investor) pair; the engine never sees the models.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import select

from app.extensions import db
from app.models import InvestorProfile, Pitch, User
from app.services.exclusions import met_before_pairs, not_for_me_pairs
from app.services.pair_scores import score_values

EARLY_STAGES = ("idea", "pre_seed", "seed")
GREEN_MANDATE_WEIGHT = {"required": 1.0, "preferred": 0.6, "none": 0.0}
MAX_FOUNDER_CANDIDATES = 400
MAX_INVESTOR_CANDIDATES = 200
MIN_GOOD = 0.2
TICKET_FAR = 0.5  # decades outside the range the engine's "ticket only" filter allows


@dataclass
class Candidates:
    """The founders (one pitch each) and investors considered, and their pair values."""

    pitches: list[Pitch]
    investors: list[InvestorProfile]
    values: np.ndarray  # founders × investors
    good: float
    founder_groups: list[str] = field(default_factory=list)
    investor_groups: list[str] = field(default_factory=list)
    founder_bonus: list[float] = field(default_factory=list)
    investor_bonus: list[float] = field(default_factory=list)


def _shares(lefts: list, rights: list) -> np.ndarray:
    """For every a in `lefts` (rows) and b in `rights` (columns), the share of a's items that
    b has too, len(set(a) & set(b)) / len(set(a)); 0 where a is empty."""
    items: dict = {}
    for a in lefts:
        for x in set(a or []):
            items.setdefault(x, len(items))
    left = np.zeros((len(lefts), len(items)))
    for r, a in enumerate(lefts):
        left[r, [items[x] for x in set(a or [])]] = 1.0
    right = np.zeros((len(rights), len(items)))
    for c, b in enumerate(rights):
        right[c, [items[x] for x in set(b or []) if x in items]] = 1.0
    size = left.sum(axis=1)[:, None]
    return np.divide(left @ right.T, size, out=np.zeros((len(lefts), len(rights))),
                     where=size > 0)


def _decades(amount) -> float:
    """log10 of an amount in NOK, NaN when there is none."""
    return math.log10(amount) if amount and amount > 0 else math.nan


def filtered_out(pitches: list[Pitch], profiles: list[InvestorProfile]) -> np.ndarray:
    """Per pitch (row) and profile (column), whether the engine's hard filters keep the pair
    out, so that it stores no score for it: the investor does only other stages, only
    tickets far from the ask, or requires a green pitch and this one names no objective."""
    out = np.zeros((len(pitches), len(profiles)), dtype=bool)
    stages = np.array([p.stage or "" for p in pitches], dtype=object)
    staged = stages != ""  # a pitch without a stage passes the engine's stage filter
    green = np.array([bool(p.green_objectives) for p in pitches], dtype=bool)
    ask = np.array([_decades(p.ask_nok) for p in pitches], dtype=float)
    for c, q in enumerate(profiles):
        if q.stages_only and q.stages:
            out[:, c] |= staged & ~np.isin(stages, list(q.stages))
        if q.ticket_only:
            lo, hi = _decades(q.ticket_min), _decades(q.ticket_max)
            with np.errstate(invalid="ignore"):  # NaN (no ask, no bound) compares False
                out[:, c] |= (lo - ask > TICKET_FAR) | (ask - hi > TICKET_FAR)
        if q.green_mandate == "required":
            out[:, c] |= ~green
    return out


def facet_values(pitches: list[Pitch], profiles: list[InvestorProfile]) -> np.ndarray:
    """A simple overlap score in [0, 1] per pitch (row) and profile (column), for the pairs the
    engine has stored no score for."""
    return (0.35 * _shares([p.sectors for p in pitches], [i.sectors for i in profiles])
            + 0.25 * _shares([[p.stage] for p in pitches], [i.stages for i in profiles])
            + 0.15 * _shares([p.green_objectives for p in pitches],
                             [i.green_objectives for i in profiles])
            + 0.15 * _shares([p.support_needs for p in pitches],
                             [i.support_offers for i in profiles])
            + 0.10 * _shares([[p.municipality] for p in pitches], [i.regions for i in profiles]))


def _beyond_capital(kinds) -> set[str]:
    # Capital says nothing about founder support: nearly every pitch asks for it and most
    # investors offer it, so only mentoring, competence, premises, network and a pilot count.
    return set(kinds or []) - {"capital"}


def founder_support_fit(pitch: Pitch) -> tuple[float, float]:
    """The founder theme's two halves for a pitch: an early stage (0 or 1), and the support
    beyond capital it asks for (0, 0.5 or 1)."""
    early = 1.0 if pitch.stage in EARLY_STAGES else 0.0
    return early, min(1.0, len(_beyond_capital(pitch.support_needs)) / 2)


def investor_support_fit(profile: InvestorProfile) -> tuple[float, float]:
    """The founder theme's two halves for a profile: early stages among its stages (0 or 1),
    and the support beyond capital it offers (0, 0.5 or 1)."""
    early = 1.0 if set(profile.stages or []) & set(EARLY_STAGES) else 0.0
    return early, min(1.0, len(_beyond_capital(profile.support_offers)) / 2)


def founder_theme_bonus(theme: str, pitch: Pitch) -> float:
    """How well a pitch fits the arena's theme, in [0, 1]."""
    if theme == "green":
        return min(1.0, len(pitch.green_objectives or []) / 2)
    if theme == "founder":
        early, support = founder_support_fit(pitch)
        return 0.6 * early + 0.4 * support
    return 0.0


def investor_theme_bonus(theme: str, profile: InvestorProfile) -> float:
    """How well an investor fits the arena's theme, in [0, 1]."""
    if theme == "green":
        mandate = GREEN_MANDATE_WEIGHT.get(profile.green_mandate or "none", 0.0)
        return 0.7 * mandate + 0.3 * min(1.0, len(profile.green_objectives or []) / 2)
    if theme == "founder":
        early, support = investor_support_fit(profile)
        return 0.5 * early + 0.5 * support
    return 0.0


def pair_theme_bonuses(theme: str, pitches: list[Pitch],
                       profiles: list[InvestorProfile]) -> np.ndarray:
    """Each pair's own fit to the theme (pitches × profiles): shared green objectives, or needs
    met by offers."""
    if theme == "green":
        return _shares([p.green_objectives for p in pitches],
                       [i.green_objectives for i in profiles])
    if theme == "founder":
        return _shares([p.support_needs for p in pitches], [i.support_offers for i in profiles])
    return np.zeros((len(pitches), len(profiles)))


THEME_WEIGHTS = (0.25, 0.25, 0.2)  # founder fit, investor fit, the pair's shared fit


def pair_value(theme: str, base, fb, ib, pair):
    """Match value plus the theme's bonus (none for an open arena), scaled back to [0, 1];
    numbers or arrays that broadcast together."""
    base = np.minimum(1.0, np.maximum(0.0, base))
    if theme == "open":
        return base
    wf, wi, wp = THEME_WEIGHTS
    return (base + wf * fb + wi * ib + wp * pair) / (1.0 + wf + wi + wp)


def _group(user: User) -> str:
    return user.association.slug if user.association is not None else "none"


def gather(theme: str, exclude_user_ids: set[int] = frozenset()) -> Candidates:
    """Candidate founders (owners of published, visible pitches; best pitch each) and active
    investors, with pair values including the theme's bonus."""
    pitches = list(db.session.scalars(
        select(Pitch).join(User, Pitch.owner_id == User.id).where(
            Pitch.visible_clause(), User.role == "founder")
        .order_by(Pitch.published_at.desc(), Pitch.id.desc())))
    pitches = [p for p in pitches if p.owner_id not in exclude_user_ids]
    pitches.sort(key=lambda p: -founder_theme_bonus(theme, p))  # stable: newest first inside
    pitches = pitches[: MAX_FOUNDER_CANDIDATES * 2]
    investors = list(db.session.scalars(
        select(InvestorProfile).join(User, InvestorProfile.user_id == User.id).where(
            InvestorProfile.active.is_(True), User.active.is_(True), User.role == "investor")
        .order_by(InvestorProfile.id)))
    investors = [i for i in investors if i.user_id not in exclude_user_ids]
    investors.sort(key=lambda i: -investor_theme_bonus(theme, i))
    investors = investors[:MAX_INVESTOR_CANDIDATES]

    pitch_ids, profile_ids = [p.id for p in pitches], [i.id for i in investors]
    row_of = {p: r for r, p in enumerate(pitch_ids)}
    col_of = {i: c for c, i in enumerate(profile_ids)}
    base = facet_values(pitches, investors)  # where the engine has stored no score
    for (p, i), score in score_values(pitch_ids, profile_ids).items():
        base[row_of[p], col_of[i]] = score
    fbs = [founder_theme_bonus(theme, p) for p in pitches]
    ibs = [investor_theme_bonus(theme, i) for i in investors]
    values = pair_value(theme, base, np.array(fbs)[:, None], np.array(ibs)[None, :],
                        pair_theme_bonuses(theme, pitches, investors))
    values = np.array(values, dtype=float).reshape(len(pitches), len(investors))
    # A pair that met before or said "not for me" has no stored score (the engine leaves it
    # out), but it is not unknown: it will not meet here, so it adds nothing to the room.
    for p, i in (met_before_pairs(pitch_ids, profile_ids)
                 | not_for_me_pairs(pitch_ids, profile_ids)):
        if p in row_of and i in col_of:
            values[row_of[p], col_of[i]] = 0.0
    # Nor does a pair the engine's filters keep out: the schedule suggests meetings from
    # stored scores only, so a growth-only investor proposed for a room of seed pitches on
    # the facets' guess came to the arena and got no meeting.
    values[filtered_out(pitches, investors)] = 0.0

    # One seat per founder: keep each owner's strongest pitch.
    best: dict[int, int] = {}
    strength = _topk_sum(values, 3) if len(investors) else np.zeros(len(pitches))
    for r, pitch in enumerate(pitches):
        if pitch.owner_id not in best or strength[r] > strength[best[pitch.owner_id]]:
            best[pitch.owner_id] = r
    rows = sorted(best.values())[:MAX_FOUNDER_CANDIDATES]
    pitches = [pitches[r] for r in rows]
    values = values[rows] if rows else np.zeros((0, len(investors)))
    positive = values[values > 0]
    good = max(MIN_GOOD, float(np.quantile(positive, 0.5))) if positive.size else MIN_GOOD
    return Candidates(
        pitches=pitches, investors=investors, values=values, good=good,
        founder_groups=[_group(p.owner) for p in pitches],
        investor_groups=[_group(i.user) for i in investors],
        founder_bonus=[fbs[r] for r in rows], investor_bonus=ibs)


def _topk_sum(values: np.ndarray, k: int) -> np.ndarray:
    if values.size == 0:
        return np.zeros(values.shape[0])
    k = min(k, values.shape[1])
    return np.sort(values, axis=1)[:, -k:].sum(axis=1)


def quotas(groups: list[str], capacity: int) -> dict[str, int]:
    """Proportional seats per association: ceil(capacity × share of candidates)."""
    total = len(groups) or 1
    counts: dict[str, int] = {}
    for g in groups:
        counts[g] = counts.get(g, 0) + 1
    return {g: math.ceil(capacity * n / total) for g, n in counts.items()}


def _pick(order: list[int], groups: list[str], capacity: int) -> list[int]:
    """Best first, within each association's quota; leftover seats go to the best remaining."""
    quota = quotas(groups, capacity)
    used: dict[str, int] = {}
    chosen: list[int] = []
    for idx in order:
        if len(chosen) >= capacity:
            break
        if used.get(groups[idx], 0) < quota.get(groups[idx], 0):
            chosen.append(idx)
            used[groups[idx]] = used.get(groups[idx], 0) + 1
    for idx in order:
        if len(chosen) >= capacity:
            break
        if idx not in chosen:
            chosen.append(idx)
    return chosen


def greedy_propose(values: np.ndarray, max_founders: int, max_investors: int, k: int,
                   good: float, founder_groups: list[str], investor_groups: list[str]) -> dict:
    """Stand-in for the engine's optimiser: investors by the value they bring, then founders
    with at least k good investors in the room, both within association quotas."""
    n_f, n_i = values.shape
    inv_strength = np.sort(values, axis=0)[-max(1, min(max_founders, n_f)):, :].sum(axis=0) \
        if n_f else np.zeros(n_i)
    inv_order = [int(i) for i in np.argsort(-inv_strength, kind="stable")]
    investors = _pick(inv_order, investor_groups, max_investors)
    room = values[:, investors] if investors else np.zeros((n_f, 0))
    good_count = (room >= good).sum(axis=1) if n_f else np.zeros(0)
    need = min(k, len(investors))
    score = _topk_sum(room, k) if investors else np.zeros(n_f)
    f_order = [int(f) for f in np.argsort(-score, kind="stable")]
    eligible = [f for f in f_order if good_count[f] >= need and need > 0]
    founders = _pick(eligible, founder_groups, max_founders)
    return {
        "founders": founders,
        "investors": investors,
        "founder_waiting": [f for f in f_order if f not in founders],
        "investor_waiting": [i for i in inv_order if i not in investors],
    }


def capped_k(k: int | None, free_investors: int) -> int:
    """The good investors each proposed founder must have in the room: the arena's k (3 when
    unset), but never more than the investor seats there are to fill, and at least 1. With
    1 or 2 free seats and k = 3 no founder could qualify, so a small arena got nobody."""
    return max(1, min(k or 3, free_investors))


def run_optimiser(cands: Candidates, max_founders: int, max_investors: int, k: int) -> dict:
    """The engine's optimiser (``matching.invitations``), or the greedy stand-in when it is
    missing. Returns index lists founders, investors, founder_waiting, investor_waiting (best
    first), and per person the engine's facts (``info``) and the association quotas."""
    try:
        from matching.invitations import Candidate, propose_invitations
    except ImportError:
        result = greedy_propose(cands.values, max_founders, max_investors, k, cands.good,
                                cands.founder_groups, cands.investor_groups)
        result["info"] = {}
        result["quotas"] = {"founder": quotas(cands.founder_groups, max_founders),
                            "investor": quotas(cands.investor_groups, max_investors)}
        return result
    founders = [Candidate(f"{r:06d}", cands.founder_groups[r], cands.founder_bonus[r])
                for r in range(len(cands.pitches))]
    investors = [Candidate(f"{c:06d}", cands.investor_groups[c], cands.investor_bonus[c])
                 for c in range(len(cands.investors))]
    values = {(founders[r].id, investors[c].id): float(cands.values[r, c])
              for r, c in zip(*np.nonzero(cands.values > 0), strict=True)}
    proposal = propose_invitations(founders, investors, values, max_founders=max_founders,
                                   max_investors=max_investors, k=k, good=cands.good,
                                   fairness="proportional")
    info = {}
    for side, listing in (("founder", proposal.founders + proposal.founder_waitlist),
                          ("investor", proposal.investors + proposal.investor_waitlist)):
        for invitee in listing:
            info[(side, int(invitee.id))] = {"engine_value": invitee.value,
                                             "quota_seat": invitee.quota}
    return {
        "founders": [int(i.id) for i in proposal.founders],
        "investors": [int(i.id) for i in proposal.investors],
        "founder_waiting": [int(i.id) for i in proposal.founder_waitlist],
        "investor_waiting": [int(i.id) for i in proposal.investor_waitlist],
        "info": info,
        "quotas": {"founder": dict(proposal.quotas.get("founders", {})),
                   "investor": dict(proposal.quotas.get("investors", {}))},
    }
