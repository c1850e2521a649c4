"""Counters the security tests fill in and the terminal summary prints."""

from __future__ import annotations

from collections import Counter

COUNTS: Counter[str] = Counter()


def count(name: str, n: int = 1) -> None:
    """Add n to a named counter (e.g. "CSRF variants tried")."""
    COUNTS[name] += n
