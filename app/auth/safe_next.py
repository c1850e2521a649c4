"""Only local paths are accepted as the page to return to after login."""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

_MAX_LENGTH = 2000
_MAX_DECODES = 4
# Control, format (zero-width, bidi) and separator characters have no place in a local path;
# browsers strip some of them, which turns "/\t/evil.com" into "//evil.com".
_BAD_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp", "Zs"}


def _layers(target: str) -> list[str] | None:
    """The target, each percent-decoding of it, and their NFKC forms; None if too deep."""
    layers = [target]
    current = target
    for _ in range(_MAX_DECODES):
        decoded = unquote(current)
        if decoded == current:
            break
        layers.append(decoded)
        current = decoded
    else:
        if unquote(current) != current:
            return None
    layers += [unicodedata.normalize("NFKC", layer) for layer in layers]
    return layers


def _is_local_path(candidate: str) -> bool:
    if any(c == "\\" or c.isspace() or unicodedata.category(c) in _BAD_CATEGORIES
           for c in candidate):
        return False
    if not candidate.startswith("/") or candidate.startswith("//"):
        return False
    parts = urlsplit(candidate)
    if parts.scheme or parts.netloc:
        return False
    # Dot segments can collapse into "//host" once a browser or proxy normalises the path.
    return not any(segment in (".", "..") for segment in parts.path.split("/"))


def safe_next(target: str | None, default: str = "/") -> str:
    """Return target if it is a plain local path (in every decoding), else default."""
    if not target or len(target) > _MAX_LENGTH:
        return default
    layers = _layers(target)
    if layers is None or not all(_is_local_path(layer) for layer in layers):
        return default
    return target
