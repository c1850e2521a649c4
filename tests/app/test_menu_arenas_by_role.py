"""What "My arenas" and "My meetings" in the main menu hold for each role.

Staff are never invited to an arena (it invites founders and investors), so their "My
arenas" was a page that always said "You have no arena invitations yet", beside "Arenas",
the list of the arenas they run. Their menu now has that one, and /arenas sends them there.
"""

from __future__ import annotations

import re

import pytest

from tests.app.test_i18n import _client_in
from tests.factories import make_user

WORDS = {"nb": {"My arenas": "Mine arenaer", "My meetings": "Mine møter", "Arenas": "Arenaer"},
         "en": {"My arenas": "My arenas", "My meetings": "My meetings", "Arenas": "Arenas"}}


def _menu(html: str) -> list[str]:
    """The texts of the main menu's links."""
    menu = re.search(r'<nav class="navbar.*?</nav>', html, re.S).group(0)
    return [" ".join(re.sub(r"<[^>]+>", "", text).split())
            for text in re.findall(r"<a [^>]*>(.*?)</a>", menu, re.S)]


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", ["staff", "admin"])
def test_staff_menu_has_their_arenas_once(app, role, lang):
    staff = make_user(role, association="asker" if role == "staff" else None)
    client = _client_in(app, lang, staff)
    answer = client.get("/arenas")
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith("/staff/arenas")
    menu = _menu(client.get("/staff/arenas").get_data(as_text=True))
    assert WORDS[lang]["Arenas"] in menu
    assert WORDS[lang]["My arenas"] not in menu
    assert WORDS[lang]["My meetings"] not in menu


@pytest.mark.parametrize("lang", ["nb", "en"])
@pytest.mark.parametrize("role", ["founder", "investor"])
def test_participants_keep_their_arenas_and_meetings(app, role, lang):
    client = _client_in(app, lang, make_user(role))
    assert client.get("/arenas").status_code == 200
    menu = _menu(client.get("/arenas").get_data(as_text=True))
    assert WORDS[lang]["My arenas"] in menu
    assert WORDS[lang]["My meetings"] in menu
    assert WORDS[lang]["Arenas"] not in menu
