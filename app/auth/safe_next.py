"""Only local paths are accepted as the page to return to after login."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit


def safe_next(target: str | None, default: str = "/") -> str:
    """Return target if it is a plain local path, else default."""
    if not target or len(target) > 2000:
        return default
    decoded = unquote(unquote(target))
    for candidate in (target, decoded):
        if any(ord(c) < 32 or c == "\\" for c in candidate):
            return default
        if not candidate.startswith("/") or candidate.startswith("//"):
            return default
        parts = urlsplit(candidate)
        if parts.scheme or parts.netloc:
            return default
    return target
