"""Categorical facets (sectors, stages, location, green objectives, support, funding types).

Each facet becomes a small dense block on each side so that the dot product of a pitch row
and an investor row is the facet's similarity in [0, 1]:

- both sides known: cosine of the pitch's values and the investor's value profile
  (repeated investor values, e.g. the stages of a portfolio, count as weight);
- pitch value missing: the investor's *expected* similarity to a pitch drawn from its own
  profile, ``||q||_2`` for the L1-normalised profile ``q`` (or a constant, per facet);
- investor profile missing: a neutral constant (an investor who names no stage takes any).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

NEUTRAL = 0.5

# Spellings of the same place; a small alias table is kinder than a geocoder here. The app
# hands over its municipality keys ("baerum", "ovre_eiker"; an underscore reads as a space).
LOCATION_ALIASES = {
    "bengaluru": "bangalore", "gurugram": "gurgaon", "new delhi": "delhi",
    "bombay": "mumbai", "madras": "chennai", "calcutta": "kolkata", "sf": "san francisco",
    "nyc": "new york", "new york city": "new york", "baerum": "bærum", "oslo kommune": "oslo",
    "ovre eiker": "øvre eiker", "krodsherad": "krødsherad",
}
# Municipality -> county, for the region west of Oslo that Koble starts in. Every
# municipality the app offers must be here (tests/app/test_municipality_regions.py).
REGIONS = {
    "oslo": "oslo", "asker": "akershus", "bærum": "akershus", "lillestrøm": "akershus",
    "lørenskog": "akershus", "nordre follo": "akershus", "ås": "akershus",
    "frogn": "akershus", "nesodden": "akershus", "drammen": "buskerud", "lier": "buskerud",
    "kongsberg": "buskerud", "hole": "buskerud", "ringerike": "buskerud",
    "modum": "buskerud", "øvre eiker": "buskerud", "hønefoss": "buskerud",
    "sigdal": "buskerud", "krødsherad": "buskerud", "flesberg": "buskerud",
    "rollag": "buskerud", "nore og uvdal": "buskerud",
    "holmestrand": "vestfold", "horten": "vestfold", "tønsberg": "vestfold",
    "sandefjord": "vestfold", "larvik": "vestfold", "fredrikstad": "østfold",
    "sarpsborg": "østfold", "moss": "østfold", "akershus": "akershus",
    "buskerud": "buskerud", "vestfold": "vestfold", "østfold": "østfold",
}
_NON_ALNUM = re.compile(r"[^\w]+|_")


# Facet values repeat (a few sectors, stages and places across 100,000 records): each
# spelling is normalised once. Pure functions of the string, bounded, thread-safe.
@lru_cache(maxsize=8192)
def normalize_label(value: str) -> str:
    """Lower-case, NFKC and drop punctuation/spaces, so "e-commerce" meets "ecommerce"."""
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", value).lower())


@lru_cache(maxsize=8192)
def normalize_location(value: str) -> str:
    """Lower-cased place name with known aliases merged."""
    key = unicodedata.normalize("NFKC", value).lower().replace(",", " ").replace("_", " ")
    key = " ".join(key.split())
    return LOCATION_ALIASES.get(key, key)


class CategoricalFacet:
    """One categorical facet: vocabulary, pitch-side rows and investor-side rows."""

    def __init__(self, name: str, pitch_missing: str = "expected",
                 investor_missing: float = NEUTRAL, normalizer=normalize_label) -> None:
        self.name = name
        self.pitch_missing = pitch_missing  # "expected" | "neutral" | "zero"
        self.investor_missing = investor_missing
        self.normalizer = normalizer

    def _clean(self, values: Sequence[str]) -> list[str]:
        out = (self.normalizer(v) for v in values if v)
        return [v for v in out if v]

    def fit(self, values: Sequence[Sequence[str]]) -> CategoricalFacet:
        """Learn the vocabulary from all values seen on both sides."""
        vocab = sorted({v for vs in values for v in self._clean(vs)})
        self.vocab_ = {v: i for i, v in enumerate(vocab)}
        return self

    @property
    def width(self) -> int:
        """Columns: values, "other", "pitch missing", bias."""
        return len(self.vocab_) + 3

    def _counts(self, values: Sequence[str]) -> np.ndarray:
        vec = np.zeros(len(self.vocab_) + 1, dtype=np.float64)
        for v, c in Counter(self._clean(values)).items():
            vec[self.vocab_.get(v, len(self.vocab_))] += c
        return vec

    def pitch_rows(self, values: Sequence[Sequence[str]], chunk: int = 4096) -> np.ndarray:
        """Pitch-side block: L2-normalised multi-hot, or the "missing" column.

        As arrays, `chunk` rows at a time: counts are whole numbers, so their norms are
        exact whatever the order of summing (the same rows as one `_counts` per record)."""
        out = np.zeros((len(values), self.width), dtype=np.float32)
        out[:, -1] = 1.0
        if len(values) <= 16:  # a query's one record: the arrays' set-up costs more
            for r, vs in enumerate(values):
                vec = self._counts(vs)
                norm = np.linalg.norm(vec)
                if norm > 0:
                    out[r, : vec.size] = vec / norm
                else:
                    out[r, -2] = 1.0
            return out
        vocab, other = self.vocab_, len(self.vocab_)
        for s in range(0, len(values), chunk):
            rows: list[int] = []
            cols: list[int] = []
            for r, vs in enumerate(values[s:s + chunk]):
                for v in self._clean(vs):
                    rows.append(r)
                    cols.append(vocab.get(v, other))
            counts = np.zeros((min(chunk, len(values) - s), other + 1), dtype=np.float64)
            np.add.at(counts, (np.array(rows, np.int64), np.array(cols, np.int64)), 1.0)
            norm = np.sqrt(np.einsum("ij,ij->i", counts, counts))
            ok = norm > 0
            block = out[s:s + len(counts)]
            block[ok, : other + 1] = counts[ok] / norm[ok, None]
            block[~ok, -2] = 1.0
        return out

    def investor_rows(self, values: Sequence[Sequence[str]]) -> np.ndarray:
        """Investor-side block: normalised profile, expected value, neutral bias."""
        out = np.zeros((len(values), self.width), dtype=np.float32)
        for r, vs in enumerate(values):
            vec = self._counts(vs)
            vec[-1] = 0.0  # an investor's own unseen values can never match a pitch
            total = vec.sum()
            if total <= 0:
                out[r, -1] = self.investor_missing  # bias: pitch rows always carry a 1 there
                continue
            out[r, : vec.size] = vec / np.linalg.norm(vec)
            if self.pitch_missing == "expected":
                out[r, -2] = np.linalg.norm(vec / total)
            elif self.pitch_missing == "neutral":
                out[r, -2] = NEUTRAL
        return out

    def value_columns(self, values: Sequence[str]) -> list[int]:
        """Column indices of `values` (unknown values map to "other")."""
        return sorted({self.vocab_.get(v, len(self.vocab_)) for v in self._clean(values)})


def region_of(location: str) -> str | None:
    """County of a known Norwegian municipality, else None."""
    return REGIONS.get(normalize_location(location))
