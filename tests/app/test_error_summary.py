"""A refused form's summary names every marked field, in the page's language, as a link to
the field (a group's first option), and is the element the page's script focuses."""

from __future__ import annotations

import re

import pytest

from tests.factories import make_user


@pytest.fixture
def app_overrides():
    return {"BABEL_DEFAULT_LOCALE": "nb"}


def _summary(page: str) -> str:
    match = re.search(r'<div [^>]*data-error-summary[^>]*>(.*?)</div>',
                      page, re.S)
    assert match, "no focusable error summary on the page"
    assert 'tabindex="-1"' in match.group(0) and 'role="alert"' in match.group(0)
    return match.group(1)


def _links(summary: str) -> list[tuple[str, str]]:
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)


def test_login_summary_links_to_the_empty_fields(client):
    response = client.post("/auth/login", data={"email": "", "password": ""})
    summary = _summary(response.get_data(as_text=True))
    assert "Rett opp feltene som er markert." in summary
    assert _links(summary) == [("email", "E-post"), ("password", "Passord")]


def test_register_summary_names_groups_by_their_first_option(client):
    response = client.post("/auth/register", data={"name": "Kari", "email": "ikke-epost"})
    page = response.get_data(as_text=True)
    links = dict(_links(_summary(page)))
    assert links["role-0"] == "Jeg er"  # the radio group: its first option
    assert links["email"] == "E-post"
    assert "name" not in links  # filled in, not marked
    for target in links:
        assert f'id="{target}"' in page  # every link leads to a control on the page


def test_pitch_summary_in_english(client, auth):
    founder = make_user("founder", locale="en")
    auth.login(founder.email)
    response = client.post("/pitches/new", data={"title": "", "summary": ""})
    summary = _summary(response.get_data(as_text=True))
    assert "Please correct the marked fields." in summary
    assert ("title", "Title") in _links(summary)


def test_a_wrong_password_names_no_field(client):
    user = make_user("founder")
    response = client.post("/auth/login", data={"email": user.email, "password": "feil"})
    summary = _summary(response.get_data(as_text=True))
    assert "Feil e-post eller passord." in summary and _links(summary) == []


def test_the_page_loads_the_script_that_moves_the_focus(client):
    page = client.get("/auth/login").get_data(as_text=True)
    assert '<script src="/static/form_errors.js" defer></script>' in page
