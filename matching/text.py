"""Text features for a mixed Norwegian bokmål / English corpus.

`Analyzer` turns a text into word features (stems, glossary concepts, bigrams) and the
surface tokens used for character n-grams. `TextVectorizer` turns those into one L2-normalised
TF-IDF row per text: word 1–2-grams and character n-grams, weighted so that the dot product of
two rows is `(1 - char_weight) * word_cosine + char_weight * char_cosine`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp
import snowballstemmer

from .glossary import (
    COMPOUND_MIN_PART,
    ENGLISH_STOP_WORDS,
    GLOSSARY,
    NORWEGIAN_STOP_WORDS,
    STOP_WORDS,
)

_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
_NORWEGIAN_LETTERS = re.compile(r"[æøå]")
_MAX_PHRASE = 3
Feature = tuple[str, str]  # (feature, surface form)


class Analyzer:
    """Tokenise, drop stop words, map glossary terms, split compounds and stem; cached."""

    def __init__(self) -> None:
        self._stemmers = {
            "nb": snowballstemmer.stemmer("norwegian"),
            "en": snowballstemmer.stemmer("english"),
        }
        self._stem_cache: dict[tuple[str, str], str] = {}
        self._token_cache: dict[tuple[str, str], tuple[Feature, ...]] = {}
        self._info_cache: dict[tuple[str, str], tuple] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        self.single: dict[str, str] = {}
        self.starts: set[str] = set()  # first words of multi-word phrases (raw or stemmed)
        for concept, forms in GLOSSARY.items():
            canon = "~" + concept
            for form in forms:
                words = tuple(_TOKEN.findall(form.lower()))
                # both raw and stemmed keys, so "batteriene" (stem "batteri") still hits.
                for key in {words, *(tuple(self.stem(w, lang) for w in words)
                                     for lang in ("nb", "en"))}:
                    self.phrases.setdefault(key, canon)
                    if len(key) > 1:
                        self.starts.add(key[0])
                if len(words) == 1 and len(words[0]) >= COMPOUND_MIN_PART:
                    self.single.setdefault(words[0], canon)

    def stem(self, word: str, lang: str) -> str:
        """Snowball stem of `word` in language `lang` ("nb" or "en"), memoised."""
        key = (word, lang)
        out = self._stem_cache.get(key)
        if out is None:
            out = self._stemmers[lang].stemWord(word)
            self._stem_cache[key] = out
        return out

    @staticmethod
    def tokens(text: str) -> list[str]:
        """Lower-cased word tokens of `text` (hyphenated words kept whole)."""
        return _TOKEN.findall(unicodedata.normalize("NFKC", text or "").lower())

    @staticmethod
    def language(tokens: Sequence[str]) -> str:
        """Guess "nb" or "en" from stop-word counts (Norwegian letters break ties)."""
        nb = sum(t in NORWEGIAN_STOP_WORDS for t in tokens)
        en = sum(t in ENGLISH_STOP_WORDS for t in tokens)
        if nb != en:
            return "nb" if nb > en else "en"
        return "nb" if any(_NORWEGIAN_LETTERS.search(t) for t in tokens) else "en"

    def _lookup(self, words: tuple[str, ...], lang: str) -> str | None:
        hit = self.phrases.get(words)
        if hit is None:
            hit = self.phrases.get(tuple(self.stem(w, lang) for w in words))
        if hit is None:
            other = "en" if lang == "nb" else "nb"
            hit = self.phrases.get(tuple(self.stem(w, other) for w in words))
        return hit

    def _token_features(self, token: str, lang: str) -> tuple[Feature, ...]:
        """Features of one token that is not part of a glossary phrase."""
        key = (token, lang)
        out = self._token_cache.get(key)
        if out is not None:
            return out
        word = token.replace("-", "").replace("'", "")
        feats: list[Feature] = [(self.stem(word, lang), token)]
        if len(word) >= 2 * COMPOUND_MIN_PART:
            feats.extend(self._compound_parts(word, lang))
        out = tuple(feats)
        self._token_cache[key] = out
        return out

    def _compound_parts(self, word: str, lang: str) -> list[Feature]:
        """Glossary words at the start or end of a Norwegian compound ("batteri|lagring")."""
        parts: list[Feature] = []
        for cut in range(len(word) - COMPOUND_MIN_PART, COMPOUND_MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            if head in self.single:
                parts.append((self.single[head], head))
                # Norwegian joins compounds with a linking s or e ("gård|s|bygg").
                # The rest may be inflected ("gårds|bygget"): the glossary knows its stem.
                if tail[0] in "se" and (tail[1:] in self.single
                                        or self._lookup((tail[1:],), lang)):
                    tail = tail[1:]
                rest = self._lookup((tail,), lang)
                parts.append((rest, tail) if rest else (self.stem(tail, lang), tail))
                return parts
        for cut in range(COMPOUND_MIN_PART, len(word) - COMPOUND_MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if tail in self.single:
                parts.append((self.single[tail], tail))
                return parts
        return parts

    def _token_info(self, token: str, lang: str) -> tuple[bool, str | None, tuple | None]:
        """(starts a multi-word phrase, single-word glossary concept, features or None)."""
        key = (token, lang)
        info = self._info_cache.get(key)
        if info is None:
            multi = (token in self.starts or self.stem(token, "nb") in self.starts
                     or self.stem(token, "en") in self.starts)
            canon = self._lookup((token,), lang)
            skip = token in STOP_WORDS or len(token) < 2 or token.isdigit()
            info = (multi, canon, None if skip else self._token_features(token, lang))
            self._info_cache[key] = info
        return info

    def analyze(self, text: str) -> tuple[list[list[Feature]], list[str]]:
        """Per kept token position, its word features; and the surface tokens for char n-grams."""
        toks = self.tokens(text)
        lang = self.language(toks)
        positions: list[list[Feature]] = []
        surfaces: list[str] = []
        i, n = 0, len(toks)
        info = self._token_info
        while i < n:
            t0 = toks[i]
            multi, canon1, feats = info(t0, lang)
            if multi:
                for size in range(min(_MAX_PHRASE, n - i), 1, -1):
                    words = tuple(toks[i:i + size])
                    canon = self._lookup(words, lang)
                    if canon is not None:
                        # keep the words' own features too: "battery storage" says battery
                        pos = [(canon, " ".join(words))]
                        for w in words:
                            if w not in STOP_WORDS and len(w) > 1:
                                pos.extend(f for f in self._token_features(w, lang)
                                           if f[0] != canon)
                        positions.append(pos)
                        surfaces.extend(words)
                        i += size
                        break
                else:
                    multi = False
            if multi:
                continue
            i += 1
            if canon1 is not None:
                positions.append([(canon1, t0)])
                surfaces.append(t0)
            elif feats is not None:
                positions.append(list(feats))
                surfaces.append(t0)
        return positions, surfaces


def char_ngrams(token: str, lo: int, hi: int) -> list[str]:
    """Character n-grams of a padded token, like scikit-learn's `char_wb`."""
    padded = " " + token.replace("-", "").replace("'", "") + " "
    return [padded[i:i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]


def _counts(indptr, cols, width: int) -> sp.csr_matrix:
    """Count matrix from per-row column lists (duplicates summed, indices sorted)."""
    indptr = np.asarray(indptr, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int32)
    out = sp.csr_matrix((np.ones(cols.size, np.float32), cols, indptr),
                        shape=(len(indptr) - 1, width))
    out.sum_duplicates()  # sorts indices too
    return out


def _keep(df: np.ndarray, names: list[str], min_df: int, limit: int) -> np.ndarray:
    """Ids of the kept features, most frequent first, ties by name (the column order)."""
    ok = [j for j in np.flatnonzero(df >= min_df).tolist()]
    ok.sort(key=lambda j: (-df[j], names[j]))
    return np.array(ok[:limit], dtype=np.int64)


def _columns(x: sp.csr_matrix, kept: np.ndarray) -> sp.csr_matrix:
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


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray, scale: float = 1.0) -> sp.csr_matrix:
    """Sublinear tf times idf, rows L2-normalised, times `scale`."""
    x = counts.tocsr().astype(np.float32, copy=False)  # counts are not used again
    np.log(x.data, out=x.data)
    x.data += 1.0
    x.data *= idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1), np.float64).ravel())
    norms[norms == 0] = 1.0
    x.data *= np.repeat((scale / norms).astype(np.float32), np.diff(x.indptr))
    return x


