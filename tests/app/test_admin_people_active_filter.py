"""The people list filters by whether an account is active: an administrator looking for the
deactivated accounts (to reactivate one, or to see who left) had to read the whole list."""

from __future__ import annotations

import re

import pytest

from tests.app.security.principals import log_in
from tests.factories import make_user


@pytest.fixture
def client(app):
    admin = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None)
    client = app.test_client()
    log_in(client, admin)
    return client


def _names(html: str) -> set[str]:
    return set(re.findall(r'<a href="/admin/users/\d+">([^<]+)</a>', html))


def test_the_people_list_filters_active_and_deactivated_accounts(client):
    make_user("founder", name="Kari Aktiv")
    make_user("founder", name="Kari Borte", active=False)
    make_user("investor", name="Ola Borte", active=False)
    assert _names(client.get("/admin/users?active=no").get_data(as_text=True)) == {
        "Kari Borte", "Ola Borte"}
    assert _names(client.get("/admin/users?active=yes").get_data(as_text=True)) == {
        "Ada Admin", "Kari Aktiv"}
    assert _names(client.get("/admin/users?active=no&role=founder").get_data(
        as_text=True)) == {"Kari Borte"}
    assert len(_names(client.get("/admin/users").get_data(as_text=True))) == 4


def test_the_filter_is_named_in_both_languages_and_a_bad_value_is_refused(client):
    en = client.get("/admin/users?lang=en").get_data(as_text=True)
    assert '<option value="no">No (deactivated)</option>' in en
    nb = client.get("/admin/users?lang=nb").get_data(as_text=True)
    assert '<option value="no">Nei (deaktivert)</option>' in nb
    response = client.get("/admin/users?active=maybe")
    assert response.status_code == 422


def test_the_pager_keeps_the_active_filter(client):
    for n in range(30):
        make_user("founder", f"p{n:02d}@example.no", name=f"Person {n:02d}", active=False)
    first = client.get("/admin/users?active=no").get_data(as_text=True)
    assert "30 accounts." in first
    assert re.search(r'href="[^"]*page=2[^"]*"', first)
    assert all("active=no" in link for link in re.findall(r'href="([^"]*page=2[^"]*)"', first))
    second = client.get("/admin/users?active=no&page=2").get_data(as_text=True)
    assert len(_names(second)) == 5
