"""Explanations: the shared terms behind a text score and machine-readable reason codes.

The app turns reason codes into sentences in the user's language; the engine never writes
prose. Codes, strongest contribution first:
text_overlap, sector_overlap, stage_fit, same_location, same_region, ticket_in_range,
ticket_near, green_match, support_match, funding_match, active_investor.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from .records import COMPONENTS, EngineWeights

MAX_TERMS = 5


def shared_terms(p_row: sp.csr_matrix, q_row: sp.csr_matrix, n_word: int, names: list[str],
                 surfaces: dict[str, str], local: dict[str, str] | None = None,
                 limit: int = MAX_TERMS) -> list[str]:
    """Surface forms of the word features that add most to the pair's text score."""
    pi, pv = p_row.indices, p_row.data
    qi, qv = q_row.indices, q_row.data
    keep_p, keep_q = pi < n_word, qi < n_word
    common, ia, ib = np.intersect1d(pi[keep_p], qi[keep_q], return_indices=True)
    if common.size == 0:
        return []
    contrib = pv[keep_p][ia] * qv[keep_q][ib]
    out: list[str] = []
    for j in np.argsort(-contrib, kind="stable"):
        feat = names[common[j]]
        term = (local or {}).get(feat) or surfaces.get(feat) or feat.lstrip("~")
        if any(term in t or t in term for t in out):
            continue  # "solenergi" and "solenergi batterilagring" say the same thing twice
        out.append(term)
        if len(out) == limit:
            break
    return out


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
