"""A filtered list's "Clear" link ("Nullstill") is there only when a filter is set (or the
filters were refused): on a list nothing narrows, it led back to the same page and read as if
something were filtered. Set, it is an ordinary link, reached with Tab like the rest."""

from __future__ import annotations

import re

import pytest
from flask import url_for

from app.extensions import db
from tests.factories import make_investor, make_user

CLEAR = {"en": "Clear", "nb": "Nullstill"}
# (role of the reader, the list's endpoint, a filter set on it)
LISTS = [("investor", "pitches.browse", {"q": "sol"}),
         ("founder", "investors.browse", {"q": "sol"}),
         ("admin", "admin.audit", {"actor": "someone"})]


def _clear_links(page: str, lang: str, href: str) -> list[str]:
    return re.findall(rf'<a class="btn btn-link" href="{re.escape(href)}">{CLEAR[lang]}</a>',
                      page)


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize(("role", "endpoint", "filters"), LISTS)
def test_clear_shows_only_when_a_filter_is_set(app, client, auth, lang, role, endpoint,
                                               filters):
    user = make_user(role, locale=lang)
    if role == "investor":
        make_investor(user)
    db.session.commit()
    auth.login(user.email)
    with app.test_request_context():
        href = url_for(endpoint)
        filtered = url_for(endpoint, **filters)
        sorted_only = url_for(endpoint, sort="newest")
    unfiltered = client.get(href)
    assert unfiltered.status_code == 200
    page = unfiltered.get_data(as_text=True)
    assert 'role="search"' in page
    assert _clear_links(page, lang, href) == []
    if endpoint == "pitches.browse":  # the sort order is no filter
        assert _clear_links(client.get(sorted_only).get_data(as_text=True), lang, href) == []
    page = client.get(filtered).get_data(as_text=True)
    assert len(_clear_links(page, lang, href)) == 1
