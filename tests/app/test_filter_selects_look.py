"""A list's filters that open a list of choices look like drop-downs (Bootstrap's form-select,
with its arrow), as every other select of the app does. They are FilterSelectFields, and
templates/_macros.html form_field chose form-select by the field's type name, so they got
form-control: a plain box reading "Any", like the search box beside it, with nothing to say
that it opens a list (the investor's Recommended pitches, the pitch list, the investor list,
the admin's user list)."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_investor, make_user

_SELECT = re.compile(r"<select\b[^>]*>")


def _select_classes(html: str) -> dict[str, list[str]]:
    """Each select's name and its classes."""
    found = {}
    for tag in _SELECT.findall(html):
        name = re.search(r'\bname="([^"]+)"', tag)[1]
        found[name] = re.search(r'\bclass="([^"]*)"', tag)[1].split()
    return found


@pytest.mark.parametrize(("role", "url", "filters"), [
    ("investor", "/matches", {"sector", "stage", "municipality", "objective"}),
    ("investor", "/pitches", {"sort", "sector", "stage", "municipality", "objective"}),
    ("founder", "/investors", {"sector", "stage", "region", "green_mandate", "investor_type"}),
    ("admin", "/admin/users", {"role", "active"}),
])
def test_filter_selects_look_like_drop_downs(client, auth, role, url, filters):
    user = make_user(role, association=None) if role == "admin" else make_user(role)
    if role == "investor":
        make_investor(user)
    auth.login(user.email)
    response = client.get(url)
    assert response.status_code == 200
    selects = _select_classes(response.get_data(as_text=True))
    assert filters <= set(selects), selects
    for name in filters:
        assert "form-select" in selects[name], (name, selects[name])
        assert "form-control" not in selects[name], (name, selects[name])


def test_a_refused_filter_keeps_the_drop_down_look(client, auth):
    user = make_user("investor")
    make_investor(user)
    auth.login(user.email)
    response = client.get("/matches?sector=nothing-such")
    assert response.status_code == 422
    assert _select_classes(response.get_data(as_text=True))["sector"] == [
        "form-select", "is-invalid"]
