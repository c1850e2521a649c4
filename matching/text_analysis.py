"""Words of a mixed Norwegian bokmål / English text, as the vectorizer counts them.

`Analyzer` tokenises, guesses the language from stop words, maps glossary terms (phrases and
the parts of Norwegian compounds) to concepts and Snowball-stems the rest. Each kept token
position gives (feature, surface form) pairs; the surface tokens feed the character n-grams.

A compound's first part may be any string before a glossary word ("pilot|kunder") only where
the word is Norwegian: in a Norwegian text, or hyphenated, or spelled with æ, ø or å. English
writes its compounds apart or hyphenated, so an English word ending in a glossary word is
mostly a word of its own: "capacity" is no capa|city, "transparent" no transpa|rent. A word
that begins with a glossary word is cut in either language ("data|base", "health|tech") if
the rest can be a word: no stop word ("spill|over") and no suffix, which the stemmer takes
off the whole word ("media|tion"), nor the suffix of a Norwegian verb ("finans|ierer"). A
linking s or e belongs to neither part where the first part takes one ("eiendom|s|utviklere",
"bygg|e|tiden"; glossary.LINKING_S). A hyphenated word is cut at its hyphen first. In a
Norwegian text "rent" (clean, purely) is no rental (glossary.NORWEGIAN_FALSE_FRIENDS).

A stop word is never a concept: English "by" and "have" would otherwise read as Norwegian
"by" (city) and "hav" (sea), Norwegian "mot" (against) as "mote" (fashion). The one
exception is a stop word of the other language only, spelled exactly as a glossary form, in
a text guessed to be in the form's language: "by" in a Norwegian text is a city.

Analyses are remembered per process in `Analyzer.memo`, keyed by the text
(`analysis_memo`). The tokens and the language guess come from `text_tokens`.
"""

from __future__ import annotations

import re

import snowballstemmer

from . import text_tokens
from .analysis_memo import AnalysisMemo, Feature, Positions, surfaces
from .glossary import (
    COMPOUND_MIN_PART,
    ENGLISH_STOP_WORDS,
    FALSE_FRIENDS,
    GLOSSARY,
    LINKING_E,
    LINKING_S,
    LINKING_S_ENDINGS,
    NORWEGIAN_FALSE_FRIENDS,
    NORWEGIAN_STOP_WORDS,
    STOP_WORDS,
    WHOLE_WORDS,
)
from .text_tokens import NORWEGIAN_LETTERS, TOKEN

# The Norwegian suffix that makes a verb of a noun (finans → finansiere, finansierer,
# finansiert; digital → digitalisere), with its inflections: no compound's part.
_VERB_SUFFIX = re.compile(r"(?:i|is)?er(?:e|er|es|et|t|te|ing|ingen|inger)?")
_MAX_PHRASE = 3


