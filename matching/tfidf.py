"""Sparse building blocks of the TF-IDF rows: character n-grams, count matrices, kept
vocabulary columns, idf and sublinear, L2-normalised tf-idf."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def char_ngrams(token: str, lo: int, hi: int) -> list[str]:
    """Character n-grams of a padded token, like scikit-learn's `char_wb`."""
    padded = " " + token.replace("-", "").replace("'", "") + " "
    return [padded[i:i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]


def count_matrix(indptr, cols, width: int) -> sp.csr_matrix:
    """Count matrix from per-row column lists (duplicates summed, indices sorted)."""
    indptr = np.asarray(indptr, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int32)
    out = sp.csr_matrix((np.ones(cols.size, np.float32), cols, indptr),
                        shape=(len(indptr) - 1, width))
    out.sum_duplicates()  # sorts indices too
    return out


def kept_features(df: np.ndarray, names: list[str], min_df: int, limit: int) -> np.ndarray:
    """Ids of the kept features, most frequent first, ties by name (the column order)."""
    ok = [j for j in np.flatnonzero(df >= min_df).tolist()]
    ok.sort(key=lambda j: (-df[j], names[j]))
    return np.array(ok[:limit], dtype=np.int64)


def take_columns(x: sp.csr_matrix, kept: np.ndarray) -> sp.csr_matrix:
    """Columns `kept` of `x`, renumbered 0.. in that order, indices sorted."""
    remap = np.full(x.shape[1], -1, np.int32)
    remap[kept] = np.arange(len(kept), dtype=np.int32)
    if len(kept) == x.shape[1]:  # a permutation: renumber in place, no copies
        x.indices = remap[x.indices]
        x.has_sorted_indices = False
        x.sort_indices()
        return x
    new = remap[x.indices]
    ok = new >= 0
    kept_before = np.zeros(x.nnz + 1, np.int64)
    np.cumsum(ok, out=kept_before[1:])
    indptr = kept_before[x.indptr]
    del kept_before
    out = sp.csr_matrix((x.data[ok], new[ok], indptr), shape=(x.shape[0], len(kept)))
    out.sort_indices()
    return out


def sublinear_tfidf(counts: sp.csr_matrix, idf: np.ndarray, scale: float = 1.0
                    ) -> sp.csr_matrix:
    """Sublinear tf times idf, rows L2-normalised, times `scale`."""
    x = counts.tocsr().astype(np.float32, copy=False)  # counts are not used again
    np.log(x.data, out=x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1), np.float64).ravel())
    norms[norms == 0] = 1.0
    x.data *= np.repeat((scale / norms).astype(np.float32), np.diff(x.indptr))
    return x


def smooth_idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """log((1 + n) / (1 + df)) + 1, as scikit-learn's smooth idf."""
    return (np.log((1.0 + n_docs) / (1.0 + np.asarray(df, np.float64))) + 1.0).astype(np.float32)
