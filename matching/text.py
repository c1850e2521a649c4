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
                rest = self._lookup((tail,), lang)
                parts.append((rest, tail) if rest else (self.stem(tail, lang), tail))
                return parts
        for cut in range(COMPOUND_MIN_PART, len(word) - COMPOUND_MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if tail in self.single:
                parts.append((self.single[tail], tail))
                return parts
        return parts

    def analyze(self, text: str) -> tuple[list[list[Feature]], list[str]]:
        """Per kept token position, its word features; and the surface tokens for char n-grams."""
        toks = self.tokens(text)
        lang = self.language(toks)
        positions: list[list[Feature]] = []
        surfaces: list[str] = []
        i, n = 0, len(toks)
        while i < n:
            t0 = toks[i]
            multi = (t0 in self.starts or self.stem(t0, "nb") in self.starts
                     or self.stem(t0, "en") in self.starts)
            for size in range(min(_MAX_PHRASE, n - i) if multi else 1, 0, -1):
                words = tuple(toks[i:i + size])
                canon = self._lookup(words, lang)
                if canon is not None:
                    # keep the words' own features too: "battery storage" still says battery
                    pos = [(canon, " ".join(words))]
                    if size > 1:
                        for w in words:
                            if w not in STOP_WORDS and len(w) > 1:
                                pos.extend(f for f in self._token_features(w, lang)
                                           if f[0] != canon)
                    positions.append(pos)
                    surfaces.extend(words)
                    i += size
                    break
            else:
                tok = toks[i]
                i += 1
                if tok in STOP_WORDS or len(tok) < 2 or tok.isdigit():
                    continue
                positions.append(list(self._token_features(tok, lang)))
                surfaces.append(tok)
        return positions, surfaces


def char_ngrams(token: str, lo: int, hi: int) -> list[str]:
    """Character n-grams of a padded token, like scikit-learn's `char_wb`."""
    padded = " " + token.replace("-", "").replace("'", "") + " "
    return [padded[i:i + n] for n in range(lo, hi + 1) for i in range(len(padded) - n + 1)]


def _tfidf(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Sublinear tf times idf, rows L2-normalised."""
    x = counts.tocsr().astype(np.float32)
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ x, dtype=np.float32)


def _idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    return (np.log((1.0 + n_docs) / (1.0 + df)) + 1.0).astype(np.float32)


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
        analyzed = [self._analyze(t) for t in texts]
        n = len(texts)
        word_df: dict[str, int] = {}
        self.surfaces_: dict[str, str] = {}
        for feats, surface, _ in analyzed:
            for f in set(feats):
                word_df[f] = word_df.get(f, 0) + 1
            for f, s in surface.items():
                self.surfaces_.setdefault(f, s)
        kept = sorted((f for f, d in word_df.items() if d >= self.min_df),
                      key=lambda f: (-word_df[f], f))[: self.max_word_features]
        self.word_vocab_ = {f: i for i, f in enumerate(kept)}
        self.word_idf_ = _idf(np.array([word_df[f] for f in kept], dtype=np.float64), n)
        self.surfaces_ = {f: self.surfaces_[f] for f in kept}
        # character n-grams: counted per distinct token, then summed per document.
        char_df: dict[str, int] = {}
        for _, _, toks in analyzed:
            grams: set[str] = set()
            for t in set(toks):
                grams.update(char_ngrams(t, *self.char_range))
            for g in grams:
                char_df[g] = char_df.get(g, 0) + 1
        kept_c = sorted((g for g, d in char_df.items() if d >= self.min_df),
                        key=lambda g: (-char_df[g], g))[: self.max_char_features]
        self.char_vocab_ = {g: i for i, g in enumerate(kept_c)}
        self.char_idf_ = _idf(np.array([char_df[g] for g in kept_c], dtype=np.float64), n)
        self._ngram_cache = {}
        return self._rows(analyzed)

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
        return self._rows([self._analyze(t) for t in texts])

    def _analyze(self, text: str) -> tuple[list[str], dict[str, str], list[str]]:
        positions, toks = self.analyzer.analyze(text)
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

    def _rows(self, analyzed: list[tuple[list[str], dict[str, str], list[str]]]) -> sp.csr_matrix:
        wv = self.word_vocab_
        w_rows: list[int] = []
        w_cols: list[int] = []
        c_rows: list[np.ndarray] = []
        c_cols: list[np.ndarray] = []
        for r, (feats, _, toks) in enumerate(analyzed):
            cols = [wv[f] for f in feats if f in wv]
            w_cols.extend(cols)
            w_rows.extend([r] * len(cols))
            for t in toks:
                ids = self._token_ngrams(t)
                if ids.size:
                    c_cols.append(ids)
                    c_rows.append(np.full(ids.size, r, dtype=np.int32))
        n = len(analyzed)
        words = sp.csr_matrix(
            (np.ones(len(w_cols), dtype=np.float32), (w_rows, w_cols)),
            shape=(n, len(wv)))
        words.sum_duplicates()
        cr = np.concatenate(c_rows) if c_rows else np.zeros(0, np.int32)
        cc = np.concatenate(c_cols) if c_cols else np.zeros(0, np.int32)
        chars = sp.csr_matrix((np.ones(cr.size, dtype=np.float32), (cr, cc)),
                              shape=(n, len(self.char_vocab_)))
        chars.sum_duplicates()
        a = np.float32(np.sqrt(1.0 - self.char_weight))
        b = np.float32(np.sqrt(self.char_weight))
        out = sp.hstack([_tfidf(words, self.word_idf_) * a, _tfidf(chars, self.char_idf_) * b],
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