class Analyzer:
    """Tokenise, drop stop words, map glossary terms, split compounds and stem; cached."""

    # Shared by every instance: an analysis depends on the text and this module's glossary
    # and stop words only.
    memo = AnalysisMemo()

    def __init__(self) -> None:
        self._stemmers = {
            "nb": snowballstemmer.stemmer("norwegian"),
            "en": snowballstemmer.stemmer("english"),
        }
        self._stem_cache: dict[tuple[str, str], str] = {}
        self._token_cache: dict[tuple[str, str], tuple[Feature, ...]] = {}
        # per language: token → `_token_info`
        self._info_cache: dict[str, dict[str, tuple]] = {"nb": {}, "en": {}}
        self._phrase_cache: dict[tuple[tuple[str, ...], str], tuple[Feature, ...]] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        self.forms: dict[str, str] = {}  # single-word glossary forms as spelled
        self.single: dict[str, str] = {}
        self.starts: set[str] = set()  # first words of multi-word phrases (raw or stemmed)
        self.seconds: set[str] = set()  # their second words: a phrase needs one next
        for concept, forms in GLOSSARY.items():
            canon = "~" + concept
            for form in forms:
                words = tuple(TOKEN.findall(form.lower()))
                # both raw and stemmed keys, so "batteriene" (stem "batteri") still hits.
                for key in {words, *(tuple(self.stem(w, lang) for w in words)
                                     for lang in ("nb", "en"))}:
                    self.phrases.setdefault(key, canon)
                    if len(key) > 1:
                        self.starts.add(key[0])
                        self.seconds.add(key[1])
                if len(words) == 1:
                    self.forms.setdefault(words[0], canon)
                    if len(words[0]) >= COMPOUND_MIN_PART:
                        self.single.setdefault(words[0], canon)

    def stem(self, word: str, lang: str) -> str:
        """Snowball stem of `word` in language `lang` ("nb" or "en"), memoised."""
        key = (word, lang)
        out = self._stem_cache.get(key)
        if out is None:
            out = self._stemmers[lang].stemWord(word)
            self._stem_cache[key] = out
        return out

    # The analysis's first steps, reached through the analyser (a test counts the texts
    # it tokenises).
    tokens = staticmethod(text_tokens.tokens)
    language = staticmethod(text_tokens.language)

    def _lookup(self, words: tuple[str, ...], lang: str) -> str | None:
        hit = self.phrases.get(words)
        if hit is None:
            hit = self.phrases.get(tuple(self.stem(w, lang) for w in words))
        if hit is None:
            other = "en" if lang == "nb" else "nb"
            hit = self.phrases.get(tuple(self.stem(w, other) for w in words))
        return hit

    def _concept(self, word: str, lang: str) -> str | None:
        """Glossary concept of one word in a text of language `lang`, or None."""
        if word in FALSE_FRIENDS:
            return None
        if lang == "nb" and (word in NORWEGIAN_FALSE_FRIENDS
                             or self.stem(word, "nb") in NORWEGIAN_FALSE_FRIENDS):
            return None
        if word in STOP_WORDS:
            own = NORWEGIAN_STOP_WORDS if lang == "nb" else ENGLISH_STOP_WORDS
            # only the exact form: a stemmer would take "have" to "hav" even so
            return None if word in own else self.forms.get(word)
        return self._lookup((word,), lang)

    def _token_features(self, token: str, lang: str) -> tuple[Feature, ...]:
        """Features of one token that is not part of a glossary phrase."""
        key = (token, lang)
        out = self._token_cache.get(key)
        if out is not None:
            return out
        word = token.replace("-", "").replace("'", "")
        feats: list[Feature] = [(self.stem(word, lang), token)]
        if (len(word) >= 2 * COMPOUND_MIN_PART and word not in FALSE_FRIENDS
                and not word.startswith(WHOLE_WORDS)):
            feats.extend(self._compound_parts(word, lang, any_head=(
                lang == "nb" or "-" in token or NORWEGIAN_LETTERS.search(token) is not None),
                joints=_joints(token)))
        out = tuple(feats)
        self._token_cache[key] = out
        return out

    def _compound_parts(self, word: str, lang: str, any_head: bool = True,
                        joints: frozenset[int] = frozenset()) -> list[Feature]:
        """Glossary words at the start or end of a Norwegian compound ("batteri|lagring"); a
        glossary word at the end after a first part that is none only if `any_head`. A
        hyphenated word (`joints`: where its hyphens were in `word`) is cut at a hyphen first:
        "bicycle|sharing", not "bicycles|haring"."""
        parts: list[Feature] = []
        # in a Norwegian text, "rent" is no glossary word (NORWEGIAN_FALSE_FRIENDS)
        foreign = NORWEGIAN_FALSE_FRIENDS if lang == "nb" else frozenset()
        cuts = range(len(word) - COMPOUND_MIN_PART, COMPOUND_MIN_PART - 1, -1)
        for cut in sorted(cuts, key=lambda c: c not in joints) if joints else cuts:
            head, tail = word[:cut], word[cut:]
            if head in self.single and head not in foreign and (
                    cut in joints or self._word_after(word, head, tail, lang)):
                parts.append((self.single[head], head))
                # Norwegian joins compounds with a linking s or e ("gård|s|bygg"): the rest
                # is what follows it where the glossary knows that word (even inflected,
                # "gårds|bygget") or, in a Norwegian word, where the first part takes that
                # linking letter ("eiendom|s|utviklere", "bygg|e|tiden"; not "kraft|system").
                rest = tail[1:]
                if tail[0] in "se" and (
                        rest in self.single or self._concept(rest, lang)
                        or (any_head and tail[0] == _linking(head) and len(rest) >= 3
                            and rest not in STOP_WORDS)):
                    tail = rest
                rest = self._concept(tail, lang)
                parts.append((rest, tail) if rest else (self.stem(tail, lang), tail))
                return parts
        if not any_head:
            return parts
        cuts = range(COMPOUND_MIN_PART, len(word) - COMPOUND_MIN_PART + 1)
        for cut in sorted(cuts, key=lambda c: c not in joints) if joints else cuts:
            head, tail = word[:cut], word[cut:]
            if tail in self.single and tail not in foreign:
                parts.append((self.single[tail], tail))
                return parts
        return parts

    def _word_after(self, word: str, head: str, tail: str, lang: str) -> bool:
        """Whether `tail`, after the glossary word `head`, can be a word of its own: not a
        stop word ("spill|over" is no game) and not a suffix, which the text's stemmer takes
        off the whole word, so its stem ends at most a letter past the head ("media|tion",
        "carbon|ated" are derivations of the word, not compounds with it), nor the suffix
        that makes a Norwegian verb of it ("finans|ierer")."""
        if tail in STOP_WORDS or _VERB_SUFFIX.fullmatch(tail):
            return False
        return len(self.stem(word, lang)) > len(head) + 1

    def _token_info(self, token: str, lang: str
                    ) -> tuple[bool, tuple[Feature, ...] | None, tuple | None, bool]:
        """(starts a multi-word phrase, its position if it is a single-word glossary concept,
        features or None, can be a phrase's second word): one tuple of each per distinct
        token, so the analyses in the memo share them instead of holding copies per
        occurrence."""
        cache = self._info_cache[lang]
        info = cache.get(token)
        if info is None:
            stems = (token, self.stem(token, "nb"), self.stem(token, "en"))
            multi = any(w in self.starts for w in stems)
            canon = self._concept(token, lang)
            skip = token in STOP_WORDS or len(token) < 2 or token.isdigit()
            # `_lookup` tries a phrase's words raw, stemmed in the text's language and in the
            # other: none of them a phrase's second word, no phrase continues with this token
            second = any(w in self.seconds for w in stems)
            info = (multi, None if canon is None else ((canon, token),),
                    None if skip else self._token_features(token, lang), second)
            cache[token] = info
        return info

    def _phrase(self, words: tuple[str, ...], lang: str) -> tuple[Feature, ...] | None:
        """The position of a multi-word glossary phrase, or None; one tuple per phrase (not
        per occurrence: remembered analyses share it). Misses are not kept: word pairs and
        triples that are no phrase are many."""
        key = (words, lang)
        pos = self._phrase_cache.get(key)
        if pos is None:
            canon = self._lookup(words, lang)
            if canon is None:
                return None
            # keep the words' own features too: "battery storage" says battery
            feats = [(canon, " ".join(words))]
            for w in words:
                if w not in STOP_WORDS and len(w) > 1:
                    feats.extend(f for f in self._token_features(w, lang) if f[0] != canon)
            pos = self._phrase_cache[key] = tuple(feats)
        return pos

    def analyze(self, text: str) -> tuple[Positions, list[str]]:
        """Per kept token position, its word features; and the surface tokens for char n-grams."""
        positions = self.positions(text)
        return positions, surfaces(positions)

    def positions(self, text: str) -> Positions:
        """Per kept token position, its word features (remembered in `memo`)."""
        memo = self.memo
        out = memo.get(text)
        if out is None:
            out = self._positions(text)
            memo.put(text, out)
        return out

    def _positions(self, text: str) -> Positions:
        toks = self.tokens(text)
        lang = self.language(toks)
        positions: list[tuple[Feature, ...]] = []
        infos = list(map(self._info_cache[lang].get, toks))
        if None in infos:
            infos = [x if x is not None else self._token_info(t, lang)
                     for t, x in zip(toks, infos, strict=True)]
        i, n = 0, len(toks)
        while i < n:
            multi, canon1, feats, _ = infos[i]
            if multi and not (i + 1 < n and infos[i + 1][3]):
                multi = False  # no phrase has the next token second: `_phrase` finds none
            if multi:
                for size in range(min(_MAX_PHRASE, n - i), 1, -1):
                    words = tuple(toks[i:i + size])
                    pos = self._phrase(words, lang)
                    if pos is not None:
                        positions.append(pos)
                        i += size
                        break
                else:
                    multi = False
            if multi:
                continue
            i += 1
            if canon1 is not None:
                positions.append(canon1)
            elif feats is not None:
                positions.append(feats)
        return tuple(positions)


def _linking(head: str) -> str:
    """The letter that links the Norwegian word `head` to the next part of a compound: "s",
    "e", or "" where it takes none (glossary.LINKING_S, LINKING_S_ENDINGS, LINKING_E)."""
    if head in LINKING_S or head.endswith(LINKING_S_ENDINGS):
        return "s"
    return "e" if head in LINKING_E else ""


def _joints(token: str) -> frozenset[int]:
    """Where `token`'s hyphens were, as positions in it written without them ("bicycle-sharing":
    7): a hyphen says where the writer's compound is cut."""
    if "-" not in token:
        return frozenset()
    out, at = set(), 0
    for part in token.replace("'", "").split("-")[:-1]:
        at += len(part)
        out.add(at)
    return frozenset(out)
