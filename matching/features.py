"""Feature layout: turns records into a sparse text block and a dense facet block per side.

The weighted score of a pair is ONE dot product: ``s_text * <text_p, text_q> + <dense_p * s,
dense_q>`` where ``s`` holds each component's weight / total on the pitch side. A trailing
filter block carries the hard filters as large negative investor-side values, so a filtered
pair scores below zero, and a tie-break block adds a seeded jitter far below any real gap.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from . import focus, ticket
from .activity import activity_scale, activity_score, parse_date, scale_counts
from .facets import CategoricalFacet, normalize_label, normalize_location, region_of
from .records import COMPONENTS, EngineWeights, IndexFormatError, InvestorRecord, PitchRecord
from .text import TextVectorizer

FILTERED = -1000.0  # investor-side value in the filter block; any hit makes the score < 0
JITTER = 1e-5  # tie-break scale: far below score differences that mean anything
LAYOUT = "focus-1"  # dense column layout stamp (older saved indexes lack the focus block)
_CITY, _REGION = np.sqrt(0.7), np.sqrt(0.3)
_GREEN_OBJ, _GREEN_ANY = np.sqrt(0.7), np.sqrt(0.3)


class FeatureBuilder:
    """Fitted vocabularies and the column layout of both sides."""

    def __init__(self, char_weight: float = 0.3, ticket_sigma: float = 0.5,
                 ticket_far: float = 0.5, half_life_days: float = 365.0,
                 recency_floor: float = 0.3, as_of: str | None = None) -> None:
        self.char_weight = char_weight
        self.ticket_sigma = ticket_sigma
        self.ticket_far = ticket_far
        self.half_life_days = half_life_days
        self.recency_floor = recency_floor
        self.as_of = as_of

    # -- fitting -----------------------------------------------------------------------
    def fit(self, pitches: Sequence[PitchRecord], investors: Sequence[InvestorRecord],
            analyses: list | None = None) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """Learn vocabularies and layout; return the text rows of pitches and investors
        (`analyses`: see `TextVectorizer.fit_transform`)."""
        self.text_ = TextVectorizer(char_weight=self.char_weight)
        text = self.text_.fit_transform([p.text for p in pitches] + [q.text for q in investors],
                                         analyses)
        self.sectors_ = CategoricalFacet("sectors").fit(
            [p.sectors for p in pitches] + [q.sectors for q in investors])
        self.stage_ = CategoricalFacet("stage").fit(
            [[p.stage] if p.stage else [] for p in pitches] + [q.stages for q in investors])
        self.city_ = CategoricalFacet("city", normalizer=normalize_location).fit(
            [[p.location] if p.location else [] for p in pitches]
            + [q.locations for q in investors])
        regions = [self._regions([p.location] if p.location else []) for p in pitches] + [
            self._regions(q.locations) for q in investors]
        self.region_ = CategoricalFacet("region", normalizer=normalize_location).fit(regions)
        self.green_ = CategoricalFacet("green", pitch_missing="zero", investor_missing=0.0).fit(
            [p.green_objectives for p in pitches] + [q.green_objectives for q in investors])
        self.support_ = CategoricalFacet("support", pitch_missing="neutral").fit(
            [p.support_needs for p in pitches] + [q.support_offers for q in investors])
        self.funding_ = CategoricalFacet("funding", pitch_missing="neutral").fit(
            [p.funding_types for p in pitches] + [q.funding_types for q in investors])
        dates = [d for d in (parse_date(q.last_active) for q in investors) if d]
        dates += [d for d in (parse_date(p.date) for p in pitches) if d]
        as_of = parse_date(self.as_of) or (max(dates) if dates else None)
        self.as_of_ = as_of.isoformat() if as_of else None
        self.activity_scale_ = activity_scale(scale_counts(investors, as_of,
                                                           self.half_life_days))
        self._set_layout()
        n = len(pitches)
        return text[:n], text[n:]

    def _regions(self, locations: Sequence[str]) -> list[str]:
        return [r for r in (region_of(x) for x in locations if x) if r]

    def _set_layout(self) -> None:
        has_region = bool(self.region_.vocab_)
        widths = {
            "sectors": self.sectors_.width, "stage": self.stage_.width,
            "location": self.city_.width + (self.region_.width if has_region else 0),
            "green": self.green_.width + 1, "support": self.support_.width,
            "funding": self.funding_.width, "ticket": ticket.WIDTH, "activity": 1,
            "focus": focus.widths(self.stage_, self.city_),
            "filter": len(self.stage_.vocab_) + 1 + ticket.N_BINS + 2, "jitter": 2,
        }
        self.slices_: dict[str, slice] = {}
        start = 0
        for name, w in widths.items():
            self.slices_[name] = slice(start, start + w)
            start += w
        self.dense_width_ = start

    def column_scale(self, weights: EngineWeights) -> tuple[float, np.ndarray]:
        """Text scale and pitch-side dense column scale for `weights` (score in [0, 1])."""
        total = weights.total()
        scale = np.ones(self.dense_width_, dtype=np.float32)
        for name in COMPONENTS[1:]:
            scale[self.slices_[name]] = getattr(weights, name) / total
        return weights.text / total, scale

    # -- rows --------------------------------------------------------------------------
    def pitch_dense(self, pitches: Sequence[PitchRecord], jitter: np.ndarray) -> np.ndarray:
        """Dense pitch-side rows (unscaled)."""
        out = np.zeros((len(pitches), self.dense_width_), dtype=np.float32)
        sl = self.slices_
        out[:, sl["sectors"]] = self.sectors_.pitch_rows([p.sectors for p in pitches])
        stages = [[p.stage] if p.stage else [] for p in pitches]
        out[:, sl["stage"]] = self.stage_.pitch_rows(stages)
        locs = [[p.location] if p.location else [] for p in pitches]
        loc = self.city_.pitch_rows(locs) * _CITY
        if self.region_.vocab_:
            loc = np.hstack([loc, self.region_.pitch_rows([self._regions(x) for x in locs])
                             * _REGION])
        out[:, sl["location"]] = loc
        g = sl["green"]
        out[:, g.start:g.stop - 1] = self.green_.pitch_rows(
            [p.green_objectives for p in pitches]) * _GREEN_OBJ
        out[:, g.stop - 1] = [_GREEN_ANY if p.green_objectives else 0.0 for p in pitches]
        out[:, sl["support"]] = self.support_.pitch_rows([p.support_needs for p in pitches])
        out[:, sl["funding"]] = self.funding_.pitch_rows([p.funding_types for p in pitches])
        f0 = sl["filter"].start
        n_stage = len(self.stage_.vocab_) + 1
        for r, p in enumerate(pitches):
            w = ticket.pitch_weights(p.amount)
            out[r, sl["ticket"]] = w
            for c in self.stage_.value_columns(stages[r]):
                out[r, f0 + c] = 1.0
            out[r, f0 + n_stage: f0 + n_stage + ticket.N_BINS] = w[: ticket.N_BINS]
            out[r, sl["filter"].stop - 2] = 0.0 if p.green_objectives else 1.0
        out[:, sl["activity"]] = 1.0
        out[:, sl["focus"]] = focus.pitch_rows(self.stage_, self.city_, pitches)
        out[:, sl["filter"].stop - 1] = 1.0
        j = sl["jitter"]
        out[:, j.start] = 1.0
        out[:, j.start + 1] = jitter * JITTER
        return out

    def investor_dense(self, investors: Sequence[InvestorRecord], jitter: np.ndarray
                       ) -> np.ndarray:
        """Dense investor-side rows, including hard filters and activity."""
        out = np.zeros((len(investors), self.dense_width_), dtype=np.float32)
        sl = self.slices_
        out[:, sl["sectors"]] = self.sectors_.investor_rows([q.sectors for q in investors])
        out[:, sl["stage"]] = self.stage_.investor_rows([q.stages for q in investors])
        loc = self.city_.investor_rows([q.locations for q in investors]) * _CITY
        if self.region_.vocab_:
            loc = np.hstack([loc, self.region_.investor_rows(
                [self._regions(q.locations) for q in investors]) * _REGION])
        out[:, sl["location"]] = loc
        g = sl["green"]
        out[:, g.start:g.stop - 1] = self.green_.investor_rows(
            [q.green_objectives for q in investors]) * _GREEN_OBJ
        out[:, g.stop - 1] = [_GREEN_ANY if q.green_mandate in ("preferred", "required")
                              or q.green_objectives else 0.0 for q in investors]
        out[:, sl["support"]] = self.support_.investor_rows([q.support_offers for q in investors])
        out[:, sl["funding"]] = self.funding_.investor_rows([q.funding_types for q in investors])
        as_of = parse_date(self.as_of_)
        f0 = sl["filter"].start
        n_stage = len(self.stage_.vocab_) + 1
        for r, q in enumerate(investors):
            out[r, sl["ticket"]] = ticket.investor_fit(q.ticket_min, q.ticket_max,
                                                       self.ticket_sigma)
            out[r, sl["activity"]] = activity_score(
                q.activity, q.last_active, as_of, self.activity_scale_, self.half_life_days,
                self.recency_floor, q.activity_dates)
            allowed = set(self.stage_.value_columns(q.stages))
            if q.stages_only and allowed:
                for c in range(n_stage):
                    if c not in allowed:
                        out[r, f0 + c] = FILTERED
            if q.ticket_only:
                far = ticket.investor_far_bins(q.ticket_min, q.ticket_max, self.ticket_far)
                out[r, f0 + n_stage: f0 + n_stage + ticket.N_BINS][far] = FILTERED
            if q.green_mandate == "required":
                out[r, sl["filter"].stop - 2] = FILTERED
            if not q.active:
                out[r, sl["filter"].stop - 1] = FILTERED
        out[:, sl["focus"]] = focus.investor_rows(
            self.stage_, self.city_, investors, as_of, self.half_life_days,
            self.activity_scale_, out[:, sl["activity"].start])
        j = sl["jitter"]
        out[:, j.start] = jitter * JITTER
        out[:, j.start + 1] = 1.0
        return out

    def known(self, pd: np.ndarray, qd: np.ndarray) -> dict[str, np.ndarray]:
        """Per component, whether both sides of each pair state a value (for reasons)."""
        sl = self.slices_
        out = {}
        for name, facet in (("sectors", self.sectors_), ("stage", self.stage_),
                            ("location", self.city_), ("support", self.support_),
                            ("funding", self.funding_)):
            start = sl[name].start
            out[name] = (pd[:, start + facet.width - 2] == 0) & (qd[:, start + facet.width - 1]
                                                                == 0)
        t = sl["ticket"]
        out["ticket"] = (pd[:, t.stop - 2] == 0) & (qd[:, t.stop - 1] == 0)
        return out

    # -- persistence -------------------------------------------------------------------
    def state(self) -> tuple[dict, dict[str, np.ndarray]]:
        """JSON-able description and arrays of the fitted builder."""
        text_meta, arrays = self.text_.state()
        vocab = {name: sorted(getattr(self, name + "_").vocab_) for name in
                 ("sectors", "stage", "city", "region", "green", "support", "funding")}
        meta = {
            "params": {"char_weight": self.char_weight, "ticket_sigma": self.ticket_sigma,
                       "ticket_far": self.ticket_far, "half_life_days": self.half_life_days,
                       "recency_floor": self.recency_floor, "as_of": self.as_of},
            "text": text_meta, "vocab": vocab, "activity_scale": self.activity_scale_,
            "as_of_": self.as_of_, "layout": LAYOUT,
        }
        return meta, {"text_" + k: v for k, v in arrays.items()}

    @classmethod
    def from_state(cls, meta: dict, arrays: dict[str, np.ndarray]) -> FeatureBuilder:
        """Rebuild a fitted builder from `state()` output."""
        if meta.get("layout") != LAYOUT:
            raise IndexFormatError("match index written with an older feature layout (no "
                                   "focus block); rebuild the index with `flask matching "
                                   "rebuild`")
        b = cls(**meta["params"])
        b.text_ = TextVectorizer.from_state(
            meta["text"], {k[5:]: v for k, v in arrays.items() if k.startswith("text_")})
        specs = {
            "sectors": CategoricalFacet("sectors"), "stage": CategoricalFacet("stage"),
            "city": CategoricalFacet("city", normalizer=normalize_location),
            "region": CategoricalFacet("region", normalizer=normalize_location),
            "green": CategoricalFacet("green", pitch_missing="zero", investor_missing=0.0),
            "support": CategoricalFacet("support", pitch_missing="neutral"),
            "funding": CategoricalFacet("funding", pitch_missing="neutral"),
        }
        for name, facet in specs.items():
            facet.vocab_ = {v: i for i, v in enumerate(meta["vocab"][name])}
            setattr(b, name + "_", facet)
        b.activity_scale_ = meta["activity_scale"]
        b.as_of_ = meta["as_of_"]
        b._set_layout()
        return b


__all__ = ["FeatureBuilder", "normalize_label"]
