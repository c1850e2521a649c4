"""`TextVectorizer`: one L2-normalised TF-IDF row per text, word 1–2-grams (from
`text_analysis.Analyzer`) and character n-grams side by side, weighted so that the dot product
of two rows is `(1 - char_weight) * word_cosine + char_weight * char_cosine`; with its
explanation helpers and its state for saving."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from .analysis_memo import Feature, Positions
from .text_analysis import Analyzer
from .text_tokens import TOKEN, written_forms
from .tfidf import (
    char_ngrams,
    count_matrix,
    kept_features,
    smooth_idf,
    sublinear_tfidf,
    take_columns,
)

POSITION_COLUMNS = 100_000  # positions whose columns `transform` remembers (~25 MB at most)


class TextVectorizer:
    """TF-IDF over word 1–2-grams and character n-grams, one row per text."""

    def __init__(self, char_range: tuple[int, int] = (3, 5), char_weight: float = 0.3,
                 min_df: int = 1, max_word_features: int = 200_000,
                 max_char_features: int = 100_000) -> None:
        self.char_range = char_range
        self.char_weight = char_weight
        self.min_df = min_df
        self.max_word_features = max_word_features
        self.max_char_features = max_char_features
        self.analyzer = Analyzer()
        self._ngram_cache: dict[str, np.ndarray] = {}
        self._position_columns: dict[int, tuple] = {}  # `_columns_of`, by id(position)

    # -- fitting -----------------------------------------------------------------------
    def fit_transform(self, texts: Sequence[str], analyses: list[Positions] | None = None
                      ) -> sp.csr_matrix:
        """Learn vocabularies and idf from `texts` and return their rows. If `analyses` is
        a list, each text's analysed positions are appended to it, in order (the engine names
        the pitches' own spellings from them: the memo cannot hold 100,000 texts)."""
        n = len(texts)
        feat_id: dict[str, int] = {}  # every word feature seen, in order of first sight
        feat_surface: list[str] = []
        tok_id: dict[str, int] = {}  # every surface token seen (for character n-grams)
        w_cols: list[int] = []
        w_ptr = [0]
        t_cols: list[int] = []
        t_ptr = [0]
        # A position is the analyser's one tuple per distinct token or phrase, so its word
        # ids, head id and token ids are looked up once per distinct position (by id: the
        # value holds the position, so the id stays its own), and a bigram once per distinct
        # pair of head ids; every id is still given at its feature's first sight.
        feat_name: list[str] = []  # feat_id's keys by id
        by_pos: dict[int, tuple[tuple[Feature, ...], list[int], int, list[int]]] = {}
        pair_id: dict[int, int] = {}  # head id << 32 | next head id → bigram id
        joined: set[int] = set()  # bigram ids some text writes as a phrase (`_Phrases`)
        for text in texts:
            positions = self.analyzer.positions(text)
            if analyses is not None:
                analyses.append(positions)
            heads: list[int] = []
            for pos in positions:
                seen = by_pos.get(id(pos))
                if seen is None:
                    ids = []
                    for f, s in pos:
                        i = feat_id.get(f)
                        if i is None:
                            i = feat_id[f] = len(feat_surface)
                            feat_name.append(f)
                            feat_surface.append(s)
                        ids.append(i)
                    toks = []
                    s = pos[0][1]  # the position's surface token(s), as `surfaces` reads them
                    for t in (s.split(" ") if " " in s else (s,)):
                        i = tok_id.get(t)
                        if i is None:
                            i = tok_id[t] = len(tok_id)
                        toks.append(i)
                    seen = by_pos[id(pos)] = (pos, ids, ids[0], toks)
                w_cols.extend(seen[1])
                heads.append(seen[2])
                t_cols.extend(seen[3])
            keys = [a << 32 | b for a, b in zip(heads, heads[1:], strict=False)]
            got = list(map(pair_id.get, keys))
            if None in got:
                for j, h in enumerate(keys):
                    if got[j] is None:
                        i = pair_id.get(h)
                        if i is None:
                            f = feat_name[h >> 32] + " " + feat_name[h & 0xFFFFFFFF]
                            i = feat_id.get(f)
                            if i is None:  # surfaces as this text writes them
                                i = feat_id[f] = len(feat_surface)
                                feat_name.append(f)
                                feat_surface.append(positions[j][0][1] + " "
                                                    + positions[j + 1][0][1])
                            pair_id[h] = i
                        got[j] = i
            if not joined.issuperset(got):
                phrases = _Phrases(text)
                for j, i in enumerate(got):
                    if i not in joined and phrases.joined(positions[j][0][1],
                                                          positions[j + 1][0][1]):
                        joined.add(i)
            w_cols.extend(got)
            w_ptr.append(len(w_cols))
            t_ptr.append(len(t_cols))
        del by_pos, pair_id
        words = count_matrix(w_ptr, w_cols, len(feat_surface))
        names = feat_name
        kept = kept_features(np.bincount(words.indices, minlength=len(names)), names,
                             self.min_df, self.max_word_features)
        self.word_vocab_ = {names[j]: i for i, j in enumerate(kept)}
        self.word_idf_ = smooth_idf(np.bincount(words.indices, minlength=len(names))[kept], n)
        self.surfaces_ = {names[j]: feat_surface[j] for j in kept}
        self.word_apart_ = np.fromiter(((" " in names[j] and j not in joined) for j in kept),
                                       bool, len(kept))
        # character n-grams: once per distinct token (docs × tokens) @ (tokens × n-grams)
        gram_id: dict[str, int] = {}
        g_cols: list[int] = []
        g_ptr = [0]
        for t in tok_id:
            for g in char_ngrams(t, *self.char_range):
                i = gram_id.get(g)
                if i is None:
                    i = gram_id[g] = len(gram_id)
                g_cols.append(i)
            g_ptr.append(len(g_cols))
        chars = (count_matrix(t_ptr, t_cols, len(tok_id))
                 @ count_matrix(g_ptr, g_cols, len(gram_id)))
        grams = list(gram_id)
        df = np.bincount(chars.indices, minlength=len(grams))
        kept_c = kept_features(df, grams, self.min_df, self.max_char_features)
        self.char_vocab_ = {grams[j]: i for i, j in enumerate(kept_c)}
        self.char_idf_ = smooth_idf(df[kept_c], n)
        self._ngram_cache = {}
        self._position_columns = {}
        return self._combine(take_columns(words, kept), take_columns(chars, kept_c))

    def fit(self, texts: Sequence[str]) -> TextVectorizer:
        """Learn vocabularies and idf from `texts`."""
        self.fit_transform(texts)
        return self

    # -- transforming ------------------------------------------------------------------
    @property
    def n_word_features(self) -> int:
        """Number of word features (the first columns of a row)."""
        return len(self.word_vocab_)

    @property
    def n_features(self) -> int:
        """Total number of columns of a row."""
        return len(self.word_vocab_) + len(self.char_vocab_)

    def transform(self, texts: Iterable[str]) -> sp.csr_matrix:
        """Rows for `texts` with the fitted vocabularies (unknown features are dropped)."""
        wv = self.word_vocab_
        nw = len(wv)
        a = np.sqrt(1.0 - self.char_weight)
        b = np.sqrt(self.char_weight)
        ptr = [0]
        idx: list[np.ndarray] = []
        val: list[np.ndarray] = []
        for text in texts:
            wi, ci = self._columns(text)
            for ids, idf, scale, off in ((wi, self.word_idf_, a, 0),
                                         (ci, self.char_idf_, b, nw)):
                cols, counts = np.unique(ids, return_counts=True)
                x = (1.0 + np.log(counts)) * idf[cols]
                norm = np.sqrt(np.dot(x, x))
                idx.append(cols + off)
                val.append(x * (scale / norm) if norm > 0 else x)
            ptr.append(ptr[-1] + idx[-2].size + idx[-1].size)
        out = sp.csr_matrix(
            (np.concatenate(val).astype(np.float32) if val else np.zeros(0, np.float32),
             np.concatenate(idx).astype(np.int32) if idx else np.zeros(0, np.int32),
             np.array(ptr, np.int64)), shape=(len(ptr) - 1, self.n_features))
        out.has_sorted_indices = True
        return out

    def _columns(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Word columns (unigrams, bigrams of position heads) and character n-gram columns
        of one text, each as often as it occurs (in no particular order)."""
        positions = self.analyzer.positions(text)
        known = self._position_columns
        if len(known) > POSITION_COLUMNS:  # a long-lived engine sees ever new words
            known.clear()
        parts = [known.get(id(pos)) or self._columns_of(pos) for pos in positions]
        wv = self.word_vocab_
        heads = [pos[0][0] for pos in positions]
        words = [i for p in parts for i in p[1]]
        words.extend([i for i in map(wv.get, [a + " " + b for a, b in
                                               zip(heads, heads[1:], strict=False)])
                      if i is not None])
        grams = [p[2] for p in parts]
        return (np.array(words, np.int32),
                np.concatenate(grams) if grams else np.zeros(0, np.int32))

    def _columns_of(self, pos: tuple[Feature, ...]
                    ) -> tuple[tuple[Feature, ...], list[int], np.ndarray]:
        """(the position, its word columns, its surface tokens' n-gram columns), remembered
        by the position's id (the analyser's one tuple per distinct token or phrase, held by
        the entry, so the id stays its own) for this fitted vocabulary."""
        wv = self.word_vocab_
        s = pos[0][1]  # the surface token(s), as `surfaces` reads them
        grams = [self._token_ngrams(t) for t in (s.split(" ") if " " in s else (s,))]
        out = (pos, [i for i in map(wv.get, [f for f, _ in pos]) if i is not None],
               np.concatenate(grams) if len(grams) > 1 else grams[0])
        self._position_columns[id(pos)] = out
        return out

    def _token_ngrams(self, token: str) -> np.ndarray:
        ids = self._ngram_cache.get(token)
        if ids is None:
            vocab = self.char_vocab_
            ids = np.array([vocab[g] for g in char_ngrams(token, *self.char_range) if g in vocab],
                           dtype=np.int32)
            self._ngram_cache[token] = ids
        return ids

    def _combine(self, words: sp.csr_matrix, chars: sp.csr_matrix) -> sp.csr_matrix:
        """TF-IDF of both blocks, weighted and side by side (sorted indices, float32)."""
        a = np.float32(np.sqrt(1.0 - self.char_weight))
        b = np.float32(np.sqrt(self.char_weight))
        out = sp.hstack([sublinear_tfidf(words, self.word_idf_, a),
                         sublinear_tfidf(chars, self.char_idf_, b)],
                        format="csr", dtype=np.float32)
        out.sort_indices()
        return out

    # -- explanation -------------------------------------------------------------------
    def own_spellings(self, text: str, positions: Positions | None = None) -> dict[str, str]:
        """Feature of a word or a glossary phrase → how one text writes it (its first
        occurrence), as the writer spells it ("CO2", where the features are lower-cased).
        `positions`: the text's analysis, if the caller holds it."""
        out: dict[str, str] = {}
        if positions is None:
            positions = self.analyzer.positions(text)
        for pos in positions:
            for f, s in pos:
                out.setdefault(f, s)
        forms = written_forms(text)
        if forms:
            out = {f: " ".join(forms.get(w, w) for w in s.split(" ")) for f, s in out.items()}
        return out

    def local_surfaces(self, text: str) -> dict[str, str]:
        """Feature→surface map of one text, so explanations quote the writer's own words:
        `own_spellings`, and a two-word feature by its words' ("solceller tak"), as
        `pitch_words.PitchWords` names an indexed pitch's."""
        out = self.own_spellings(text)
        heads = [pos[0][0] for pos in self.analyzer.positions(text)]
        for a, b in zip(heads, heads[1:], strict=False):
            out.setdefault(a + " " + b, out[a] + " " + out[b])
        return out

    def word_feature_names(self) -> list[str]:
        """Word features in column order."""
        names = [""] * len(self.word_vocab_)
        for f, i in self.word_vocab_.items():
            names[i] = f
        return names

    # -- persistence -------------------------------------------------------------------
    def state(self) -> tuple[dict, dict[str, np.ndarray]]:
        """JSON-able parameters and numpy arrays that fully describe the fitted vectorizer."""
        meta = {
            "char_range": list(self.char_range), "char_weight": self.char_weight,
            "min_df": self.min_df, "max_word_features": self.max_word_features,
            "max_char_features": self.max_char_features,
            "word_vocab": self.word_feature_names(),
            "char_vocab": sorted(self.char_vocab_, key=self.char_vocab_.__getitem__),
            "surfaces": self.surfaces_,
        }
        return meta, {"word_idf": self.word_idf_, "char_idf": self.char_idf_,
                      "word_apart": self.word_apart_}

    @classmethod
    def from_state(cls, meta: dict, arrays: dict[str, np.ndarray]) -> TextVectorizer:
        """Rebuild a fitted vectorizer from `state()` output."""
        v = cls(tuple(meta["char_range"]), meta["char_weight"], meta["min_df"],
                meta["max_word_features"], meta["max_char_features"])
        v.word_vocab_ = {f: i for i, f in enumerate(meta["word_vocab"])}
        v.char_vocab_ = {g: i for i, g in enumerate(meta["char_vocab"])}
        v.surfaces_ = dict(meta["surfaces"])
        v.word_idf_ = np.asarray(arrays["word_idf"], dtype=np.float32)
        v.char_idf_ = np.asarray(arrays["char_idf"], dtype=np.float32)
        # an index saved before: every two-word feature counts as written together
        apart = arrays.get("word_apart")
        v.word_apart_ = (np.asarray(apart, dtype=bool) if apart is not None
                         else np.zeros(len(v.word_vocab_), bool))
        return v


class _Phrases:
    """Whether a text writes two neighbouring positions of its analysis as one phrase: the
    two words side by side ("kutte utslipp"), or within one word ("klimagass|utslipp",
    "bærekraft|s|rapportering", "CO2-utslipp"), not across a stop word or a comma
    ("elbilbatterier som energilager", "jord, vann og …"). A two-word feature no text writes
    as a phrase is never named (`TextVectorizer.word_apart_`): "Both mention jord vann"
    quotes neither text. Naming only; the feature counts in the text score as before."""

    def __init__(self, text: str) -> None:
        self.text = text = unicodedata.normalize("NFKC", text or "").lower()
        self.words: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        before = None
        for m in TOKEN.finditer(text):
            word = m.group()
            self.words.add(word)
            if before is not None and text[before.end():m.start()].isspace():
                self.pairs.add((before.group(), word))
            before = m

    def joined(self, first: str, second: str) -> bool:
        a, b = first.rsplit(" ", 1)[-1], second.split(" ", 1)[0]
        if (a, b) in self.pairs:
            return True
        if a in self.words and b in self.words:  # two words of their own, apart
            return False
        return any(a + link + b in self.text for link in ("", "s", "e", "-"))
