"""Blocked all-pairs scoring: one matmul per block, top-k by argpartition, both directions.

Exact mode multiplies the sparse text rows and the dense facet rows. SVD mode (for large
indexes) multiplies ONE dense matrix per side — the low-rank text projection concatenated with
the weight-scaled facet block — to pick candidates, then re-scores those candidates exactly.

Blocks run through joblib. To move them to a cluster, wrap the call in a different backend::

    from joblib import parallel_config
    # after `from dask.distributed import Client; client = Client(...)`
    with parallel_config(backend="dask"):
        engine.batch_top_investors(k=20)
    # or backend="ray" after `from ray.util.joblib import register_ray; register_ray()`
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from joblib import Parallel, delayed
from threadpoolctl import threadpool_limits

_CONTROLLER = None


def one_blas_thread():
    """Context with a one-thread BLAS: a single query's small products gain nothing from
    threads, and spinning BLAS threads cost milliseconds on a busy machine."""
    global _CONTROLLER
    if _CONTROLLER is None:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER = ThreadpoolController()
    return _CONTROLLER.limit(limits=1, user_api="blas")


@dataclass
class TopK:
    """Row-wise top-k as arrays: `index[r, j]` is a column row id (-1 = none), `score` its score."""

    index: np.ndarray
    score: np.ndarray


def pair_text(a: sp.csr_matrix, b: sp.csr_matrix, ia: np.ndarray, ib: np.ndarray
              ) -> np.ndarray:
    """Exact text dot products of row pairs (a[ia[t]], b[ib[t]]).

    Pairs are grouped by their `b` row: that row is scattered once into a dense vector
    (small, stays in cache) and the `a` rows of its group are multiplied with it in one
    sparse matrix-vector product, so the cost is the `a` rows' non-zeros and no more.
    """
    ia = np.asarray(ia, np.int64)
    ib = np.asarray(ib, np.int64)
    out = np.empty(len(ia), dtype=np.float32)
    if len(ia) == 0:
        return out
    order = np.argsort(ib, kind="stable")
    keys, starts = np.unique(ib[order], return_index=True)
    bounds = np.append(starts, len(order))
    dense = np.zeros(b.shape[1], np.float32)
    for g, q in enumerate(keys.tolist()):
        sel = order[bounds[g]:bounds[g + 1]]
        lo, hi = b.indptr[q], b.indptr[q + 1]
        cols = b.indices[lo:hi]
        dense[cols] = b.data[lo:hi]
        out[sel] = a[ia[sel]] @ dense
        dense[cols] = 0.0
    return out


def top_per_key(keys: np.ndarray, vals: np.ndarray, c: int) -> np.ndarray:
    """Positions of the `c` largest `vals` for every distinct key (best first per key)."""
    order = np.argsort(-vals, kind="stable")
    order = order[np.argsort(keys[order], kind="stable")]
    ks = keys[order]
    first = np.searchsorted(ks, ks, side="left")
    return order[(np.arange(len(order)) - first) < c]


def lower_bound(s: np.ndarray, c: int, axis: int) -> np.ndarray:
    """A value <= the c-th largest of every row (axis=1) or column (axis=0) of `s`.

    The maximum of each group of entries is computed (groups of strided slices, so each step
    is one contiguous elementwise maximum); the c-th largest group maximum is at most the c-th
    largest entry, as the c best groups hold c distinct entries. Entries >= the bound are the
    candidates: at least c, and in practice not many more.
    """
    m = s.shape[axis]
    if m <= c:
        return np.full(s.shape[1 - axis], -np.inf, s.dtype)
    w = max(1, m // (4 * c))
    g = m // w
    take = (lambda i, j: s[:, i:j]) if axis == 1 else (lambda i, j: s[i:j])
    head = take(0, g).copy()
    for i in range(1, w):
        np.maximum(head, take(i * g, (i + 1) * g), out=head)
    if g * w < m:
        head = np.concatenate([head, take(g * w, m)], axis=axis)
    n = head.shape[axis]
    return np.partition(head, n - c, axis=axis).take(n - c, axis=axis)


def topk_rows(s: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Top-k columns of every row of `s` (sorted, best first); -inf entries give index -1."""
    k = min(k, s.shape[1])
    if k == 0:
        return np.zeros((s.shape[0], 0), np.int64), np.zeros((s.shape[0], 0), s.dtype)
    part = np.argpartition(-s, k - 1, axis=1)[:, :k]
    vals = np.take_along_axis(s, part, axis=1)
    order = np.argsort(-vals, axis=1, kind="stable")
    idx = np.take_along_axis(part, order, axis=1)
    vals = np.take_along_axis(vals, order, axis=1)
    idx[~np.isfinite(vals)] = -1
    return idx, vals


