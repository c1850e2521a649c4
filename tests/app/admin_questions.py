"""Confirming the admin's questions as a browser does: the page's hidden `seen` (what the
deactivate or delete question asked) or `arenas_seen` (the role question's) goes back with
the post."""

from __future__ import annotations

import html
import re

_SEEN = re.compile(r'name="seen" value="([^"]*)"')
_ROLE_SEEN = re.compile(r'name="arenas_seen" type="hidden" value="([^"]*)"')


def seen_on(page: str) -> str:
    """The `seen` value of the question's form on the page."""
    match = _SEEN.search(page)
    assert match, "no seen field on the page"
    return html.unescape(match.group(1))


def confirm(client, user_id: int, what: str):
    """Open /admin/users/<id>/<what> ("deactivate" or "delete") and press its button."""
    page = client.get(f"/admin/users/{user_id}/{what}").get_data(as_text=True)
    return client.post(f"/admin/users/{user_id}/{what}", data={"seen": seen_on(page)})


def role_seen_on(page: str) -> str:
    """The `arenas_seen` value of the role question's form on the page."""
    match = _ROLE_SEEN.search(page)
    assert match, "no arenas_seen field on the page"
    return html.unescape(match.group(1))
