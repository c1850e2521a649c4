"""MatchEngine: fit on pitches and investors, then rank, explain, update and save."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from .engine_explain import ExplainedResults
from .engine_updates import IndexUpdates
from .features import FeatureBuilder
from .lowrank import randomized_components, spmm
from .pitch_words import PitchWords
from .records import (
    COMPONENTS,
    EngineWeights,
    InvestorRecord,
    MatchResult,
    NotFittedError,
    PitchRecord,
)
from .results import ResultTable
from .scoring import TopK, n_candidates, one_blas_thread, pair_text, run_blocks, topk_rows


class MatchEngine(ExplainedResults, IndexUpdates):
    """Founder↔investor matching: a weighted sum of text, facet, ticket and activity scores.

    Parameters are stored as given (scikit-learn style); `fit` sets the attributes ending in
    `_`. `retrieval` is "exact" (sparse text products), "svd" (low-rank candidates, exact
    re-scoring) or "auto" (svd once pitches × investors exceeds `svd_threshold`).
    """

    def __init__(self, weights: EngineWeights | None = None, n_jobs: int = 1,
                 random_state: int = 0, char_weight: float = 0.3, ticket_sigma: float = 0.5,
                 ticket_far: float = 0.5, half_life_days: float = 365.0,
                 recency_floor: float = 0.3, as_of: str | None = None,
                 retrieval: str = "auto", n_components: int = 192,
                 svd_threshold: int = 50_000_000, block_size: int = 2048) -> None:
        self.weights = weights if weights is not None else EngineWeights()
        self.n_jobs = n_jobs
        self.random_state = random_state
        self.char_weight = char_weight
        self.ticket_sigma = ticket_sigma
        self.ticket_far = ticket_far
        self.half_life_days = half_life_days
        self.recency_floor = recency_floor
        self.as_of = as_of
        self.retrieval = retrieval
        self.n_components = n_components
        self.svd_threshold = svd_threshold
        self.block_size = block_size

    # -- fitting -----------------------------------------------------------------------
    def fit(self, pitches: Sequence[PitchRecord], investors: Sequence[InvestorRecord]
            ) -> MatchEngine:
        """Learn vocabularies and index all pitches and investors; returns self."""
        pitches, investors = list(pitches), list(investors)
        for kind, recs in (("pitch", pitches), ("investor", investors)):
            ids = [r.id for r in recs]
            if len(set(ids)) != len(ids):
                raise ValueError(f"duplicate {kind} ids")
        self.features_ = FeatureBuilder(self.char_weight, self.ticket_sigma, self.ticket_far,
                                        self.half_life_days, self.recency_floor, self.as_of)
        analyses: list = []  # the fit's analyses, in order: the pitches' come first
        pt, qt = self.features_.fit(pitches, investors, analyses)
        self.rng_ = np.random.default_rng(self.random_state)
        self.pitch_ids_ = [p.id for p in pitches]
        self.investor_ids_ = [q.id for q in investors]
        self.pitch_text_, self.investor_text_ = pt, qt
        text_ = self.features_.text_
        # from the fit's analyses: the memo (30 M characters) does not hold 100,000 pitches,
        # and read in order through a least-recently-used memo they would all be analysed again
        self.pitch_words_ = PitchWords(text_.n_word_features).append(
            text_, [p.text for p in pitches], analyses)
        del analyses
        self.pitch_dense_ = self.features_.pitch_dense(pitches, self.rng_.random(len(pitches)))
        self.investor_dense_ = self.features_.investor_dense(
            investors, self.rng_.random(len(investors)))
        self.pitch_alive_ = np.ones(len(pitches), bool)
        self.investor_alive_ = np.ones(len(investors), bool)
        self.svd_components_ = None
        use_svd = self.retrieval == "svd" or (
            self.retrieval == "auto" and len(pitches) * len(investors) > self.svd_threshold)
        if use_svd:
            self._fit_svd()
        self._reindex()
        return self

    def _fit_svd(self) -> None:
        # fitted on a sample of both sides: the subspace only steers candidate retrieval
        sample = sp.vstack([self.investor_text_, self.pitch_text_[
            self.rng_.choice(self.pitch_text_.shape[0], min(10_000, self.pitch_text_.shape[0]),
                             replace=False)]], format="csr")
        r = min(self.n_components, min(sample.shape) - 1)
        self.svd_components_ = randomized_components(sample, r, self.random_state,
                                                      self.n_jobs)
        self.pitch_z_ = self._project(self.pitch_text_)
        self.investor_z_ = self._project(self.investor_text_)

    def _project(self, text: sp.csr_matrix) -> np.ndarray:
        cache = self.__dict__.get("_svd_t")
        if cache is None or cache[0] is not self.svd_components_:
            cache = (self.svd_components_,
                     np.ascontiguousarray(self.svd_components_.T, dtype=np.float32))
            self._svd_t = cache
        return spmm(text, cache[1], self.n_jobs)

    def _reindex(self) -> None:
        self.pitch_index_ = {pid: i for i, pid in enumerate(self.pitch_ids_)
                             if self.pitch_alive_[i]}
        self.investor_index_ = {qid: i for i, qid in enumerate(self.investor_ids_)
                                if self.investor_alive_[i]}
        self._names = self.features_.text_.word_feature_names()

    def _check(self) -> None:
        if not hasattr(self, "features_"):
            raise NotFittedError("This MatchEngine is not fitted yet: call fit() first.")

    def set_weights(self, weights: EngineWeights) -> MatchEngine:
        """Change component weights; takes effect at once, no refit."""
        self.weights = weights
        return self

    def _scales(self) -> tuple[float, np.ndarray]:
        return self.features_.column_scale(self.weights)

    # -- records to rows ---------------------------------------------------------------
    def _pitch_rows(self, pitch: PitchRecord | str) -> tuple[sp.csr_matrix, np.ndarray, int]:
        """Text row, dense row and index row (-1 for a record scored from scratch)."""
        self._check()
        if isinstance(pitch, str):
            i = self.pitch_index_[pitch]
            return self.pitch_text_[i], self.pitch_dense_[i:i + 1], i
        jit = self._stable_jitter(pitch.id)
        return (self.features_.text_.transform([pitch.text]),
                self.features_.pitch_dense([pitch], jit), self.pitch_index_.get(pitch.id, -1))

    def _investor_rows(self, inv: InvestorRecord | str) -> tuple[sp.csr_matrix, np.ndarray, int]:
        self._check()
        if isinstance(inv, str):
            i = self.investor_index_[inv]
            return self.investor_text_[i], self.investor_dense_[i:i + 1], i
        jit = self._stable_jitter(inv.id)
        return (self.features_.text_.transform([inv.text]),
                self.features_.investor_dense([inv], jit), self.investor_index_.get(inv.id, -1))

    def _stable_jitter(self, key: str) -> np.ndarray:
        # derived from the id and the seed, so a record re-scored later ties the same way
        h = np.frombuffer(key.encode("utf-8") or b"\0", np.uint8).astype(np.uint64)
        seed = int((h * np.uint64(2654435761)).sum() % np.uint64(2**32)) ^ self.random_state
        return np.random.default_rng(seed).random(1)

    # -- scoring -----------------------------------------------------------------------
    def _components(self, text: np.ndarray, pd: np.ndarray, qd: np.ndarray) -> np.ndarray:
        """Component matrix (pairs × components): text dot products given, facets from the
        aligned dense rows of both sides."""
        sl = self.features_.slices_
        out = np.empty((pd.shape[0], len(COMPONENTS)), np.float32)
        out[:, 0] = text
        for c, name in enumerate(COMPONENTS[1:], start=1):
            out[:, c] = np.einsum("ij,ij->i", pd[:, sl[name]], qd[:, sl[name]])
        return np.clip(out, 0.0, 1.0)

    def _weighted(self, comps: np.ndarray) -> np.ndarray:
        w = np.array([getattr(self.weights, c) for c in COMPONENTS], np.float32)
        return np.clip(comps @ w / w.sum(), 0.0, 1.0)

    def _filtered(self, pd: np.ndarray, qd: np.ndarray) -> np.ndarray:
        f = self.features_.slices_["filter"]
        return np.einsum("ij,ij->i", pd[:, f], qd[:, f]) < 0

    def _scores_one(self, text: sp.csr_matrix, dense: np.ndarray, pitch_side: bool,
                    k: int) -> np.ndarray:
        """Scores of one row against every row of the other side (-inf: not a candidate)."""
        with one_blas_thread():
            return self._scores_one_raw(text, dense, pitch_side, k)

    def _scores_one_raw(self, text: sp.csr_matrix, dense: np.ndarray, pitch_side: bool,
                        k: int) -> np.ndarray:
        s_text, s_dense = self._scales()
        if pitch_side:
            other_t, other_d = self.investor_text_, self.investor_dense_
            dense_q = (dense * s_dense).ravel()
            d = other_d @ dense_q
            alive = self.investor_alive_
        else:
            other_t, other_d = self.pitch_text_, self.pitch_dense_
            d = other_d @ (s_dense * dense.ravel())
            alive = self.pitch_alive_
        if self.svd_components_ is None:
            s = d + s_text * (other_t @ text.T).toarray().ravel()
        else:
            other_z = self.investor_z_ if pitch_side else self.pitch_z_
            z = self._project(text).ravel()
            s = d + s_text * (other_z @ z)
            c = min(len(s), n_candidates(k))
            cand = np.argpartition(-s, c - 1)[:c]
            s_c = d[cand] + s_text * pair_text(other_t, text, cand, np.zeros(c, np.int64))
            s = np.full(len(s), -np.inf, np.float32)
            s[cand] = s_c
        s = np.where(alive & (s >= 0), s, -np.inf)
        return s

    def _top(self, s: np.ndarray, k: int, exclude_rows: Iterable[int]) -> np.ndarray:
        for r in exclude_rows:
            s[r] = -np.inf
        idx, vals = topk_rows(s[None, :], k)
        return idx[0][np.isfinite(vals[0])]

    def top_investors(self, pitch: PitchRecord | str, k: int = 20,
                      exclude: Iterable[str] = frozenset()) -> list[MatchResult]:
        """Best investors for a pitch (an indexed id or a new/edited record, no refit)."""
        pt, pd, row = self._pitch_rows(pitch)
        s = self._scores_one(pt, pd, True, k)
        ex = [self.investor_index_[x] for x in exclude if x in self.investor_index_]
        top = self._top(s, k, ex)
        pid = pitch if isinstance(pitch, str) else pitch.id
        local = None if isinstance(pitch, str) else self.features_.text_.local_surfaces(pitch.text)
        return self._one_results(pid, pt, pd, top, True, local, row)

    def top_pitches(self, investor: InvestorRecord | str, k: int = 20,
                    exclude: Iterable[str] = frozenset()) -> list[MatchResult]:
        """Best pitches for an investor (an indexed id or a new/edited record, no refit)."""
        qt, qd, _ = self._investor_rows(investor)
        s = self._scores_one(qt, qd, False, k)
        ex = [self.pitch_index_[x] for x in exclude if x in self.pitch_index_]
        top = self._top(s, k, ex)
        qid = investor if isinstance(investor, str) else investor.id
        return self._one_results(qid, qt, qd, top, False)

    def score_pair(self, pitch: PitchRecord | str, investor: InvestorRecord | str
                   ) -> MatchResult:
        """Score and explain one pair (score 0 and reason "filtered" if a hard filter hits)."""
        pt, pd, row = self._pitch_rows(pitch)
        qt, qd, _ = self._investor_rows(investor)
        pid = pitch if isinstance(pitch, str) else pitch.id
        qid = investor if isinstance(investor, str) else investor.id
        local = None if isinstance(pitch, str) else self.features_.text_.local_surfaces(pitch.text)
        one = np.zeros(1, np.int64)
        prod = self._word_rows(pt, one).multiply(self._word_rows(qt, one)).tocsr()
        res = self._results([pid], [qid], pair_text(pt, qt, one, one), pd, qd,
                            (prod.data, prod.indices, prod.indptr), local,
                            None if local is not None else np.full(1, row, np.int64))[0]
        if self._filtered(pd, qd)[0]:
            return MatchResult(pid, qid, 0.0, res.components, res.shared_terms, ["filtered"])
        return res

    def pair_components(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Component matrix for indexed (pitch_id, investor_id) pairs (for re-rankers)."""
        self._check()
        p, q = self._pair_rows(pairs)
        if len(p) == 0:
            return np.zeros((0, len(COMPONENTS)), np.float32)
        return self._row_components(p, q)

    def _pair_rows(self, pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
        """The index rows of indexed (pitch_id, investor_id) pairs."""
        p = np.array([self.pitch_index_[a] for a, _ in pairs], np.int64)
        q = np.array([self.investor_index_[b] for _, b in pairs], np.int64)
        return p, q

    def _row_components(self, p: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Component matrix of the pairs of pitch rows p and investor rows q."""
        return self._components(pair_text(self.pitch_text_, self.investor_text_, p, q),
                                self.pitch_dense_[p], self.investor_dense_[q])

    def pair_scores(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Scores of (pitch_id, investor_id) pairs as the stored ones are computed (the
        weighted components, no explanation), in order; NaN for a pair a hard filter
        rules out or with a side that is not (or no longer) in the index."""
        self._check()
        out = np.full(len(pairs), np.nan, np.float32)
        known = [t for t, (a, b) in enumerate(pairs)
                 if a in self.pitch_index_ and b in self.investor_index_]
        if not known:
            return out
        p, q = self._pair_rows([pairs[t] for t in known])
        with one_blas_thread():
            s = self._weighted(self._row_components(p, q))
        ok = (self.pitch_alive_[p] & self.investor_alive_[q]
              & ~self._filtered(self.pitch_dense_[p], self.investor_dense_[q]))
        out[np.array(known, np.int64)[ok]] = s[ok]
        return out

    # -- batches -----------------------------------------------------------------------
    def _exclude_rows(self, pairs: Iterable[tuple[str, str]]) -> dict[int, np.ndarray]:
        out: dict[int, list[int]] = {}
        for a, b in pairs:
            if a in self.pitch_index_ and b in self.investor_index_:
                out.setdefault(self.pitch_index_[a], []).append(self.investor_index_[b])
        return {k: np.array(v) for k, v in out.items()}

    def batch_topk(self, k: int = 20, exclude_pairs: Iterable[tuple[str, str]] = (),
                   forward: bool = True, reverse: bool = True) -> tuple[TopK | None, TopK | None]:
        """Array form of both batch directions from ONE blocked pass (rows, not ids)."""
        self._check()
        return run_blocks(self, k, self._exclude_rows(exclude_pairs), reverse, forward)

    def _materialize(self, top: TopK, pitch_side: bool) -> dict[str, list[MatchResult]]:
        alive = self.pitch_alive_ if pitch_side else self.investor_alive_
        rows = np.repeat(np.arange(top.index.shape[0]), top.index.shape[1])
        cols = top.index.ravel()
        ok = (cols >= 0) & alive[rows]
        rows, cols = rows[ok], cols[ok]
        p, q = (rows, cols) if pitch_side else (cols, rows)
        res = self._row_results(p, q)
        ids = self.pitch_ids_ if pitch_side else self.investor_ids_
        out: dict[str, list[MatchResult]] = {ids[i]: [] for i in np.flatnonzero(alive)}
        for r, m in zip(rows, res, strict=True):
            out[ids[r]].append(m)
        return out

    def batch_top_investors(self, k: int = 20, exclude_pairs: Iterable[tuple[str, str]] = ()
                            ) -> dict[str, list[MatchResult]]:
        """Top-k investors for every indexed pitch, in blocks (never a dense N×M matrix)."""
        fwd, _ = self.batch_topk(k, exclude_pairs, forward=True, reverse=False)
        return self._materialize(fwd, True)

    def batch_top_pitches(self, k: int = 20, exclude_pairs: Iterable[tuple[str, str]] = ()
                          ) -> dict[str, list[MatchResult]]:
        """Top-k pitches for every indexed investor, in blocks."""
        _, rev = self.batch_topk(k, exclude_pairs, forward=False, reverse=True)
        return self._materialize(rev, False)

    def batch_results(self, k: int = 20, exclude_pairs: Iterable[tuple[str, str]] = ()
                      ) -> list[MatchResult]:
        """Every pair in a pitch's top k investors or an investor's top k pitches, each once,
        scored and explained (one blocked pass for both directions; what the app stores).

        Forward pairs come first (by pitch, best first), then pairs only in a reverse list.
        """
        return self.batch_table(k, exclude_pairs).results()

    def batch_table(self, k: int = 20, exclude_pairs: Iterable[tuple[str, str]] = ()
                    ) -> ResultTable:
        """`batch_results` as columns (arrays and lists; no object per pair)."""
        fwd, rev = self.batch_topk(k, exclude_pairs, forward=True, reverse=True)
        parts = []
        for top, pitch_side in ((fwd, True), (rev, False)):
            alive = self.pitch_alive_ if pitch_side else self.investor_alive_
            rows = np.repeat(np.arange(top.index.shape[0]), top.index.shape[1])
            cols = top.index.ravel()
            ok = (cols >= 0) & alive[rows]
            parts.append((rows[ok], cols[ok]) if pitch_side else (cols[ok], rows[ok]))
        p = np.concatenate([parts[0][0], parts[1][0]]).astype(np.int64)
        q = np.concatenate([parts[0][1], parts[1][1]]).astype(np.int64)
        _, first = np.unique(p * len(self.investor_ids_) + q, return_index=True)
        first.sort()
        return self._row_table(p[first], q[first])

    # -- learning and persistence ------------------------------------------------------
    def fit_reranker(self, positive_pairs: Sequence[tuple[str, str]],
                     negative_pairs: Sequence[tuple[str, str]], min_pairs: int = 20
                     ) -> MatchEngine:
        """Learn component weights from feedback pairs (see `matching.reranker`)."""
        from .reranker import learn_weights

        self.set_weights(learn_weights(self, positive_pairs, negative_pairs, min_pairs))
        return self

    def save(self, path: str | Path) -> Path:
        """Write the fitted index (npz + JSON, no pickle); returns the file written."""
        from .persistence import save

        return save(self, path)

    @classmethod
    def load(cls, path: str | Path) -> MatchEngine:
        """Read an index written by `save`."""
        from .persistence import load

        return load(path)

    def save_bytes(self) -> bytes:
        """The saved index as bytes (for a database blob)."""
        from .persistence import save_bytes

        return save_bytes(self)

    @classmethod
    def load_bytes(cls, data: bytes) -> MatchEngine:
        """Read an index from `save_bytes` output."""
        from .persistence import load_bytes

        return load_bytes(data)
