"""Scored and explained results for chosen pairs of a fitted MatchEngine.

A mixin of `MatchEngine`: components, shared terms and reason codes for many pairs at once,
as array operations (no per-pair sparse objects), for the batch and the single queries.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from . import explain
from .records import MatchResult
from .results import ResultTable, word_counts
from .scoring import pair_text


class ExplainedResults:
    """`explain_pairs` and the result builders MatchEngine's queries share."""

    def _results(self, p_ids: Sequence[str], q_ids: Sequence[str], text: np.ndarray,
                 pd: np.ndarray, qd: np.ndarray, prod: tuple[np.ndarray, ...],
                 local: dict[str, str] | None = None, pitch_rows: np.ndarray | None = None
                 ) -> list[MatchResult]:
        return self._table(p_ids, q_ids, text, pd, qd, prod, local, pitch_rows).results()

    def _table(self, p_ids: Sequence[str], q_ids: Sequence[str], text: np.ndarray,
               pd: np.ndarray, qd: np.ndarray, prod: tuple[np.ndarray, ...],
               local: dict[str, str] | None = None, pitch_rows: np.ndarray | None = None
               ) -> ResultTable:
        """Explained results for aligned pairs, as array operations over all of them.

        `text` holds the pairs' text dot products, `pd`/`qd` their dense rows and `prod` the
        per-pair products of their word features as CSR (data, indices, indptr), from which
        the shared terms come, named as the pitch writes them: from `local` (a pitch record
        scored from its text) or the indexed pitch rows `pitch_rows` (`pitch_words_`).
        """
        comps = self._components(text, pd, qd)
        terms = explain.top_terms_many(*prod, self._surfaces(), self._names, local,
                                       words=self.pitch_words_, pitch_rows=pitch_rows,
                                       skip=self._unnamed())
        has_terms = np.fromiter(map(bool, terms), bool, len(terms))
        reasons = explain.reasons_many(comps, self.weights, has_terms,
                                       self.features_.known(pd, qd))
        return ResultTable(list(p_ids), list(q_ids), self._weighted(comps), comps, terms,
                           reasons)

    def _surfaces(self) -> list[str]:
        """Surface form of every word feature, in column order (for shared terms)."""
        cache = self.__dict__.get("_surface_list")
        if cache is None or cache[0] is not self.features_:
            tv = self.features_.text_
            cache = (self.features_, [tv.surfaces_.get(f) or f.lstrip("~")
                                      for f in self._names])
            self._surface_list = cache
        return cache[1]

    def _unnamed(self) -> np.ndarray:
        """Word columns an explanation never names (`explain.unnamed_columns`), by column."""
        cache = self.__dict__.get("_unnamed_cols")
        if cache is None or cache[0] is not self.features_:
            # the rows held now: the fitted texts, or more after upserts (the share is
            # read from the fitted idf; the count only says whether it is read at all)
            n = self.pitch_text_.shape[0] + self.investor_text_.shape[0]
            text = self.features_.text_
            cache = (self.features_, explain.unnamed_columns(self._names, text.word_idf_, n)
                     | text.word_apart_)
            self._unnamed_cols = cache
        return cache[1]

    def _word_rows(self, m: sp.csr_matrix, rows: np.ndarray) -> sp.csr_matrix:
        """The word-feature part (the first columns) of rows `rows` of text matrix `m`."""
        nw = self.features_.text_.n_word_features
        rows = np.asarray(rows, np.int64)
        lo = m.indptr[rows].astype(np.int64)
        if len(rows) <= 64:
            cnt = np.array([np.searchsorted(m.indices[a:b], nw) for a, b in
                            zip(lo.tolist(), m.indptr[rows + 1].tolist(), strict=True)],
                           np.int64)
        else:
            uniq, inv = np.unique(rows, return_inverse=True)
            cnt = word_counts(m, uniq, nw)[inv]
        ptr = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(cnt, out=ptr[1:])
        take = np.repeat(lo - ptr[:-1], cnt) + np.arange(ptr[-1])
        out = sp.csr_matrix((m.data[take], m.indices[take], ptr), shape=(len(rows), nw))
        out.has_sorted_indices = True
        return out

    def _row_results(self, p: np.ndarray, q: np.ndarray) -> list[MatchResult]:
        """Explained results for indexed (pitch row, investor row) pairs."""
        return self._row_table(p, q).results()

    def _row_table(self, p: np.ndarray, q: np.ndarray, chunk: int = 32_768) -> ResultTable:
        """Explained results for indexed (pitch row, investor row) pairs, in chunks."""
        p = np.asarray(p, np.int64)
        q = np.asarray(q, np.int64)
        out: list[ResultTable] = []
        pids, qids = self.pitch_ids_, self.investor_ids_
        for s in range(0, len(p), chunk):
            a, b = p[s:s + chunk], q[s:s + chunk]
            text = pair_text(self.investor_text_, self.pitch_text_, b, a)
            prod = self._word_rows(self.pitch_text_, a).multiply(
                self._word_rows(self.investor_text_, b)).tocsr()
            out.append(self._table(
                [pids[i] for i in a.tolist()], [qids[i] for i in b.tolist()], text,
                self.pitch_dense_[a], self.investor_dense_[b],
                (prod.data, prod.indices, prod.indptr), pitch_rows=a))
        return ResultTable.concat(out)

    def _one_results(self, one_id: str, text: sp.csr_matrix, dense: np.ndarray,
                     rows: np.ndarray, pitch_side: bool, local: dict[str, str] | None = None,
                     one_row: int = -1) -> list[MatchResult]:
        """Explained results of one row (a pitch if `pitch_side`) against other-side `rows`;
        `one_row` is its row in the index (-1: a record scored from its text, `local`)."""
        rows = np.asarray(rows, np.int64)
        n = len(rows)
        other_t = self.investor_text_ if pitch_side else self.pitch_text_
        other_d = self.investor_dense_ if pitch_side else self.pitch_dense_
        t = pair_text(other_t, text, rows, np.zeros(n, np.int64))
        ow = self._word_rows(other_t, rows)
        mine = self._word_rows(text, np.zeros(1, np.int64))
        scatter = np.zeros(ow.shape[1], np.float32)
        scatter[mine.indices] = mine.data
        data = ow.data * scatter[ow.indices]
        hit = data != 0
        ptr = np.zeros(len(hit) + 1, np.int64)
        np.cumsum(hit, out=ptr[1:])
        prod = (data[hit], ow.indices[hit], ptr[ow.indptr])
        one = np.repeat(dense, n, axis=0)
        others = [(self.investor_ids_ if pitch_side else self.pitch_ids_)[i]
                  for i in rows.tolist()]
        if pitch_side:
            mine = np.full(n, one_row, np.int64) if one_row >= 0 and local is None else None
            return self._results([one_id] * n, others, t, one, other_d[rows], prod, local,
                                 mine)
        return self._results(others, [one_id] * n, t, other_d[rows], one, prod, local, rows)

    def explain_pairs(self, pairs: Sequence[tuple[str, str]]) -> list[MatchResult]:
        """Scored and explained results for indexed (pitch_id, investor_id) pairs, in order
        (as `score_pair`, without the "filtered" check)."""
        self._check()
        p = np.array([self.pitch_index_[a] for a, _ in pairs], np.int64)
        q = np.array([self.investor_index_[b] for _, b in pairs], np.int64)
        return self._row_results(p, q)
