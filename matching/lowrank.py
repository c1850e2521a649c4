"""Low-rank text projection for candidate retrieval: a randomized range finder (top right
singular vectors of the TF-IDF matrix) on sparse products that run in threads."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def spmm(a: sp.csr_matrix, x: np.ndarray, n_jobs: int = 1) -> np.ndarray:
    """Sparse @ dense as C-contiguous float32, row chunks in threads (scipy frees the GIL)."""
    if n_jobs <= 1 or a.shape[0] < 20_000:
        return np.ascontiguousarray(a @ x, dtype=np.float32)
    from joblib import Parallel, delayed

    cuts = np.linspace(0, a.shape[0], 4 * n_jobs + 1).astype(int)
    out = np.empty((a.shape[0], x.shape[1]), np.float32)

    def run(i: int) -> None:
        out[cuts[i]:cuts[i + 1]] = a[cuts[i]:cuts[i + 1]] @ x

    Parallel(n_jobs=n_jobs, prefer="threads")(delayed(run)(i) for i in range(len(cuts) - 1))
    return out


def randomized_components(a: sp.csr_matrix, r: int, seed: int, n_jobs: int = 1,
                           n_iter: int = 1, oversample: int = 10) -> np.ndarray:
    """Top-r right singular vectors of `a` (r × features, float32), randomized range finder."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):  # small dense steps only; the sparse products use threads
        return _range_finder(a, r, seed, n_jobs, n_iter, oversample)


def _range_finder(a: sp.csr_matrix, r: int, seed: int, n_jobs: int, n_iter: int,
                  oversample: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    ell = min(r + oversample, min(a.shape))
    at = a.T.tocsr()
    y = spmm(a, rng.standard_normal((a.shape[1], ell)).astype(np.float32), n_jobs)
    for _ in range(n_iter):
        q = _qr(spmm(at, _qr(y), n_jobs))
        y = spmm(a, q, n_jobs)
    q = _qr(y)
    b = spmm(at, q, n_jobs).T  # ell × features: q.T @ a
    vals, vecs = np.linalg.eigh((b @ b.T).astype(np.float64))
    top = np.argsort(-vals)[:r]
    sing = np.sqrt(np.maximum(vals[top], 1e-12))
    return ((vecs[:, top] / sing).T @ b).astype(np.float32)


def _qr(y: np.ndarray) -> np.ndarray:
    """Orthonormal basis of the columns of a tall matrix."""
    return np.linalg.qr(y)[0]
