"""On a phone the lists' filter forms sit behind a "Filters" button, so the first pitch or
investor is on the first screen: the form is a Bootstrap collapse, shown from md (768 px) on
whatever its state, open on a phone when a filter is active (or refused), and the button
tells a screen reader what it opens and whether it is open."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_investor, make_pitch, make_user


def _toggle(html: str) -> tuple[str, str]:
    """The Filters button's aria-expanded and the classes of the box it controls."""
    button = re.search(r'<button type="button"[^>]*data-bs-toggle="collapse"[^>]*>', html)
    assert button, "no Filters button"
    target = re.search(r'aria-controls="([^"]+)"', button.group(0)).group(1)
    expanded = re.search(r'aria-expanded="(\w+)"', button.group(0)).group(1)
    box = re.search(rf'<div class="([^"]*)" id="{target}">\s*<form method="get"', html)
    assert box, "the button controls the filter form's box"
    assert "d-md-block" in box.group(1).split()  # always open on a desktop
    assert "d-md-none" in button.group(0)  # and no button there
    return expanded, box.group(1)


@pytest.mark.parametrize("path, filtered", [
    ("/matches", "/matches?sector=energy"),
    ("/pitches", "/pitches?q=sol"),
    ("/investors", "/investors?sector=energy"),
])
def test_filters_fold_away_on_a_phone_unless_one_is_active(client, auth, path, filtered):
    role = "founder" if path == "/investors" else "investor"
    user = make_user(role)
    if role == "investor":
        make_investor(user)
    make_pitch(title="Solar roofs", sectors=["energy"])
    auth.login(user.email)
    expanded, classes = _toggle(client.get(path).get_data(as_text=True))
    assert expanded == "false" and "show" not in classes.split()
    expanded, classes = _toggle(client.get(filtered).get_data(as_text=True))
    assert expanded == "true" and "show" in classes.split()
    # The page number is no filter; an empty field is none either.
    expanded, _ = _toggle(client.get(f"{path}?page=1&q=").get_data(as_text=True))
    assert expanded == "false"


def test_a_chosen_sort_order_alone_leaves_the_filters_folded(client, auth):
    user = make_user("investor")
    auth.login(user.email)
    expanded, _ = _toggle(client.get("/pitches?sort=newest").get_data(as_text=True))
    assert expanded == "false"
