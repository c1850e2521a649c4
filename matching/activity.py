"""Investor activity: track record and recency, as one saturating score in [0, 1]."""

from __future__ import annotations

import math
from datetime import date


def parse_date(value: str | None) -> date | None:
    """`YYYY-MM-DD` (or a longer ISO timestamp) to a date; None if missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def activity_scale(counts: list[float]) -> float:
    """Saturation reference: the largest count (at least 1), so the busiest still differ."""
    positive = sorted(c for c in counts if c > 0)
    if not positive:
        return 1.0
    return max(1.0, positive[-1])


def activity_score(count: float, last_active: str | None, as_of: date | None,
                   scale: float, half_life_days: float, recency_floor: float) -> float:
    """log-saturating volume times a recency factor that halves every `half_life_days`.

    Who invested often and lately is likeliest to answer and invest again; the log keeps the
    most prolific investors from drowning everything else, the floor keeps a quiet year from
    zeroing a strong record.
    """
    volume = min(1.0, math.log1p(max(count, 0.0)) / math.log1p(scale))
    last = parse_date(last_active)
    if last is None or as_of is None:
        recency = 0.5
    else:
        age = max(0, (as_of - last).days)
        recency = 0.5 ** (age / half_life_days)
    return volume * (recency_floor + (1.0 - recency_floor) * recency)
