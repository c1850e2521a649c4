"""Each of the admin's four pages (people, associations, engine, audit log) opens with the
same tabs to the other three, its own marked current. The engine page had none: from it,
the way to the other admin pages was only the top menu's dropdown, where every other admin
page offers the tabs (seen walking the demo as its administrator)."""

from __future__ import annotations

import re

import pytest

from tests.app.security.principals import log_in
from tests.factories import make_user

PAGES = ["/admin/users", "/admin/associations", "/admin/engine", "/admin/audit"]


@pytest.mark.parametrize("path", PAGES)
def test_each_admin_page_has_the_tabs_with_itself_current(app, path):
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="en"))
    page = client.get(path).get_data(as_text=True)
    tabs = re.search(r'<nav aria-label="Administration"[^>]*>(.*?)</nav>', page, re.S)
    assert tabs, f"no admin tabs on {path}"
    links = re.findall(r'<a class="nav-link[^"]*"\s*(aria-current="page")?\s*href="([^"]+)"',
                       tabs.group(1))
    assert sorted(href for _current, href in links) == sorted(PAGES)
    assert [href for current, href in links if current] == [path]


def test_the_menus_dropdown_lists_them_in_the_tabs_order(app):
    """The top menu's Administration dropdown listed Engine first (Engine, People,
    Associations, Audit log) while every admin page's tabs say People, Associations,
    Engine, Audit log: one order for both."""
    client = app.test_client()
    log_in(client, make_user("admin", association=None, locale="en"))
    page = client.get("/admin/users").get_data(as_text=True)
    dropdown = re.search(r'<ul class="dropdown-menu">(.*?)</ul>', page, re.S).group(1)
    listed = [href for href in re.findall(r'href="([^"]+)"', dropdown) if href in PAGES]
    assert listed == PAGES
