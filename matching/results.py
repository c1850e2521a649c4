"""Scored pairs in column form (`ResultTable`) and the row arithmetic that builds them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from .records import COMPONENTS, MatchResult


def word_counts(m: sp.csr_matrix, rows: np.ndarray, n_word: int, chunk: int = 4096
                 ) -> np.ndarray:
    """Per row of `rows`: how many of its (sorted) entries are word features (< n_word)."""
    out = np.empty(len(rows), np.int64)
    for s in range(0, len(rows), chunk):
        r = rows[s:s + chunk]
        lo = m.indptr[r].astype(np.int64)
        lens = m.indptr[r + 1] - lo
        ptr = np.zeros(len(r) + 1, np.int64)
        np.cumsum(lens, out=ptr[1:])
        words = np.zeros(ptr[-1] + 1, np.int64)
        np.cumsum(m.indices[np.repeat(lo - ptr[:-1], lens) + np.arange(ptr[-1])] < n_word,
                  out=words[1:])
        out[s:s + chunk] = words[ptr[1:]] - words[ptr[:-1]]
    return out


@dataclass
class ResultTable:
    """Scored and explained pairs as columns; `results()` gives them as MatchResult objects.

    `components[t]` holds pair t's component scores in the order of `names` (COMPONENTS).
    """

    pitch_ids: list[str]
    investor_ids: list[str]
    scores: np.ndarray
    components: np.ndarray
    shared_terms: list[list[str]]
    reasons: list[list[str]]
    names: tuple[str, ...] = COMPONENTS

    def __len__(self) -> int:
        return len(self.pitch_ids)

    def results(self) -> list[MatchResult]:
        """One MatchResult per pair, in order."""
        names = self.names
        return [MatchResult(pitch_id=a, investor_id=b, score=s,
                            components=dict(zip(names, c, strict=True)),
                            shared_terms=t, reasons=r)
                for a, b, s, c, t, r in zip(self.pitch_ids, self.investor_ids,
                                            self.scores.tolist(), self.components.tolist(),
                                            self.shared_terms, self.reasons, strict=True)]

    @classmethod
    def concat(cls, parts: Sequence[ResultTable]) -> ResultTable:
        """The pairs of all `parts`, in order."""
        if not parts:
            return cls([], [], np.zeros(0, np.float32),
                       np.zeros((0, len(COMPONENTS)), np.float32), [], [])
        if len(parts) == 1:
            return parts[0]
        return cls([x for t in parts for x in t.pitch_ids],
                   [x for t in parts for x in t.investor_ids],
                   np.concatenate([t.scores for t in parts]),
                   np.concatenate([t.components for t in parts]),
                   [x for t in parts for x in t.shared_terms],
                   [x for t in parts for x in t.reasons], parts[0].names)
