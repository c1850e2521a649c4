"""Hiding or unhiding a pitch from the staff pitch list comes back to the same page of the
list with its filters, not to page 1 of every pitch; a `next` that is not a local path is
ignored."""

from __future__ import annotations

import html
import re

import pytest

from app.extensions import db
from tests.app.security.test_open_redirect import PAYLOADS
from tests.factories import make_pitch, make_user

LIST = "/staff/pitches?q=pitch&page=2"


@pytest.fixture
def staff(app, auth):
    app.config["PITCHES_PER_PAGE"] = 2
    user = make_user("staff")
    auth.login(user.email)
    return user


@pytest.fixture
def pitches():
    """Five published pitches (three pages of two) and a draft, newest last."""
    made = [make_pitch(title=f"Pitch {n}") for n in range(5)]
    make_pitch(title="Utkast", status="draft")
    return made


def _links(page: str, verb: str) -> list[str]:
    return [html.unescape(u) for u in re.findall(rf'"(/staff/pitches/\d+/{verb}[^"]*)"', page)]


def test_hide_comes_back_to_the_same_page_and_filters(client, staff, pitches):
    page = client.get(LIST).get_data(as_text=True)
    hide_url = _links(page, "hide")[0]
    form = client.get(hide_url)
    assert f'href="{html.escape(LIST)}"' in form.get_data(as_text=True)  # Cancel goes back
    response = client.post(hide_url, data={"reason": "Spam"})
    assert response.status_code == 302
    assert response.headers["Location"] == LIST


def test_unhide_comes_back_to_the_same_page_and_filters(client, staff, pitches):
    for pitch in pitches:
        pitch.hidden, pitch.hidden_reason = True, "Spam"
    db.session.commit()
    page = client.get(LIST).get_data(as_text=True)
    unhide_url = _links(page, "unhide")[0]
    response = client.post(unhide_url)
    assert response.status_code == 302
    assert response.headers["Location"] == LIST


def test_a_next_elsewhere_goes_to_the_list(client, staff, pitches):
    unhide = f"/staff/pitches/{pitches[0].id}/unhide"
    hide = f"/staff/pitches/{pitches[1].id}/hide"
    wrong = []
    for target in PAYLOADS:
        for response in (client.post(unhide, data={"next": target}),
                         client.post(unhide, query_string={"next": target}),
                         client.post(hide, query_string={"next": target},
                                     data={"reason": "Spam"})):
            if response.headers["Location"] != "/staff/pitches":
                wrong.append(f"{target!r} → {response.headers['Location']!r}")
    assert not wrong, "\n".join(wrong)
