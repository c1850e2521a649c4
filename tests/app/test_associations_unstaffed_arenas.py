"""The associations list flags an association whose arenas not yet held no active staff
member runs: late answers there go to the administrators (arena_notices.host_staff), and the
list said nothing of it; now it says so, with a link to the association's people (to
reactivate, move or find someone to invite)."""

from __future__ import annotations

import html as html_module
import re

import pytest

from app.services.accounts import association_by_slug
from tests.app.test_i18n import _client_in
from tests.factories import make_arena, make_arena_over, make_user


def _text(row: str) -> str:
    return html_module.unescape(" ".join(re.sub(r"<[^>]+>", " ", row).split()))


def _row(html: str, slug: str) -> str:
    key = association_by_slug(slug).id
    return re.search(rf'data-association-id="{key}"[^>]*>(.*?)</tr>', html, re.S).group(1)


@pytest.fixture
def page(app):
    def get(lang: str = "en") -> str:
        client = _client_in(app, lang, make_user("admin", association=None))
        return client.get("/admin/associations").get_data(as_text=True)
    return get


def test_an_association_with_upcoming_arenas_and_no_active_staff_is_flagged(page):
    make_arena(("drammen",), title="Havnearena")
    make_arena(("drammen",), title="Elvearena")
    make_user("staff", association="drammen", active=False)  # left: not running it
    make_arena(("asker",), title="Asker-arena")
    make_user("staff", association="asker")
    make_arena_over(hosts=("kongsberg",))  # over: nobody needs to run it
    html = page()
    drammen = _text(_row(html, "drammen"))
    assert "2 upcoming arenas without active staff" in drammen
    assert "Late answers there go to the administrators." in drammen
    key = association_by_slug("drammen").id
    assert f'href="/admin/users?association={key}"' in _row(html, "drammen")
    for slug in ("asker", "kongsberg", "baerum"):
        assert "without active staff" not in _row(html, slug), slug


def test_a_co_host_with_staff_runs_it(page):
    make_arena(("drammen", "asker"), title="Felles arena")
    make_user("staff", association="asker")
    assert "without active staff" not in _row(page(), "drammen")


def test_the_flag_is_said_in_bokmal(page):
    make_arena(("modum",), title="Modum-arena")
    row = _text(_row(page("nb"), "modum"))
    assert "1 kommende arena uten aktive ansatte" in row
    assert "Sene svar der går til administratorene." in row
