"""An arena invitation problem as the search holds it (`matching.invitations_search`): the
candidates as indices, their pair values as one dense founders × investors array, and the
objective's pieces (a founder's top-m value, good counts, a room's total).

The app hands the engine at most a few hundred of each side, so that a room's founder
values, good counts and the effect of a move on every founder are a few numpy operations
instead of loops over dictionaries. `Standing` keeps enough of the founders' standing in a
room to value one investor more or less by incremental arithmetic, which the moves
(`matching.invitations_moves`) use to screen moves before valuing them exactly.
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from matching.invitations import Candidate

#: Weight of a founder's pairs beyond its top m: enough to prefer a fuller room, too small
#: to trade away any top-m value.
TIE = 1e-3


class Room:
    """The candidates as indices with dense pair values, and the objective's pieces."""

    def __init__(self, founders, investors, value, *, k: int, good: float, top_m: int):
        # Sorted by id so that ties never depend on the order the caller listed people in.
        self.founders: list[Candidate] = sorted(founders, key=lambda c: c.id)
        self.investors: list[Candidate] = sorted(investors, key=lambda c: c.id)
        fi = {c.id: n for n, c in enumerate(self.founders)}
        ii = {c.id: n for n, c in enumerate(self.investors)}
        shape = (len(self.founders), len(self.investors))
        self.v = np.zeros(shape)  # pair values, 0 where there is no pair
        self.present = np.zeros(shape, dtype=bool)  # the pair was given (its value may be 0)
        if value:
            rows = np.array(list(map(fi.__getitem__, map(itemgetter(0), value))), dtype=np.intp)
            cols = np.array(list(map(ii.__getitem__, map(itemgetter(1), value))), dtype=np.intp)
            self.v[rows, cols] = np.fromiter(value.values(), dtype=float, count=len(value))
            self.present[rows, cols] = True
        self.is_good = self.present & (self.v >= good)
        self.k, self.good, self.m = k, good, top_m
        self.f_group = [c.group for c in self.founders]
        self.i_group = [c.group for c in self.investors]
        self.i_groups = sorted(set(self.i_group))  # investor groups, and each one's place
        place = {g: n for n, g in enumerate(self.i_groups)}
        self.i_code = np.array([place[g] for g in self.i_group], dtype=np.intp)
        self.f_score = np.array([c.score for c in self.founders], dtype=float)
        self.f_groups = sorted(set(self.f_group))  # founder groups, and each one's place
        place = {g: n for n, g in enumerate(self.f_groups)}
        self.f_code = np.array([place[g] for g in self.f_group], dtype=np.intp)

    def values(self, rows, cols) -> np.ndarray:
        """Founder values of `rows` with the investors `cols` in the room: top-m pair values
        plus the tie share of the rest, each summed from the largest down."""
        return top_m_values(self.v[block(rows, cols)], self.m)

    def good_counts(self, cols) -> np.ndarray:
        """Good investors in the room `cols`, per founder."""
        return self.is_good[:, np.asarray(cols, dtype=np.intp)].sum(axis=1)

    def total(self, fs, cols) -> float:
        """The objective: match value the room holds (founders `fs`, investors `cols`)."""
        fs = list(fs)
        vals = self.values(fs, sorted(cols)).tolist()
        return sum(vals)

    def stats(self, rows, cols) -> Standing:
        """What `Standing` keeps of the founders `rows` in the room `cols`."""
        return Standing(self, rows, cols)


def block(rows, cols) -> tuple[np.ndarray, np.ndarray]:
    """Index of the rows × cols block of a matrix."""
    return np.asarray(rows, dtype=np.intp)[:, None], np.asarray(cols, dtype=np.intp)


def top_m_values(sub: np.ndarray, m: int) -> np.ndarray:
    """Per row of the last axis: sum of the m largest values + TIE × sum of the others,
    summed in descending order (so equal rows give bit-for-bit equal values)."""
    if sub.shape[-1] == 0:
        return np.zeros(sub.shape[:-1])
    s = -np.sort(-sub, axis=-1)
    m = min(m, s.shape[-1])
    top = np.cumsum(s[..., :m], axis=-1)[..., -1] if m else np.zeros(s.shape[:-1])
    rest = np.cumsum(s[..., m:], axis=-1)[..., -1] if s.shape[-1] > m else 0.0
    return top + TIE * rest


class Standing:
    """Founders' standing in a room, enough to value one investor more or less cheaply:
    good counts, top-m sum, total, and the m-th and (m+1)-th largest values."""

    def __init__(self, room: Room, rows, cols):
        m = room.m
        grid = block(rows, cols)
        s = np.zeros((len(grid[0]), max(len(grid[1]), m + 1)))  # padded with zeros
        s[:, : len(grid[1])] = -room.v[grid]
        s = -np.sort(s, axis=1)
        self.m = m
        self.top = s[:, :m].sum(axis=1)
        self.tot = s.sum(axis=1)
        self.first = s[:, 0]
        self.nth = s[:, m - 1] if m else np.full(len(s), np.inf)
        self.next = s[:, m]
        self.good = room.is_good[grid].sum(axis=1)
        self.value = self.top + TIE * (self.tot - self.top)

    def swapped(self, out: np.ndarray, into: np.ndarray, rows=slice(None)) -> np.ndarray:
        """Founder values (approximately, to rounding) after a pair value `out` leaves the
        room and `into` joins it (0 for nobody); arrays whose axis 0 is the founders (or
        those of `rows`, positions in this standing), broadcasting."""
        shape = (-1,) + (1,) * (max(out.ndim, into.ndim) - 1)
        top, tot = self.top[rows].reshape(shape), self.tot[rows].reshape(shape)
        nth, nxt = self.nth[rows].reshape(shape), self.next[rows].reshape(shape)
        if self.m:
            top2 = np.where(
                out >= nth, top - out + np.maximum(nxt, into), top + np.maximum(0.0, into - nth)
            )
        else:
            top2 = np.zeros_like(tot - out + into)
        tot2 = tot - out + into
        return top2 + TIE * (tot2 - top2)
