"""Investor activity: track record and recency, as one saturating score in [0, 1].

Two forms, the richer one used whenever the record carries the dates of its past activity:

- **dated** (``InvestorRecord.activity_dates``): a recency-weighted count, every past
  investment or answer weighing ``0.5 ** (age / half_life_days)``, so an investor active lately
  outranks an equally large but stale record; the half-life is an engine parameter (the
  evaluation picks it on an inner temporal split of the training period);
- **summary** (only ``activity`` and ``last_active``): the count times a recency factor that
  halves every ``half_life_days`` above a floor.

Either count goes through the same saturating shape ``log1p(c) / log1p(scale)``, where
``scale`` is the largest count among the fitted investors, so the busiest still differ and the
most prolific cannot drown everything else.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date


def parse_date(value: str | None) -> date | None:
    """`YYYY-MM-DD` (or a longer ISO timestamp) to a date; None if missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def decayed_count(dates: Sequence[str], as_of: date | None, half_life_days: float) -> float:
    """Sum of ``0.5 ** (age / half_life_days)`` over dated events on or before `as_of`.

    Undated or malformed events count as one half-life old; events after `as_of` are ignored
    (they cannot be known yet). Without `as_of`, every event counts 1.
    """
    total = 0.0
    for value in dates:
        d = parse_date(value)
        if as_of is None:
            total += 1.0
            continue
        if d is None:
            total += 0.5
            continue
        age = (as_of - d).days
        if age < 0:
            continue
        total += 0.5 ** (age / half_life_days) if half_life_days > 0 else float(age == 0)
    return total


def effective_count(count: float, dates: Sequence[str], as_of: date | None,
                    half_life_days: float) -> float | None:
    """The recency-weighted count when dates are known, else None (use the summary form)."""
    if not dates:
        return None
    return decayed_count(dates, as_of, half_life_days)


def activity_scale(counts: list[float]) -> float:
    """Saturation reference: the largest count (at least 1), so the busiest still differ."""
    positive = sorted(c for c in counts if c > 0)
    if not positive:
        return 1.0
    return max(1.0, positive[-1])


def activity_score(count: float, last_active: str | None, as_of: date | None,
                   scale: float, half_life_days: float, recency_floor: float,
                   dates: Sequence[str] = ()) -> float:
    """Activity in [0, 1]: saturating volume of the (recency-weighted) track record.

    With `dates`, the volume is the recency-weighted count itself (recency is already in it).
    Without, it is the log-saturated `count` times a factor that halves every
    `half_life_days` since `last_active`, above `recency_floor` so that a quiet year does not
    zero a strong record.
    """
    eff = effective_count(count, dates, as_of, half_life_days)
    if eff is not None:
        return min(1.0, math.log1p(eff) / math.log1p(max(scale, 1e-9)))
    volume = min(1.0, math.log1p(max(count, 0.0)) / math.log1p(scale))
    last = parse_date(last_active)
    if last is None or as_of is None:
        recency = 0.5
    else:
        age = max(0, (as_of - last).days)
        recency = 0.5 ** (age / half_life_days)
    return volume * (recency_floor + (1.0 - recency_floor) * recency)


def scale_counts(records, as_of: date | None, half_life_days: float) -> list[float]:
    """The counts that `activity_scale` saturates against, one per investor record."""
    out = []
    for q in records:
        eff = effective_count(q.activity, getattr(q, "activity_dates", ()), as_of,
                              half_life_days)
        out.append(q.activity if eff is None else eff)
    return out
