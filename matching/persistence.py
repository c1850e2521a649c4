"""Saving and loading a fitted engine as one `.npz` file: arrays plus a JSON header.

No pickle anywhere: every object is rebuilt from plain arrays and JSON, and files are read
with `allow_pickle=False`. `FORMAT_VERSION` is stamped into every file; a file with another
version is refused with `IndexFormatError` rather than half-read.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from .features import FeatureBuilder
from .pitch_words import PitchWords
from .records import EngineWeights, IndexFormatError

FORMAT_VERSION = 1
FILE_NAME = "match_index.npz"
_PARAMS = ("n_jobs", "random_state", "char_weight", "ticket_sigma", "ticket_far",
           "half_life_days", "recency_floor", "as_of", "retrieval", "n_components",
           "svd_threshold", "block_size")


def _arrays(engine) -> dict[str, np.ndarray]:
    from .engine import MatchEngine  # noqa: F401  (documented owner of the attributes)

    engine._check()
    meta_b, arrays = engine.features_.state()
    meta = {
        "format_version": FORMAT_VERSION,
        "params": {p: getattr(engine, p) for p in _PARAMS},
        "weights": engine.weights.as_dict(),
        "builder": meta_b,
        "pitch_ids": engine.pitch_ids_,
        "investor_ids": engine.investor_ids_,
        "svd": engine.svd_components_ is not None,
    }
    out = dict(arrays)
    meta["pitch_forms"], words = engine.pitch_words_.state()
    out.update({f"pitch_words_{k}": v for k, v in words.items()})
    for side in ("pitch", "investor"):
        t = getattr(engine, f"{side}_text_")
        out[f"{side}_text_data"] = t.data
        out[f"{side}_text_indices"] = t.indices
        out[f"{side}_text_indptr"] = t.indptr
        out[f"{side}_text_shape"] = np.array(t.shape, np.int64)
        out[f"{side}_dense"] = getattr(engine, f"{side}_dense_")
        out[f"{side}_alive"] = getattr(engine, f"{side}_alive_")
        if meta["svd"]:
            out[f"{side}_z"] = getattr(engine, f"{side}_z_")
    if meta["svd"]:
        out["svd_components"] = engine.svd_components_
    out["meta_json"] = np.frombuffer(json.dumps(meta).encode("utf-8"), np.uint8)
    return out


def _restore(data) -> object:
    from .engine import MatchEngine

    if "meta_json" not in data:
        raise IndexFormatError("not a Koble match index (no header); rebuild the index")
    meta = json.loads(bytes(data["meta_json"]).decode("utf-8"))
    version = meta.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexFormatError(
            f"match index format version {version} cannot be read by this engine (expects "
            f"{FORMAT_VERSION}); rebuild the index with `flask matching rebuild`")
    arrays = {k: data[k] for k in data.files}
    engine = MatchEngine(weights=EngineWeights.from_dict(meta["weights"]), **meta["params"])
    engine.features_ = FeatureBuilder.from_state(meta["builder"], arrays)
    engine.rng_ = np.random.default_rng(engine.random_state)
    engine.pitch_ids_ = list(meta["pitch_ids"])
    engine.investor_ids_ = list(meta["investor_ids"])
    for side in ("pitch", "investor"):
        setattr(engine, f"{side}_text_", sp.csr_matrix(
            (arrays[f"{side}_text_data"], arrays[f"{side}_text_indices"],
             arrays[f"{side}_text_indptr"]), shape=tuple(arrays[f"{side}_text_shape"])))
        setattr(engine, f"{side}_dense_", arrays[f"{side}_dense"])
        setattr(engine, f"{side}_alive_", arrays[f"{side}_alive"].astype(bool))
    # absent from an index saved before pitches' own spellings were kept: the vocabulary's
    # forms name its shared terms until the next fit
    words = {k: arrays[f"pitch_words_{k}"] for k in ("data", "indices", "indptr")
             if f"pitch_words_{k}" in arrays}
    engine.pitch_words_ = PitchWords.from_state(
        engine.features_.text_.n_word_features, engine.pitch_text_.shape[0],
        meta.get("pitch_forms"), words if len(words) == 3 else None)
    engine.svd_components_ = None
    if meta["svd"]:
        engine.svd_components_ = arrays["svd_components"]
        engine.pitch_z_ = arrays["pitch_z"]
        engine.investor_z_ = arrays["investor_z"]
    engine._reindex()
    return engine


def save(engine, path: str | Path) -> Path:
    """Write `engine` to `path` (a file, or a directory that gets `match_index.npz`)."""
    path = Path(path)
    if path.is_dir() or path.suffix == "":
        path.mkdir(parents=True, exist_ok=True)
        path = path / FILE_NAME
    with open(path, "wb") as fh:
        np.savez(fh, **_arrays(engine))
    return path


def load(path: str | Path):
    """Read an engine written by `save` (never unpickles)."""
    path = Path(path)
    if path.is_dir():
        path = path / FILE_NAME
    try:
        with np.load(path, allow_pickle=False) as data:
            return _restore(data)
    except (ValueError, OSError) as exc:
        if isinstance(exc, IndexFormatError):
            raise
        raise IndexFormatError(f"cannot read match index {path}: {exc}") from exc


def save_bytes(engine) -> bytes:
    """The engine as `.npz` bytes."""
    buf = io.BytesIO()
    np.savez(buf, **_arrays(engine))
    return buf.getvalue()


def load_bytes(blob: bytes):
    """Read an engine from `save_bytes` output."""
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as data:
            return _restore(data)
    except (ValueError, OSError) as exc:
        if isinstance(exc, IndexFormatError):
            raise
        raise IndexFormatError(f"cannot read match index from bytes: {exc}") from exc
