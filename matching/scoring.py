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


@dataclass
class TopK:
    """Row-wise top-k as arrays: `index[r, j]` is a column row id (-1 = none), `score` its score."""

    index: np.ndarray
    score: np.ndarray


def pair_text(a: sp.csr_matrix, b: sp.csr_matrix, ia: np.ndarray, ib: np.ndarray,
              chunk: int = 50_000) -> np.ndarray:
    """Exact text dot products of row pairs (a[ia[t]], b[ib[t]])."""
    out = np.empty(len(ia), dtype=np.float32)
    for s in range(0, len(ia), chunk):
        x = a[ia[s:s + chunk]]
        y = b[ib[s:s + chunk]]
        out[s:s + chunk] = np.asarray(x.multiply(y).sum(axis=1)).ravel()
    return out


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


class BlockScorer:
    """Scores blocks of pitch rows against all investor rows for one fitted engine state."""

    def __init__(self, engine, k: int, exclude: dict[int, np.ndarray] | None = None) -> None:
        self.e = engine
        self.k = k
        self.exclude = exclude or {}
        s_text, s_dense = engine._scales()
        self.s_text = np.float32(s_text)
        self.qd = engine.investor_dense_
        self.svd = engine.svd_components_ is not None
        if self.svd:
            # one dense matrix per side: [s_text * text_projection, scaled facets]
            self.qz = np.hstack([engine.investor_z_, self.qd])
            self.pz_scale = np.concatenate([np.full(engine.pitch_z_.shape[1], self.s_text),
                                            s_dense]).astype(np.float32)
        else:
            self.qt_t = engine.investor_text_.T.tocsr()
            self.s_dense = s_dense
        self.dead_q = ~engine.investor_alive_
        self.dead_p = ~engine.pitch_alive_

    def raw_block(self, rows: np.ndarray) -> np.ndarray:
        """Scores (exact, or approximate in SVD mode) of pitch `rows` vs all investors."""
        e = self.e
        if self.svd:
            pz = np.hstack([e.pitch_z_[rows], e.pitch_dense_[rows]]) * self.pz_scale
            return pz @ self.qz.T
        s = (e.pitch_dense_[rows] * self.s_dense) @ self.qd.T
        s += self.s_text * (e.pitch_text_[rows] @ self.qt_t).toarray()
        return s

    def mask(self, rows: np.ndarray, s: np.ndarray) -> np.ndarray:
        """-inf for filtered, removed and excluded pairs."""
        s[s < 0] = -np.inf
        s[:, self.dead_q] = -np.inf
        s[self.dead_p[rows]] = -np.inf
        for r, row in enumerate(rows):
            ex = self.exclude.get(int(row))
            if ex is not None:
                s[r, ex] = -np.inf
        return s

    def exact_pairs(self, p: np.ndarray, q: np.ndarray, approx: np.ndarray) -> np.ndarray:
        """Replace the approximate text part of candidate pairs by the exact one."""
        e = self.e
        z = np.einsum("ij,ij->i", e.pitch_z_[p], e.investor_z_[q])
        exact = pair_text(e.pitch_text_, e.investor_text_, p, q)
        out = approx + self.s_text * (exact - z)
        return np.where(np.isfinite(approx), out, -np.inf).astype(np.float32)

    def block(self, rows: np.ndarray, reverse_c: int) -> tuple:
        """Forward top-k for `rows` and the block's reverse candidates per investor."""
        s = self.mask(rows, self.raw_block(rows))
        c = self.k if not self.svd else max(2 * self.k, self.k + 20)
        fi, fs = topk_rows(s, c)
        if self.svd:
            p = np.repeat(rows, fi.shape[1])
            q = fi.ravel()
            ok = q >= 0
            ex = np.full(q.shape, -np.inf, np.float32)
            ex[ok] = self.exact_pairs(p[ok], q[ok], fs.ravel()[ok])
            ex = ex.reshape(fi.shape)
            order = np.argsort(-ex, axis=1, kind="stable")[:, : self.k]
            fi = np.take_along_axis(fi, order, axis=1)
            fs = np.take_along_axis(ex, order, axis=1)
            fi[~np.isfinite(fs)] = -1
        else:
            fi, fs = fi[:, : self.k], fs[:, : self.k]
        ri, rs = (None, None)
        if reverse_c:
            ci, cs = topk_rows(s.T, reverse_c)  # per investor, best rows within this block
            ri = np.where(ci >= 0, rows[np.maximum(ci, 0)], -1)
            rs = cs
        return rows, fi, fs, ri, rs


def run_blocks(engine, k: int, exclude: dict[int, np.ndarray] | None, reverse: bool,
               forward: bool = True, block_size: int | None = None, n_jobs: int | None = None
               ) -> tuple[TopK | None, TopK | None]:
    """Top-k investors per pitch and/or top-k pitches per investor, in parallel blocks."""
    scorer = BlockScorer(engine, k, exclude)
    n = engine.pitch_dense_.shape[0]
    m = engine.investor_dense_.shape[0]
    bs = block_size or engine.block_size
    rc = 0
    if reverse:
        rc = k if not scorer.svd else max(2 * k, k + 20)
    blocks = [np.arange(s, min(n, s + bs)) for s in range(0, n, bs)]
    jobs = n_jobs if n_jobs is not None else engine.n_jobs
    results = Parallel(n_jobs=jobs, prefer="threads")(
        delayed(scorer.block)(b, rc) for b in blocks)
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
        part_i, part_s = topk_rows(cs, rc)
        cand = np.take_along_axis(ci, np.maximum(part_i, 0), axis=1)
        cand[part_i < 0] = -1
        if scorer.svd:
            q = np.repeat(np.arange(m), cand.shape[1])
            p = cand.ravel()
            ok = p >= 0
            ex = np.full(p.shape, -np.inf, np.float32)
            ex[ok] = scorer.exact_pairs(p[ok], q[ok], part_s.ravel()[ok])
            part_s = ex.reshape(cand.shape)
        order = np.argsort(-part_s, axis=1, kind="stable")[:, :k]
        ri = np.take_along_axis(cand, order, axis=1)
        rs = np.take_along_axis(part_s, order, axis=1)
        ri[~np.isfinite(rs)] = -1
        pad = k - ri.shape[1]
        if pad > 0:
            ri = np.hstack([ri, np.full((m, pad), -1)])
            rs = np.hstack([rs, np.full((m, pad), -np.inf, np.float32)])
        rev = TopK(ri, rs)
    return fwd, rev
