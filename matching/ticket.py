"""Ticket fit: the pitch's ask against the investor's min/max on a log10 scale.

The fit is 1 inside the range and decays like a Gaussian outside it. To keep the whole score
one dot product, the log-amount axis is cut into bins: an investor row holds the fit at each
bin centre, a pitch row holds linear-interpolation weights on the two bins around its ask, so
their dot product is the fit interpolated at the ask.
"""

from __future__ import annotations

import math

import numpy as np

from .facets import NEUTRAL

LOG_LO, LOG_HI, STEP = 2.0, 11.0, 0.25  # 100 .. 100 billion, quarter-decade bins
CENTRES = np.arange(LOG_LO, LOG_HI + STEP / 2, STEP)
N_BINS = CENTRES.size
WIDTH = N_BINS + 2  # bins, "pitch amount missing", bias


def _log(amount: float | None) -> float | None:
    if amount is None or not amount > 0 or math.isinf(amount):
        return None
    return float(np.clip(math.log10(amount), LOG_LO, LOG_HI))


def pitch_weights(amount: float | None) -> np.ndarray:
    """Interpolation weights of the ask on the bins (sum 1), or the "missing" column."""
    out = np.zeros(WIDTH, dtype=np.float32)
    out[-1] = 1.0
    x = _log(amount)
    if x is None:
        out[-2] = 1.0
        return out
    pos = (x - LOG_LO) / STEP
    i = min(int(pos), N_BINS - 2)
    frac = pos - i
    out[i] = 1.0 - frac
    out[i + 1] = frac
    return out


def distance(amount: float | None, lo: float | None, hi: float | None) -> float | None:
    """Decades between the ask and the range (0 inside); None when either is unknown."""
    x = _log(amount)
    a, b = _log(lo), _log(hi)
    if x is None or (a is None and b is None):
        return None
    if a is not None and x < a:
        return a - x
    if b is not None and x > b:
        return x - b
    return 0.0


def investor_fit(lo: float | None, hi: float | None, sigma: float) -> np.ndarray:
    """Fit at every bin centre, plus the value for a pitch without an amount."""
    out = np.zeros(WIDTH, dtype=np.float32)
    a, b = _log(lo), _log(hi)
    if a is None and b is None:
        out[-1] = NEUTRAL  # no range stated: every ask is as good as any other
        return out
    if a is not None and b is not None and a > b:
        a, b = b, a
    below = np.maximum((a if a is not None else -np.inf) - CENTRES, 0.0)
    above = np.maximum(CENTRES - (b if b is not None else np.inf), 0.0)
    d = np.maximum(below, above)
    out[:N_BINS] = np.exp(-0.5 * (d / sigma) ** 2)
    out[-2] = NEUTRAL
    return out


def investor_far_bins(lo: float | None, hi: float | None, far: float) -> np.ndarray:
    """Boolean mask of bins more than `far` decades outside the range (for "ticket only")."""
    a, b = _log(lo), _log(hi)
    mask = np.zeros(N_BINS, dtype=bool)
    if a is not None:
        mask |= a - far > CENTRES
    if b is not None:
        mask |= b + far < CENTRES
    return mask
