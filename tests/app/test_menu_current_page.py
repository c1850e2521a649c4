"""The main menu marks the link to the page shown (aria-current="page", Bootstrap's .active):
a screen reader says "current page" on it and the menu shows where one is. Before, nothing
in the menu told one page from another (only the admin's own sub-menu marked its page)."""

from __future__ import annotations

import re

import pytest

from tests.app.test_i18n import _client_in
from tests.factories import make_pitch, make_user

WORDS = {"nb": {"My pitches": "Mine pitcher", "People": "Personer"},
         "en": {"My pitches": "My pitches", "People": "People"}}


def _current(html: str) -> list[str]:
    """The texts of the main menu's links marked as the current page."""
    menu = re.search(r'<nav class="navbar.*?</nav>', html, re.S).group(0)
    return [" ".join(re.sub(r"<[^>]+>", "", text).split())
            for text in re.findall(r'<a [^>]*aria-current="page"[^>]*>(.*?)</a>', menu, re.S)]


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_menu_marks_the_page_shown(app, lang):
    founder = make_user("founder")
    pitch = make_pitch(founder)
    client = _client_in(app, lang, founder)

    html = client.get("/pitches/mine").get_data(as_text=True)
    assert _current(html) == [WORDS[lang]["My pitches"]]
    assert 'class="nav-link active" aria-current="page" href="/pitches/mine"' in html
    # a page the menu has no link to marks nothing
    assert _current(client.get(f"/pitches/{pitch.id}").get_data(as_text=True)) == []


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_admins_dropdown_marks_the_page_shown(app, lang):
    admin = make_user("admin", association=None)
    client = _client_in(app, lang, admin)

    html = client.get("/admin/users").get_data(as_text=True)
    assert _current(html) == [WORDS[lang]["People"]]
    assert 'class="dropdown-item active" aria-current="page"' in html
