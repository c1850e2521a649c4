"""A page number typed into a list's URL is answered as a page past the end, however large:
page=10**20 once overflowed the query's OFFSET (PostgreSQL "bigint out of range", SQLite
OverflowError) and answered 500."""

from __future__ import annotations

import pytest

from tests.app.security.principals import log_in
from tests.factories import make_investor, make_pitch, make_user

LISTS = [
    ("investor", "/pitches"),
    ("investor", "/matches"),
    ("investor", "/matches/saved"),
    ("founder", "/investors"),
    ("founder", "/notifications"),
    ("staff", "/staff/pitches"),
    ("admin", "/admin/users"),
]


@pytest.mark.parametrize("page", [10**20, 2**62, 2**31])
@pytest.mark.parametrize(("role", "url"), LISTS)
def test_a_huge_page_number_is_a_page_past_the_end(app, role, url, page):
    user = make_user(role, association=None if role == "admin" else "asker")
    make_pitch(title="The only pitch")
    make_investor(user if role == "investor" else make_user("investor"))
    client = app.test_client()
    log_in(client, user)

    response = client.get(url, query_string={"page": str(page)})

    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert "The only pitch" not in response.get_data(as_text=True)


def test_the_first_page_still_lists_the_pitch(app):
    investor = make_user("investor")
    make_pitch(title="The only pitch")
    client = app.test_client()
    log_in(client, investor)

    for page in ("-3", "0", "1", "abc"):
        response = client.get("/pitches", query_string={"page": page})
        assert "The only pitch" in response.get_data(as_text=True), page
