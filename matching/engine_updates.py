"""Adding, replacing and dropping rows of a fitted MatchEngine without refitting.

A mixin of `MatchEngine`: new rows are transformed with the fitted vocabulary and stacked
under the index; replaced or removed rows stay in place, marked dead, until the next fit,
so row numbers held elsewhere (retrieval, stored projections) stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from .records import InvestorRecord, PitchRecord

if TYPE_CHECKING:
    from .engine import MatchEngine


class IndexUpdates:
    """`upsert_*` and `remove_*` of MatchEngine."""

    def upsert_pitch(self, rec: PitchRecord) -> MatchEngine:
        """Add or replace one pitch with the fitted vocabulary (no refit)."""
        return self.upsert_pitches([rec])

    def upsert_investor(self, rec: InvestorRecord) -> MatchEngine:
        """Add or replace one investor with the fitted vocabulary (no refit)."""
        return self.upsert_investors([rec])

    def upsert_pitches(self, records: Iterable[PitchRecord]) -> MatchEngine:
        """Add or replace many pitches at once (no refit; the index is restacked once).

        The same as upserting them one by one, in order.
        """
        return self._upsert(list(records), True)

    def upsert_investors(self, records: Iterable[InvestorRecord]) -> MatchEngine:
        """Add or replace many investors at once (no refit; the index is restacked once)."""
        return self._upsert(list(records), False)

    def _upsert(self, recs: list, pitch_side: bool) -> MatchEngine:
        self._check()
        if not recs:
            return self
        side = "pitch" if pitch_side else "investor"
        jit = np.concatenate([self._stable_jitter(r.id) for r in recs])
        text = self.features_.text_.transform([r.text for r in recs])
        dense = (self.features_.pitch_dense(recs, jit) if pitch_side
                 else self.features_.investor_dense(recs, jit))
        ids = getattr(self, f"{side}_ids_")
        index = getattr(self, f"{side}_index_")
        n0 = len(ids)
        alive = np.append(getattr(self, f"{side}_alive_"), np.ones(len(recs), bool))
        for i, rec in enumerate(recs):
            old = index.get(rec.id)
            if old is not None:
                alive[old] = False
            index[rec.id] = n0 + i
        ids.extend(r.id for r in recs)
        setattr(self, f"{side}_text_",
                sp.vstack([getattr(self, f"{side}_text_"), text], format="csr"))
        setattr(self, f"{side}_dense_", np.vstack([getattr(self, f"{side}_dense_"), dense]))
        setattr(self, f"{side}_alive_", alive)
        if pitch_side:
            self.pitch_words_.append(self.features_.text_, [r.text for r in recs])
        if self.svd_components_ is not None:
            setattr(self, f"{side}_z_", np.vstack([getattr(self, f"{side}_z_"),
                                                   self._project(text)]))
        return self

    def remove_pitch(self, pitch_id: str) -> MatchEngine:
        """Drop a pitch from every ranking (its row is kept until the next fit)."""
        self._check()
        self.pitch_alive_[self.pitch_index_.pop(pitch_id)] = False
        return self

    def remove_investor(self, investor_id: str) -> MatchEngine:
        """Drop an investor from every ranking (its row is kept until the next fit)."""
        self._check()
        self.investor_alive_[self.investor_index_.pop(investor_id)] = False
        return self
