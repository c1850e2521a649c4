"""Registration sent without "Jeg er" (founder or investor) says which choice is missing,
in the visitor's language, and creates no account; it said only the generic "Dette feltet
er påkrevd." at the radio buttons."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import User
from tests.factories import DEFAULT_PASSWORD


@pytest.mark.parametrize(("language", "message"), [
    ("nb", "Velg om du er gründer eller investor."),
    ("en", "Choose whether you are a founder or an investor."),
])
def test_skipping_the_role_is_refused_by_name(client, language, message):
    with client.session_transaction() as session:
        session["lang"] = language
    response = client.post("/auth/register", data={
        "name": "Kari Nordmann", "email": "kari@example.no", "municipality": "drammen",
        "association": "", "password": DEFAULT_PASSWORD, "confirm": DEFAULT_PASSWORD})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(select(User).where(User.email == "kari@example.no")) is None
