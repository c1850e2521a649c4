"""The engine's fingerprint: a short hash of what decides a fitted index besides the data.

A fitted index holds a vocabulary, idf weights, stored scores and the terms explanations
name, all made by the glossary, the stop words, the analyser's and the scorer's constants and
the engine's default parameters. When a deployment changes any of them, an index fitted by
the old code is out of date (and new texts would be read by the new analyser against the old
vocabulary); the app compares this fingerprint with the one saved with its newest index
(`app.services.engine_index.is_stale`).

The hash sees the module-level constants of the modules below (every UPPER_CASE name, so a
new glossary table counts without being listed), the defaults of the engine's parameters and
the stemmer's version. It cannot see code: whoever changes how texts are analysed or pairs
scored without changing a constant bumps `ENGINE_REVISION`.

Deterministic across processes (sha256 of canonical JSON: sets sorted, never Python's
`hash()`, which PYTHONHASHSEED salts) and computed once per process.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib
import inspect
import json
import re
from importlib import metadata

import numpy as np

# Bump when a change to the analyser, the vectorizer, the features, the scoring or the
# explanations changes what a fit stores while no constant below changes.
ENGINE_REVISION = 1

# Modules whose constants decide a fit, and their names that do not (sizes of per-process
# caches, a runtime handle).
_MODULES = ("glossary", "text_tokens", "text_analysis", "text_vectorizer", "tfidf",
            "explain", "facets", "focus", "ticket", "activity", "features", "records",
            "reranker", "persistence")
_NOT_DECIDING = frozenset({"POSITION_COLUMNS", "MEMO_CHARS", "FILE_NAME", "TYPE_CHECKING"})
_CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")
# Parameters that change how fast a fit runs, not what it stores.
_NOT_PARAMETERS = frozenset({"self", "weights", "n_jobs"})


def _plain(value):
    """`value` as JSON-able data with one spelling: sets sorted, tuples as lists."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, re.Pattern):
        return {"pattern": value.pattern, "flags": int(value.flags)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    raise TypeError(f"cannot fingerprint a {type(value).__name__}: list it in _NOT_DECIDING "
                    f"or teach _plain its plain form")


def _constants(module) -> dict:
    return {name: _plain(value) for name, value in sorted(vars(module).items())
            if _CONSTANT.fullmatch(name) and name not in _NOT_DECIDING
            and not (callable(value) or inspect.ismodule(value))}


def _defaults(cls) -> dict:
    return {name: _plain(p.default)
            for name, p in inspect.signature(cls.__init__).parameters.items()
            if name not in _NOT_PARAMETERS and p.default is not inspect.Parameter.empty}


def engine_parts() -> dict:
    """What the fingerprint hashes, as plain data (to see what differs)."""
    from .engine import MatchEngine
    from .features import FeatureBuilder
    from .records import EngineWeights
    from .text_vectorizer import TextVectorizer

    parts = {f"matching.{name}": _constants(importlib.import_module(f".{name}", __package__))
             for name in _MODULES}
    parts["parameters"] = {cls.__name__: _defaults(cls)
                           for cls in (MatchEngine, FeatureBuilder, TextVectorizer)}
    parts["default_weights"] = {f.name: f.default for f in dataclasses.fields(EngineWeights)}
    parts["snowballstemmer"] = metadata.version("snowballstemmer")
    parts["revision"] = ENGINE_REVISION
    return parts


@functools.cache
def engine_fingerprint() -> str:
    """16 hex digits naming this code's way of fitting an index; the same in every process
    running the same code."""
    text = json.dumps(engine_parts(), sort_keys=True, ensure_ascii=True, allow_nan=False)
    return hashlib.sha256(text.encode("ascii")).hexdigest()[:16]
