"""Focus: an investor's recent deal volume *at this pitch's stage and place*, in [0, 1].

Activity says who invests often; focus says who invests often in deals like this one. For
each value of a facet (a stage such as ``seed``, a city) it counts the investor's past
portfolio deals with that value, each weighing ``0.5 ** (age / half_life_days)`` as in
`matching.activity`, and saturates the count the same way (``log1p(c) / log1p(scale)`` with
the activity scale). A pitch reads the entry of its own value; a pitch without a value reads
the investor's expected entry under its own mix.

The counts come from `InvestorRecord.portfolio` (dated past deals). Fallbacks keep the
component fair to investors whose deals are not recorded: an investor without portfolio
items, or whose items never state the facet, gets its overall activity score in every column
(focus = activity), so missing data neither rewards nor punishes.

Layout: one block per facet, each the width of the engine's facet vocabulary (values, "other",
"pitch missing", bias); pitch rows are L1-normalised one-hots scaled by the facet's share,
so the dot product is the share-weighted mean of the per-facet entries.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

from .activity import parse_date
from .facets import CategoricalFacet
from .records import InvestorRecord, PitchRecord

#: Facets that focus reads, with their share of the component.
FACETS = ("stage", "location")


def item_weight(value: str | None, as_of: date | None, half_life_days: float) -> float:
    """Recency weight of one dated deal (undated: one half-life old; future: 0)."""
    d = parse_date(value)
    if as_of is None:
        return 1.0
    if d is None:
        return 0.5
    age = (as_of - d).days
    if age < 0:
        return 0.0
    return 0.5 ** (age / half_life_days) if half_life_days > 0 else float(age == 0)


def pitch_block(facet: CategoricalFacet, values: Sequence[Sequence[str]], share: float
                ) -> np.ndarray:
    """Pitch side: L1-normalised counts of its values, or the "missing" column; × share."""
    out = np.zeros((len(values), facet.width), np.float32)
    for r, vs in enumerate(values):
        vec = facet._counts(vs)
        total = vec.sum()
        if total > 0:
            out[r, : vec.size] = vec / total
        else:
            out[r, -2] = 1.0
    return out * np.float32(share)


def investor_block(facet: CategoricalFacet, investors: Sequence[InvestorRecord],
                   values_of: Callable[[object], Sequence[str]], as_of: date | None,
                   half_life_days: float, scale: float, activity: np.ndarray) -> np.ndarray:
    """Investor side: saturated recency-weighted deal counts per value (see module doc)."""
    out = np.zeros((len(investors), facet.width), np.float32)
    n_val = len(facet.vocab_)
    denom = math.log1p(max(scale, 1e-9))
    for r, q in enumerate(investors):
        counts = np.zeros(n_val + 1)
        for item in q.portfolio:
            vals = facet._clean(values_of(item))
            if not vals:
                continue
            w = item_weight(item.date, as_of, half_life_days) / len(vals)
            for v in vals:
                counts[facet.vocab_.get(v, n_val)] += w
        counts[n_val] = 0.0  # a value unknown to the index never matches a pitch's
        if counts.sum() <= 0:
            out[r, : n_val + 2] = activity[r]  # fallback: focus = overall activity
            continue
        sat = np.minimum(1.0, np.log1p(counts) / denom)
        out[r, : n_val + 1] = sat
        out[r, n_val + 1] = float(counts @ sat / counts.sum())  # expected, own mix
    return out


def widths(stage: CategoricalFacet, city: CategoricalFacet) -> int:
    """Columns of the focus block."""
    return stage.width + city.width


def pitch_rows(stage: CategoricalFacet, city: CategoricalFacet,
               pitches: Sequence[PitchRecord]) -> np.ndarray:
    """The focus block of pitch rows."""
    share = 1.0 / len(FACETS)
    return np.hstack([
        pitch_block(stage, [[p.stage] if p.stage else [] for p in pitches], share),
        pitch_block(city, [[p.location] if p.location else [] for p in pitches], share)])


def investor_rows(stage: CategoricalFacet, city: CategoricalFacet,
                  investors: Sequence[InvestorRecord], as_of: date | None,
                  half_life_days: float, scale: float, activity: np.ndarray) -> np.ndarray:
    """The focus block of investor rows (`activity`: their activity scores, the fallback)."""
    return np.hstack([
        investor_block(stage, investors, lambda it: [it.stage] if it.stage else [], as_of,
                       half_life_days, scale, activity),
        investor_block(city, investors, lambda it: [it.location] if it.location else [],
                       as_of, half_life_days, scale, activity)])
