"""The other language is in sight on a phone: its button sits beside the menu's toggler, not
only inside the collapsed menu, where a reader of the other language had to guess it was.
From the menu's breakpoint on, the one in the menu is shown instead (one at a time)."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_user


def _bar_and_menu(page: str) -> tuple[str, str]:
    bar = page[page.index('<nav class="navbar'):page.index('id="nav"')]
    menu = page[page.index('id="nav"'):page.index("</nav>")]
    return bar, menu


@pytest.mark.parametrize("lang,other", [("nb", "English"), ("en", "Norsk")])
def test_a_visitor_sees_the_other_language_beside_the_toggler(client, lang, other):
    client.post("/language", data={"lang": lang})
    bar, menu = _bar_and_menu(client.get("/").get_data(as_text=True))
    assert re.search(r'<form method="post" action="/language" class="d-lg-none[^"]*"[^>]*>', bar)
    assert f">{other}</button>" in bar
    assert bar.index(f">{other}</button>") < bar.index('class="navbar-toggler"')
    # the menu's own switch is for wide screens only
    assert re.search(r'<li class="nav-item d-none d-lg-block"><form method="post" '
                     r'action="/language"', menu)


def test_a_member_sees_the_other_language_beside_the_toggler(client, auth):
    auth.login(make_user("investor", locale="en").email)
    bar, menu = _bar_and_menu(client.get("/matches").get_data(as_text=True))
    assert re.search(r'<form method="post" action="/language" class="d-xl-none[^"]*"[^>]*>', bar)
    assert ">Norsk</button>" in bar
    assert '<li class="nav-item d-none d-xl-block"><form method="post" action="/language"' in menu


def test_the_switch_beside_the_toggler_changes_the_language_and_comes_back(client):
    page = client.get("/auth/register?role=investor").get_data(as_text=True)
    bar, _menu = _bar_and_menu(page)
    nxt = re.search(r'name="next" value="([^"]*)"', bar).group(1).replace("&amp;", "&")
    response = client.post("/language", data={"lang": "en", "next": nxt})
    assert response.location.endswith("/auth/register?role=investor")
    assert "Create an account" in client.get(response.location).get_data(as_text=True)