def n_candidates(k: int) -> int:
    """Approximate candidates re-scored exactly per row (SVD retrieval)."""
    return k + max(10, k // 2)


def exact_scores(engine, p: np.ndarray, q: np.ndarray, facets: np.ndarray, s_text: float,
                 n_jobs: int = 1) -> np.ndarray:
    """Exact weighted scores of (pitch row, investor row) pairs given their facet part."""
    p = np.asarray(p, np.int64)
    q = np.asarray(q, np.int64)
    if len(p) == 0:
        return np.zeros(0, np.float32)
    parts = [np.arange(len(p))]
    if n_jobs > 1 and len(p) > 100_000:
        order = np.argsort(q, kind="stable")  # split by investor so groups are not cut
        cuts = np.searchsorted(q[order], np.quantile(q, np.linspace(0, 1, n_jobs + 1)[1:-1]))
        parts = np.split(order, cuts)

    def run(sel: np.ndarray) -> np.ndarray:
        return pair_text(engine.pitch_text_, engine.investor_text_, p[sel], q[sel])

    res = Parallel(n_jobs=len(parts), prefer="threads")(delayed(run)(x) for x in parts) \
        if len(parts) > 1 else [run(parts[0])]
    text = np.empty(len(p), np.float32)
    for sel, r in zip(parts, res, strict=True):
        text[sel] = r
    return facets + np.float32(s_text) * text


def _to_topk(keys: np.ndarray, cols: np.ndarray, vals: np.ndarray, n: int, k: int) -> TopK:
    """Best `k` (cols, vals) per key as a TopK of `n` rows; -inf entries give -1."""
    idx = np.full((n, k), -1, np.int64)
    sc = np.full((n, k), -np.inf, np.float32)
    keep = top_per_key(keys, vals, k)
    ks = keys[keep]
    rank = np.arange(len(keep)) - np.searchsorted(ks, ks, side="left")
    idx[ks, rank] = cols[keep]
    sc[ks, rank] = vals[keep]
    idx[~np.isfinite(sc)] = -1
    return TopK(idx, sc)


class BlockScorer:
    """Scores blocks of pitch rows against all investor rows for one fitted engine state."""

    def __init__(self, engine, k: int, exclude: dict[int, np.ndarray] | None = None) -> None:
        self.e = engine
        self.k = k
        self.exclude = exclude or {}
        s_text, s_dense = engine._scales()
        self.s_text = np.float32(s_text)
        self.s_dense = s_dense
        self.qd = engine.investor_dense_
        self.svd = engine.svd_components_ is not None
        self.c = n_candidates(k) if self.svd else k
        if self.svd:
            # dense, C-contiguous, float32: the low-rank text projection and the facets
            self.qz = np.ascontiguousarray(engine.investor_z_, dtype=np.float32)
            self.qd = np.ascontiguousarray(self.qd, dtype=np.float32)
            self.s_dense = np.asarray(s_dense, np.float32)
            # running lower bound of each investor's c-th best approximate score
            self.bound = np.full(self.qd.shape[0], -np.inf, np.float32)
        else:
            self.qt_t = engine.investor_text_.T.tocsr()
        self.dead_q = np.flatnonzero(~engine.investor_alive_)
        self.dead_p = ~engine.pitch_alive_

    def raw_block(self, rows: np.ndarray, text: np.ndarray | None = None) -> np.ndarray:
        """Scores (exact mode) of pitch `rows` vs all investors; `text` is their
        `text_block`, if already at hand (it does not depend on the weights)."""
        e = self.e
        if self.svd:
            raise AssertionError("SVD blocks are scored by block()")
        s = (e.pitch_dense_[rows] * self.s_dense) @ self.qd.T
        s += self.s_text * (self.text_block(rows) if text is None else text)
        return s

    def text_block(self, rows: np.ndarray) -> np.ndarray:
        """Unweighted text products of pitch `rows` vs all investors (exact mode)."""
        return (self.e.pitch_text_[rows] @ self.qt_t).toarray()

    def mask(self, rows: np.ndarray, s: np.ndarray) -> np.ndarray:
        """-inf for removed and excluded pairs (and, exact mode, filtered ones)."""
        if not self.svd:
            s[s < 0] = -np.inf
        if self.dead_q.size:
            s[:, self.dead_q] = -np.inf
        s[self.dead_p[rows]] = -np.inf
        if self.exclude:
            for r, row in enumerate(rows.tolist()):
                ex = self.exclude.get(row)
                if ex is not None:
                    s[r, ex] = -np.inf
        return s

    def block(self, rows: np.ndarray, reverse: bool) -> tuple:
        """Exact mode: forward top-k and reverse top-k within the block, as arrays.

        SVD mode: forward and reverse candidate triples (pitch row, investor row, approx).
        """
        if self.svd:
            e = self.e
            f = (e.pitch_dense_[rows] * self.s_dense) @ self.qd.T  # exact facet part
            s = (e.pitch_z_[rows] * self.s_text) @ self.qz.T  # approximate text part
            s += f
            s = self.mask(rows, s)
            t = lower_bound(s, self.c, 1)
            r, c = np.nonzero(s >= t[:, None])
            v = s[r, c]
            keep = top_per_key(r, v, self.c)
            r, c = r[keep], c[keep]
            fwd = (rows[r], c, v[keep], f[r, c])
            rev = None
            if reverse:
                t = lower_bound(s, self.c, 0)
                np.maximum(t, self.bound, out=t)
                np.maximum(self.bound, t, out=self.bound)  # still a valid bound: never above
                r, c = np.nonzero(s >= t[None, :])
                v = s[r, c]
                keep = top_per_key(c, v, self.c)
                r, c = r[keep], c[keep]
                rev = (rows[r], c, v[keep], f[r, c])
            return fwd, rev
        s = self.mask(rows, self.raw_block(rows))
        fi, fs = topk_rows(s, self.k)
        ri = rs = None
        if reverse:
            ci, rs = topk_rows(s.T, self.k)  # per investor, best rows within this block
            ri = np.where(ci >= 0, rows[np.maximum(ci, 0)], -1)
        return rows, fi, fs, ri, rs


def run_blocks(engine, k: int, exclude: dict[int, np.ndarray] | None, reverse: bool,
               forward: bool = True, block_size: int | None = None, n_jobs: int | None = None
               ) -> tuple[TopK | None, TopK | None]:
    """Top-k investors per pitch and/or top-k pitches per investor, in parallel blocks."""
    scorer = BlockScorer(engine, k, exclude)
    n = engine.pitch_dense_.shape[0]
    m = engine.investor_dense_.shape[0]
    bs = block_size or engine.block_size
    blocks = [np.arange(s, min(n, s + bs)) for s in range(0, n, bs)]
    jobs = n_jobs if n_jobs is not None else engine.n_jobs
    # blocks run in parallel threads, each with a one-thread BLAS (no oversubscription)
    with threadpool_limits(1 if jobs != 1 else None):
        results = Parallel(n_jobs=jobs, prefer="threads")(
            delayed(scorer.block)(b, reverse) for b in blocks)
    if scorer.svd:
        return _finish_svd(engine, scorer, results, k, n, m, forward, reverse, jobs)
    fwd = rev = None
    if forward:
        idx = np.full((n, k), -1, np.int64)
        sc = np.full((n, k), -np.inf, np.float32)
        for rows, fi, fs, _, _ in results:
            idx[rows, : fi.shape[1]] = fi
            sc[rows, : fs.shape[1]] = fs
        fwd = TopK(idx, sc)
    if reverse:
        ci = np.concatenate([r[3] for r in results], axis=1) if results else np.zeros((m, 0))
        cs = np.concatenate([r[4] for r in results], axis=1) if results else np.zeros((m, 0))
        part_i, part_s = topk_rows(cs, k)
        ri = np.take_along_axis(ci, np.maximum(part_i, 0), axis=1)
        ri[part_i < 0] = -1
        pad = k - ri.shape[1]
        if pad > 0:
            ri = np.hstack([ri, np.full((m, pad), -1)])
            part_s = np.hstack([part_s, np.full((m, pad), -np.inf, np.float32)])
        rev = TopK(ri.astype(np.int64), part_s)
    return fwd, rev


def _finish_svd(engine, scorer: BlockScorer, results: list, k: int, n: int, m: int,
                forward: bool, reverse: bool, jobs: int) -> tuple[TopK | None, TopK | None]:
    """Exact re-scoring of the approximate candidates of both directions, then top-k."""
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32),
             np.zeros(0, np.float32))
    fwd_parts = [r[0] for r in results] if forward else []
    fp, fq, fv, ff = (np.concatenate(x) for x in zip(*fwd_parts, empty, strict=True))
    rp, rq, rv, rf = empty
    if reverse:
        rp, rq, rv, rf = (np.concatenate(x) for x in zip(*[r[1] for r in results], empty,
                                                         strict=True))
        ok = rv >= scorer.bound[rq]
        rp, rq, rv, rf = rp[ok], rq[ok], rv[ok], rf[ok]
        keep = top_per_key(rq, rv, scorer.c)
        rp, rq, rv, rf = rp[keep], rq[keep], rv[keep], rf[keep]
    p = np.concatenate([fp, rp]).astype(np.int64)
    q = np.concatenate([fq, rq]).astype(np.int64)
    approx = np.concatenate([fv, rv])
    ex = exact_scores(engine, p, q, np.concatenate([ff, rf]), scorer.s_text, jobs)
    ex = np.where(np.isfinite(approx) & (ex >= 0), ex, -np.inf).astype(np.float32)
    nf = len(fp)
    fwd = _to_topk(p[:nf], q[:nf], ex[:nf], n, k) if forward else None
    rev = _to_topk(q[nf:], p[nf:], ex[nf:], m, k) if reverse else None
    return fwd, rev
