"""The shared terms of a match in the investor's own words, for the investor's own pages.

The engine names a shared term as the pitch writes it. An investor reading their
recommendations read their profile quoted in the pitch's words, across languages too:
"Both the pitch and your profile mention autonome ferger, skipsfarten and havnene" to an
English profile about "autonomous ferries", "shipping" and "ports". Here each term is
analysed as the engine analyses text and looked up in the investor's thesis: the thesis's
spelling of the same feature (a glossary concept, a stem, a two-word term) is named instead;
a term the thesis spells no way that the analysis finds stays the pitch's.
"""

from __future__ import annotations

from functools import lru_cache

from matching.explain import nameable
from matching.text import Analyzer
from matching.text_tokens import written_forms

# A stop word of each language before the term, so that the term is read in that language
# (a lone word has no stop word to guess from); stop words are no positions of their own.
_IN_LANGUAGE = ("og ", "the ")


def in_own_words(terms: tuple[str, ...], thesis: str | None) -> tuple[str, ...]:
    """`terms` as `thesis` spells them, in order, each named once."""
    if not terms or not thesis:
        return terms
    return _in_own_words(terms, thesis)


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    return Analyzer()  # builds its glossary tables: once per process


@lru_cache(maxsize=4096)
def _in_own_words(terms: tuple[str, ...], thesis: str) -> tuple[str, ...]:
    analyzer = _analyzer()
    positions = analyzer.positions(thesis)
    forms = written_forms(thesis)
    out: list[str] = []
    for term in terms:
        spelled = _spelling(analyzer, positions, term)
        spelled = " ".join(forms.get(w, w) for w in spelled.split(" ")) if spelled else ""
        # A form no explanation names ("by", a city, for "urban") leaves the pitch's word,
        # and so does a name ("Office" of "Brown Family Office" for "office furniture").
        if not spelled or not nameable(spelled) or any(
                w[:1].isupper() and w[1:].islower() for w in spelled.split(" ")):
            spelled = term
        if spelled not in out:
            out.append(spelled)
    return tuple(out)


def _spelling(analyzer: Analyzer, positions, term: str) -> str | None:
    """How the thesis (its `positions`) writes the feature(s) of `term`, or None."""
    for hint in _IN_LANGUAGE:
        heads = [pos[0][0] for pos in analyzer.positions(hint + term.lower())]
        if not heads or len(heads) > 2:
            continue
        for i in range(len(positions) - len(heads) + 1):
            found = [dict(positions[i + k]).get(head) for k, head in enumerate(heads)]
            if None not in found:  # each feature as the thesis spells it ("klima" of
                return " ".join(found)  # "klimatilpasset", as the engine names a pitch's)
    return None
