"""Helpers for API tests: a token header for a user."""

from __future__ import annotations

from app.services import api_tokens


def bearer(user, scope: str = "read-write", days: int = 30) -> dict:
    """An Authorization header with a fresh token of the user."""
    return {"Authorization": f"Bearer {api_tokens.create(user, 'test', scope, days).plain}"}
