"""Registration asks for a municipality and never picks one: the list starts at "Velg …",
and a form sent without a choice is refused with a message at the list, creating no account
(it used to register the person in Asker, first in the list, and in Asker's association)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import User
from tests.factories import DEFAULT_PASSWORD


@pytest.fixture
def app_overrides():
    return {"BABEL_DEFAULT_LOCALE": "nb"}


def _select(page: str) -> str:
    return re.search(r'<select[^>]*name="municipality".*?</select>', page, re.S).group(0)


def test_the_list_starts_with_no_choice(client):
    options = re.findall(r"<option([^>]*)>([^<]*)</option>",
                         _select(client.get("/auth/register").get_data(as_text=True)))
    assert 'value=""' in options[0][0] and options[0][1] == "Velg …"
    assert not any("selected" in attrs for attrs, _label in options[1:])


def test_skipping_the_municipality_is_refused(client):
    response = client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": "kari@example.no",
        "municipality": "", "association": "", "password": DEFAULT_PASSWORD,
        "confirm": DEFAULT_PASSWORD})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Velg kommunen du bor eller arbeider i." in page
    assert 'aria-invalid="true"' in _select(page)
    assert db.session.scalar(select(User).where(User.email == "kari@example.no")) is None


def test_a_chosen_municipality_decides_the_association(client):
    response = client.post("/auth/register", data={
        "role": "founder", "name": "Kari Nordmann", "email": "kari@example.no",
        "municipality": "drammen", "association": "", "password": DEFAULT_PASSWORD,
        "confirm": DEFAULT_PASSWORD})
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "kari@example.no"))
    assert user.municipality == "drammen" and user.association.slug == "drammen"
