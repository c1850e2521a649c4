"""Explanations: the shared terms behind a text score and machine-readable reason codes.

The app turns reason codes into sentences in the user's language; the engine never writes
prose. Codes, strongest contribution first:
text_overlap, sector_overlap, stage_fit, same_location, same_region, ticket_in_range,
ticket_near, green_match, support_match, funding_match, active_investor.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from .facets import LOCATION_ALIASES, REGIONS
from .glossary import STOP_WORDS, UNNAMED_WORDS
from .records import COMPONENTS, EngineWeights

if TYPE_CHECKING:
    from .pitch_words import PitchWords

MAX_TERMS = 5
# A word feature in more than this share of the fitted texts (pitches and investors) is not
# named: "both mention X" says nothing when most texts mention X. Read from the fitted idf,
# so it follows the corpus, not a list; below MIN_DOCS_FOR_SHARE texts a share says little
# (one text moves it by 5 points or more) and only the word lists apply.
MAX_DOC_SHARE = 0.5
MIN_DOCS_FOR_SHARE = 20

# Places the location facet knows are not named as shared words either: the location
# component explains a place from the stated municipality and regions, a place in both texts
# is mostly boilerplate ("gladly in Buskerud, Asker and Bærum"), and lower-cased "asker"
# reads as a word. A stop word reaches the terms only as a concept of the other language
# ("by", a city in a Norwegian text) and is no more telling.
NOT_NAMED = UNNAMED_WORDS | STOP_WORDS | frozenset(
    word for place in (*REGIONS, *LOCATION_ALIASES.values()) for word in place.split())


@lru_cache(maxsize=65_536)
def nameable(term: str, not_named: frozenset[str] = NOT_NAMED) -> bool:
    """Whether an explanation may name `term`: not when every word of it is in `not_named`
    ("millioner kroner"; "smart city" stays). Which terms are named, never the score."""
    return not all(word.lower() in not_named for word in term.split())


def unnamed_columns(names: list[str], idf: np.ndarray, n_docs: int,
                    not_named: frozenset[str] = NOT_NAMED) -> np.ndarray:
    """Per word column, whether an explanation never names it, however a text spells it:
    a feature whose every word is, as the analyser keeps it (a stem), a word of `not_named`
    ("use" for "used", "do" for "doing": spellings the word list does not hold), or one in
    more than MAX_DOC_SHARE of the `n_docs` fitted texts (a two-word feature by its own
    share: "cut emissions" is named where "emissions" alone is too common). Smoothed idf is
    log((1 + n) / (1 + df)) + 1, so exp(1 - idf) is the share (1 + df) / (1 + n)."""
    skip = np.fromiter((all(w in not_named for w in f.split(" ")) for f in names), bool,
                       len(names))
    if n_docs >= MIN_DOCS_FOR_SHARE:
        skip |= np.exp(1.0 - np.asarray(idf, np.float64)) > MAX_DOC_SHARE
    return skip


def shared_terms(p_row: sp.csr_matrix, q_row: sp.csr_matrix, n_word: int, names: list[str],
                 surfaces: dict[str, str], local: dict[str, str] | None = None,
                 limit: int = MAX_TERMS, skip: np.ndarray | None = None) -> list[str]:
    """Surface forms of the word features that add most to the pair's text score (none of
    the columns `skip` marks, see `unnamed_columns`)."""
    pi, pv = p_row.indices, p_row.data
    qi, qv = q_row.indices, q_row.data
    keep_p, keep_q = pi < n_word, qi < n_word
    common, ia, ib = np.intersect1d(pi[keep_p], qi[keep_q], return_indices=True)
    contrib = pv[keep_p][ia] * qv[keep_q][ib]
    if skip is not None:
        named = ~skip[common]
        common, contrib = common[named], contrib[named]
    if common.size == 0:
        return []
    out: list[str] = []
    for j in np.argsort(-contrib, kind="stable"):
        feat = names[common[j]]
        term = (local or {}).get(feat) or surfaces.get(feat) or feat.lstrip("~")
        if not nameable(term):
            continue
        _add_term(out, term, " " not in feat)
        if len(out) == limit:
            break
    return out


def _add_term(terms: list[str], term: str, one_position: bool) -> None:
    """Add `term` to the named `terms` unless it says what one of them says: "solenergi"
    and "solenergi batterilagring" say the same thing twice, so the later is left out. But a
    word or glossary phrase of the text (`one_position`: not a pair of two positions) takes
    the place of the words of it named before: the words of "circular economy" can weigh
    more apiece than the phrase, and "Both mention circular, economy and passports" splits
    what the writer wrote as one term. A two-position term never does: its words may stand
    apart in the text ("passports circular economy" of "passports for the circular economy").
    Nor is a term of one word twice named: a pair of two positions with one feature reads as
    its first spelling twice ("manufacturers manufacturers" of "manufacturers' production")."""
    words = term.split()
    if any(term in t for t in terms) or (len(words) == 2 and words[0] == words[1]):
        return
    parts = [t for t in terms if t in term]
    if not parts:
        terms.append(term)
        return
    if not one_position or len(words) < 2 or not all(
            set(t.split()) <= set(words) for t in parts):
        return
    at = terms.index(parts[0])
    terms[:] = [t for t in terms if t not in parts]
    terms.insert(at, term)


def reasons(components: dict[str, float], weights: EngineWeights, has_terms: bool,
            known: dict[str, bool] | None = None) -> list[str]:
    """Reason codes for a pair, strongest weighted contribution first.

    `known[c]` says both sides stated component c; without it a neutral or "expected" value
    (say, a pitch without a location) would read like a fact.
    """
    found: list[tuple[float, str]] = []
    known = known or {}

    def add(component: str, code: str) -> None:
        if known.get(component, True):
            found.append((getattr(weights, component) * components[component], code))

    if has_terms and components["text"] > 0.05:
        add("text", "text_overlap")
    if components["sectors"] > 0.5:
        add("sectors", "sector_overlap")
    if components["stage"] > 0.5:
        add("stage", "stage_fit")
    if components["location"] >= 0.69:
        add("location", "same_location")
    elif components["location"] >= 0.29:
        add("location", "same_region")
    # 1 only inside the range; unknown asks or ranges sit at the neutral 0.5
    if components["ticket"] >= 0.999:
        add("ticket", "ticket_in_range")
    elif components["ticket"] >= 0.6:
        add("ticket", "ticket_near")
    if components["green"] >= 0.5:
        add("green", "green_match")
    if components["support"] > 0.5:
        add("support", "support_match")
    if components["funding"] > 0.5:
        add("funding", "funding_match")
    if components["activity"] >= 0.5:
        add("activity", "active_investor")
    found.sort(key=lambda t: -t[0])
    return [code for w, code in found if w > 0]


def component_dict(values: np.ndarray) -> dict[str, float]:
    """Component vector to a {name: value in [0, 1]} dict."""
    return {name: float(np.clip(v, 0.0, 1.0)) for name, v in zip(COMPONENTS, values,
                                                                 strict=True)}


# -- many pairs at once ------------------------------------------------------------------------
# The same rules as `reasons` and `shared_terms`, as array operations over many pairs (the
# batch and the single queries use these; the functions above stay the reference).
_REASON_RULES = (  # (component, code, lower bound, strict), in the order `reasons` adds them
    ("text", "text_overlap", 0.05, True),
    ("sectors", "sector_overlap", 0.5, True),
    ("stage", "stage_fit", 0.5, True),
    ("location", "same_location", 0.69, False),
    ("location", "same_region", 0.29, False),
    ("ticket", "ticket_in_range", 0.999, False),
    ("ticket", "ticket_near", 0.6, False),
    ("green", "green_match", 0.5, False),
    ("support", "support_match", 0.5, True),
    ("funding", "funding_match", 0.5, True),
    ("activity", "active_investor", 0.5, False),
)
_CODES = np.array([r[1] for r in _REASON_RULES], dtype=object)


def reasons_many(comps: np.ndarray, weights: EngineWeights, has_terms: np.ndarray,
                 known: dict[str, np.ndarray] | None = None) -> list[list[str]]:
    """`reasons` for every row of a (pairs × COMPONENTS) matrix, as one array pass."""
    n = comps.shape[0]
    if n == 0:
        return []
    col = {c: i for i, c in enumerate(COMPONENTS)}
    known = known or {}
    vals = comps.astype(np.float64)
    contrib = np.full((n, len(_REASON_RULES)), -1.0)
    taken: dict[str, np.ndarray] = {}  # location / ticket: the first matching rule wins
    for j, (comp, _code, low, strict) in enumerate(_REASON_RULES):
        v = vals[:, col[comp]]
        hit = v > low if strict else v >= low
        if comp == "text":
            hit &= np.asarray(has_terms, bool)
        if comp in ("location", "ticket"):
            before = taken.get(comp, np.zeros(n, bool))
            taken[comp] = before | hit
            hit = hit & ~before
        if comp in known:
            hit &= np.asarray(known[comp], bool)
        w = getattr(weights, comp) * v
        contrib[:, j] = np.where(hit & (w > 0), w, -1.0)
    order = np.argsort(-contrib, axis=1, kind="stable")
    count = (contrib > 0).sum(axis=1).tolist()
    codes = _CODES[order]
    return [row[:c] for row, c in zip(codes.tolist(), count, strict=True)]


def top_terms_many(data: np.ndarray, indices: np.ndarray, indptr: np.ndarray,
                   surfaces: list[str], names: list[str] | None = None,
                   local: dict[str, str] | None = None, limit: int = MAX_TERMS,
                   words: PitchWords | None = None, pitch_rows: np.ndarray | None = None,
                   skip: np.ndarray | None = None) -> list[list[str]]:
    """`shared_terms` for every row of the CSR matrix of per-pair word-feature products.

    `surfaces[j]` is column j's surface form; `local` (with `names`) overrides it with the
    writer's own words, as in `shared_terms`, and so does `words` for the indexed pitch of
    each pair (`pitch_rows`). Largest product first, ties by column; columns `skip` marks
    are left out before sorting.
    """
    n = len(indptr) - 1
    if skip is not None and len(data):
        named = ~skip[indices]
        if not named.all():
            before = np.zeros(len(named) + 1, np.int64)
            np.cumsum(named, out=before[1:])
            indptr = before[np.asarray(indptr, np.int64)]
            data, indices = data[named], indices[named]
    if len(data) == 0:
        return [[] for _ in range(n)]
    indptr = np.asarray(indptr, np.int64)
    rows = np.repeat(np.arange(n), np.diff(indptr))
    order = np.lexsort((-data, rows))  # stable: ties keep the column order of CSR rows
    # only the best few per row go to Python; a row that runs out is redone in full
    few = 4 * limit
    rank = np.arange(len(order)) - indptr[rows]
    short = rank < few
    cut = np.zeros(n + 1, np.int64)
    np.cumsum(np.minimum(np.diff(indptr), few), out=cut[1:])
    short_cols = indices[order[short]]
    cols = short_cols.tolist()
    own = words is not None and words.known and pitch_rows is not None
    if own:
        pitch_rows = np.asarray(pitch_rows, np.int64)
        spelled = words.spellings(pitch_rows[rows[order[short]]], short_cols, surfaces, names)
    bounds = cut.tolist()
    more = (np.diff(indptr) > few).tolist()
    out: list[list[str]] = []
    for i in range(n):
        a, b = bounds[i], bounds[i + 1]
        terms = _pick(cols[a:b], surfaces, names, local, limit, spelled[a:b] if own else None)
        if len(terms) < limit and more[i]:
            full = indices[order[indptr[i]:indptr[i + 1]]]
            mine = words.spellings(np.full(full.size, pitch_rows[i]), full, surfaces,
                                   names) if own else None
            terms = _pick(full.tolist(), surfaces, names, local, limit, mine)
        out.append(terms)
    return out


def _pick(cols: list[int], surfaces: list[str], names: list[str] | None,
          local: dict[str, str] | None, limit: int, mine: list[str | None] | None = None
          ) -> list[str]:
    terms: list[str] = []
    for k, c in enumerate(cols):
        term = (mine[k] if mine is not None else None) or surfaces[c]
        if local:
            term = local.get(names[c]) or term
        if not nameable(term):
            continue
        _add_term(terms, term, names is not None and " " not in names[c])
        if len(terms) == limit:
            break
    return terms