def _idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    return (np.log((1.0 + n_docs) / (1.0 + np.asarray(df, np.float64))) + 1.0).astype(np.float32)


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

    # -- fitting -----------------------------------------------------------------------
    def fit_transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Learn vocabularies and idf from `texts` and return their rows."""
        n = len(texts)
        feat_id: dict[str, int] = {}  # every word feature seen, in order of first sight
        feat_surface: list[str] = []
        tok_id: dict[str, int] = {}  # every surface token seen (for character n-grams)
        w_cols: list[int] = []
        w_ptr = [0]
        t_cols: list[int] = []
        t_ptr = [0]
        for text in texts:
            positions, toks = self.analyzer.analyze(text)
            heads = []
            for pos in positions:
                for f, s in pos:
                    i = feat_id.get(f)
                    if i is None:
                        i = feat_id[f] = len(feat_surface)
                        feat_surface.append(s)
                    w_cols.append(i)
                heads.append(pos[0])
            for a, b in zip(heads, heads[1:], strict=False):
                f = a[0] + " " + b[0]
                i = feat_id.get(f)
                if i is None:
                    i = feat_id[f] = len(feat_surface)
                    feat_surface.append(a[1] + " " + b[1])
                w_cols.append(i)
            w_ptr.append(len(w_cols))
            for t in toks:
                i = tok_id.get(t)
                if i is None:
                    i = tok_id[t] = len(tok_id)
                t_cols.append(i)
            t_ptr.append(len(t_cols))
        words = _counts(w_ptr, w_cols, len(feat_surface))
        names = list(feat_id)
        kept = _keep(np.bincount(words.indices, minlength=len(names)), names, self.min_df,
                     self.max_word_features)
        self.word_vocab_ = {names[j]: i for i, j in enumerate(kept)}
        self.word_idf_ = _idf(np.bincount(words.indices, minlength=len(names))[kept], n)
        self.surfaces_ = {names[j]: feat_surface[j] for j in kept}
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
        chars = _counts(t_ptr, t_cols, len(tok_id)) @ _counts(g_ptr, g_cols, len(gram_id))
        grams = list(gram_id)
        df = np.bincount(chars.indices, minlength=len(grams))
        kept_c = _keep(df, grams, self.min_df, self.max_char_features)
        self.char_vocab_ = {grams[j]: i for i, j in enumerate(kept_c)}
        self.char_idf_ = _idf(df[kept_c], n)
        self._ngram_cache = {}
        return self._combine(_columns(words, kept), _columns(chars, kept_c))

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
            feats, toks = self._features(text)
            wi = np.fromiter((i for i in map(wv.get, feats) if i is not None), np.int32)
            grams = [self._token_ngrams(t) for t in toks]
            ci = np.concatenate(grams) if grams else np.zeros(0, np.int32)
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

    def _analysis(self, text: str) -> tuple[list[list[Feature]], list[str]]:
        """`analyzer.analyze(text)`, remembered for the last text (a query is transformed and
        then explained with its own words: one analysis for both)."""
        last = self.__dict__.get("_last")
        if last is not None and last[0] == text:
            return last[1]
        out = self.analyzer.analyze(text)
        self._last = (text, out)
        return out

    def _features(self, text: str) -> tuple[list[str], list[str]]:
        """Word features (unigrams, then bigrams of position heads) and surface tokens."""
        positions, toks = self._analysis(text)
        feats = [f for pos in positions for f, _ in pos]
        heads = [pos[0][0] for pos in positions]
        feats.extend([a + " " + b for a, b in zip(heads, heads[1:], strict=False)])
        return feats, toks

    def _analyze(self, text: str) -> tuple[list[str], dict[str, str], list[str]]:
        positions, toks = self._analysis(text)
        feats: list[str] = []
        surface: dict[str, str] = {}
        for pos in positions:
            for f, s in pos:
                feats.append(f)
                surface.setdefault(f, s)
        for a, b in zip(positions, positions[1:], strict=False):
            f = a[0][0] + " " + b[0][0]
            feats.append(f)
            surface.setdefault(f, a[0][1] + " " + b[0][1])
        return feats, surface, toks

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
        out = sp.hstack([_tfidf(words, self.word_idf_, a), _tfidf(chars, self.char_idf_, b)],
                        format="csr", dtype=np.float32)
        out.sort_indices()
        return out

    # -- explanation -------------------------------------------------------------------
    def local_surfaces(self, text: str) -> dict[str, str]:
        """Feature→surface map of one text, so explanations quote the writer's own words."""
        return self._analyze(text)[1]

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
        return meta, {"word_idf": self.word_idf_, "char_idf": self.char_idf_}

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
        return v
