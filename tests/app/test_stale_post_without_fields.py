"""A logged-in post with a stale CSRF token and no field its form knows (on the walk: an
empty POST to /profile and to /account/tokens) answered 500: the page drawn again to take
the fields back had shown the "Nothing was saved" message already, so the session had none
left to withdraw (IndexError). Now it is the plain 400 page, without that message."""

from __future__ import annotations

import pytest

from tests.app.security.principals import log_in
from tests.factories import make_investor, make_user

NOTHING_SAVED = "Nothing was saved: the page had been open a long time"


@pytest.fixture
def app_overrides():
    return {"WTF_CSRF_ENABLED": True}


@pytest.mark.parametrize("url", ["/profile", "/account/tokens"])
def test_a_stale_post_without_fields_is_a_plain_400(client, url):
    user = make_user("investor", locale="en")
    make_investor(user)
    log_in(client, user)
    response = client.post(url, data={"csrf_token": "stale"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert NOTHING_SAVED not in page
    # nor does the next page show it
    assert NOTHING_SAVED not in client.get("/account/").get_data(as_text=True)


def test_a_stale_post_with_the_forms_fields_is_still_given_back(client):
    """The case the message is for (a guard)."""
    user = make_user("investor", locale="en")
    make_investor(user)
    log_in(client, user)
    response = client.post("/account/tokens", data={"csrf_token": "stale", "name": "CRM sync",
                                                    "scope": "read", "days": "30"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert NOTHING_SAVED in page and 'value="CRM sync"' in page
