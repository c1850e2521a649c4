"""CSRF tokens as a browser gets them, for tests that run with CSRF on."""

from __future__ import annotations

import re

_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def token_in(page: str) -> str:
    """The first form's token on the page."""
    match = _TOKEN.search(page)
    assert match, "no csrf_token on the page"
    return match.group(1)


def form_token(client, path: str = "/auth/login") -> str:
    """The token of the form on the page at `path` (a tab opened there)."""
    return token_in(client.get(path).get_data(as_text=True))
