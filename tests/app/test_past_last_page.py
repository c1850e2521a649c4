"""A page past the end of a list (an edited ?page=999, an old link) sends the reader to the
last page that exists, with the list's other query arguments; it used to show an empty page
under a "nothing matches" message, with no cards and only the pager."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from app.extensions import db
from app.services import notifications
from tests.app.security.principals import log_in
from tests.factories import make_investor, make_pitch, make_user

# (role, list, a filter the list reads that every row below passes)
LISTS = [
    ("investor", "/pitches", {"sort": "title"}),
    ("investor", "/matches", {"sort": "newest"}),
    ("investor", "/matches/saved", {}),
    ("founder", "/investors", {"stage": "seed"}),
    ("founder", "/notifications", {}),
    ("staff", "/staff/pitches", {"shown": "yes"}),
    ("admin", "/admin/users", {"role": "investor"}),
]


def _query(location: str) -> dict:
    return parse_qs(urlsplit(location).query)


@pytest.mark.parametrize(("role", "url", "filters"), LISTS)
def test_a_page_past_the_end_redirects_to_the_last_page_with_the_filters(
        app, role, url, filters):
    user = make_user(role, association=None if role == "admin" else "asker")
    make_pitch(title="The only pitch")
    make_investor(user if role == "investor" else make_user("investor"), stages=["seed"])
    notifications.notify(user, "mutual_match", "/matches/mutual", other="Fond", pitch="Sol")
    db.session.commit()
    client = app.test_client()
    log_in(client, user)

    response = client.get(url, query_string={**filters, "page": "999"})

    assert response.status_code == 302, response.status_code
    assert urlsplit(response.location).path == url
    assert _query(response.location) == {**{k: [v] for k, v in filters.items()},
                                         "page": ["1"]}
    assert client.get(response.location).status_code == 200


def test_the_redirect_lands_on_the_last_page_not_the_first(app):
    app.config["PITCHES_PER_PAGE"] = 1
    staff = make_user("staff", association="asker")
    for n in range(3):
        make_pitch(title=f"Pitch {n}")
    client = app.test_client()
    log_in(client, staff)

    for url in ("/pitches", "/staff/pitches"):
        response = client.get(url, query_string={"page": "7", "q": "Pitch"})

        assert response.status_code == 302, url
        assert _query(response.location) == {"page": ["3"], "q": ["Pitch"]}
        assert "Pitch" in client.get(response.location).get_data(as_text=True)


def test_a_repeated_argument_is_kept_and_a_huge_page_number_too_lands_on_the_last(app):
    investor = make_user("investor")
    make_pitch(title="The only pitch")
    client = app.test_client()
    log_in(client, investor)

    response = client.get("/pitches?q=only&q=pitch&page=" + "9" * 30)

    assert response.status_code == 302
    assert _query(response.location) == {"q": ["only", "pitch"], "page": ["1"]}


def test_existing_pages_and_an_empty_list_are_not_redirected(app):
    founder = make_user("founder")
    client = app.test_client()
    log_in(client, founder)

    # nothing to list: page 1 says so (no redirect loop); a real page stays where it is
    assert client.get("/notifications?page=1").status_code == 200
    assert client.get("/investors").status_code == 200
    make_investor(make_user("investor"), organisation="Fjord Kapital")
    page = client.get("/investors?page=1")
    assert page.status_code == 200 and "Fjord Kapital" in page.get_data(as_text=True)
