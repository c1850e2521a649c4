"""`PitchWords`: each indexed pitch's own spelling of its word features, so that a shared
term is named as the pitch writes it.

A word feature's surface form in the vocabulary (`TextVectorizer.surfaces_`) is the one seen
first in the whole corpus: a glossary concept reads as another text's word, in its language
("klimagass" for an English pitch about "greenhouse gas" and a thesis about "climate"), a
stem as another text's inflection ("grønn" for "grønne"), an acronym in lower case ("co2").
Only the one-position features (a word, a glossary phrase) whose spelling in the pitch
differs from that form are kept, as a sparse (pitch rows × word features) matrix of form
ids, stacked like the pitch text rows on an upsert; a two-word feature is named by its two
words' spellings in the pitch (`TextVectorizer.local_surfaces` names them so too). About 11
of ~110 word features per pitch on the demo data; 2 MB for 20,000 synthetic pitches.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from .analysis_memo import Positions
from .text_vectorizer import TextVectorizer


class PitchWords:
    """Own spellings of the word features of every pitch row (none: the vocabulary's)."""

    def __init__(self, n_word: int) -> None:
        self.n_word = n_word
        self.forms: list[str] = []
        self._form_id: dict[str, int] = {}
        self.matrix = sp.csr_matrix((0, n_word), dtype=np.int32)  # form id + 1
        self._keys: np.ndarray | None = None
        self._heads: tuple[np.ndarray, np.ndarray] | None = None
        self.known = True  # False: loaded from an index saved before spellings were kept

    def __len__(self) -> int:
        return self.matrix.shape[0]

    def append(self, vectorizer: TextVectorizer, texts: Sequence[str],
               analyses: Sequence[Positions] | None = None) -> PitchWords:
        """Add one row per text, in order (the pitch rows they were transformed into);
        `analyses`: the texts' analysed positions, if the caller holds them (the fit does)."""
        vocab, vocabulary_form = vectorizer.word_vocab_, vectorizer.surfaces_
        ptr, cols, data = [0], [], []
        for t, text in enumerate(texts):
            row = {}
            spelled = vectorizer.own_spellings(text, None if analyses is None else analyses[t])
            for feature, form in spelled.items():
                col = vocab.get(feature)
                if col is not None and form != vocabulary_form.get(feature):
                    row[col] = self._intern(form)
            for col in sorted(row):
                cols.append(col)
                data.append(row[col] + 1)
            ptr.append(len(cols))
        block = sp.csr_matrix((np.array(data, np.int32), np.array(cols, np.int32),
                               np.array(ptr, np.int64)), shape=(len(texts), self.n_word))
        self.matrix = sp.vstack([self.matrix, block], format="csr", dtype=np.int32)
        self._keys = None
        return self

    def pad(self, rows: int) -> PitchWords:
        """Add `rows` rows without own spellings (an index saved before they were kept)."""
        self.matrix = sp.vstack([self.matrix, sp.csr_matrix((rows, self.n_word),
                                                            dtype=np.int32)], format="csr")
        self._keys = None
        return self

    def _intern(self, form: str) -> int:
        i = self._form_id.get(form)
        if i is None:
            i = self._form_id[form] = len(self.forms)
            self.forms.append(form)
        return i

    def _ids(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Form id of (pitch row, word column) pairs, -1 where the pitch spells it as the
        vocabulary does."""
        m = self.matrix
        if m.nnz == 0 or rows.size == 0:
            return np.full(rows.shape, -1, np.int64)
        if self._keys is None:
            m.sort_indices()
            self._keys = (np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(m.indptr))
                          * self.n_word + m.indices)
        keys = self._keys
        want = rows * self.n_word + cols
        at = np.minimum(np.searchsorted(keys, want), keys.size - 1)
        return np.where(keys[at] == want, m.data[at].astype(np.int64) - 1, -1)

    def _two_words(self, names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Per word column, the columns of a two-word feature's words (-1: one word, or a
        word outside the vocabulary)."""
        if self._heads is None:
            col = {f: i for i, f in enumerate(names)}
            first = np.full(len(names), -1, np.int64)
            second = np.full(len(names), -1, np.int64)
            for i, f in enumerate(names):
                if " " in f:
                    a, b = f.split(" ", 1)
                    if a in col and b in col:
                        first[i], second[i] = col[a], col[b]
            self._heads = (first, second)
        return self._heads

    def spellings(self, rows: np.ndarray, cols: np.ndarray, surfaces: Sequence[str],
                  names: Sequence[str]) -> list[str | None]:
        """How the pitch of row `rows[t]` spells word feature `cols[t]`, for every t: its own
        form, or None where that is the vocabulary's (`surfaces`, by column; `names`, the
        features by column)."""
        rows = np.asarray(rows, np.int64)
        cols = np.asarray(cols, np.int64)
        forms = self.forms
        out = [forms[i] if i >= 0 else None for i in self._ids(rows, cols).tolist()]
        first, second = self._two_words(names)
        two = np.flatnonzero(first[cols] >= 0)
        if two.size:
            a, b = first[cols[two]], second[cols[two]]
            ia, ib = self._ids(rows[two], a), self._ids(rows[two], b)
            for t, x, y, i, j in zip(two.tolist(), a.tolist(), b.tolist(), ia.tolist(),
                                     ib.tolist(), strict=True):
                if i >= 0 or j >= 0:
                    out[t] = ((forms[i] if i >= 0 else surfaces[x]) + " "
                              + (forms[j] if j >= 0 else surfaces[y]))
                else:
                    out[t] = surfaces[x] + " " + surfaces[y]
        return out

    # -- persistence -------------------------------------------------------------------
    def state(self) -> tuple[list[str], dict[str, np.ndarray]]:
        """The forms (JSON) and the matrix's arrays."""
        m = self.matrix
        return list(self.forms), {"data": m.data, "indices": m.indices, "indptr": m.indptr}

    @classmethod
    def from_state(cls, n_word: int, rows: int, forms: list[str] | None,
                   arrays: dict[str, np.ndarray] | None) -> PitchWords:
        """Rebuild from `state()`; without it (an index saved before), `rows` rows that name
        the vocabulary's forms until the next fit."""
        out = cls(n_word)
        if forms is None or arrays is None:
            out.known = False
            return out.pad(rows)
        out.forms = list(forms)
        out._form_id = {f: i for i, f in enumerate(out.forms)}
        out.matrix = sp.csr_matrix(
            (np.asarray(arrays["data"], np.int32), np.asarray(arrays["indices"], np.int32),
             np.asarray(arrays["indptr"], np.int64)), shape=(rows, n_word))
        return out
