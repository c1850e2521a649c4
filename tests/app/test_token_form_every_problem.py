"""The account page's "New token" form says every problem at once, the password's last, and
makes nothing. It used to check the password only once the other fields were right (an
empty name hid a wrong password for a round), then the password before the count of live
tokens (a person at the limit typed the password right only to hear "too many tokens",
under the Name field, which no name could mend)."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from app.models import ApiToken, AuditEvent
from app.services import api_tokens
from tests.factories import DEFAULT_PASSWORD, make_user

WORDS = {
    "en": {"wrong": "The password is wrong.", "name": "Name", "days": "Expires after (days)",
           "password": "Your password", "problems": "3 problems to fix",
           "too_many": "You have too many tokens; revoke one first."},
    "nb": {"wrong": "Passordet er feil.", "name": "Navn", "days": "Utløper etter (dager)",
           "password": "Passordet ditt", "problems": "3 feil å rette",
           "too_many": "Du har for mange nøkler; trekk tilbake én først."},
}


def _post(client, name="CRM", days="30", password=DEFAULT_PASSWORD):
    return client.post("/account/tokens", data={"name": name, "scope": "read", "days": days,
                                                "password": password})


def _errors(html: str) -> dict[str, str]:
    """Each field's error text, by field id."""
    return {field: re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()
            for field, text in re.findall(r'id="([a-z_]+)-error"[^>]*>(.*?)</div>', html,
                                          re.S)}


def _summary(html: str) -> str:
    return html.split("data-error-summary", 1)[1].split("</div>", 1)[0]


def _summary_links(html: str) -> list[str]:
    return re.findall(r'<li><a href="#([a-z_]+)">', _summary(html))


def _wrong_tries() -> int:
    return db.session.query(AuditEvent).filter_by(action="api_token_password_wrong").count()


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_an_empty_name_and_a_wrong_password_are_said_together(client, auth, lang):
    auth.login(make_user("founder", locale=lang).email)

    page = _post(client, name="", password="not the password")

    assert page.status_code == 422
    html = page.get_data(as_text=True)
    errors = _errors(html)
    assert set(errors) == {"name", "password"}
    assert WORDS[lang]["wrong"] in errors["password"]
    assert _summary_links(html) == ["name", "password"]  # the password last
    assert db.session.query(ApiToken).count() == 0
    assert _wrong_tries() == 1  # audited as before


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_three_problems_in_one_round_password_last(client, auth, lang):
    auth.login(make_user("founder", locale=lang).email)

    page = _post(client, name="x" * 81, days="0", password="not the password")

    html = page.get_data(as_text=True)
    assert page.status_code == 422
    assert WORDS[lang]["problems"] in _summary(html)
    assert _summary_links(html) == ["name", "days", "password"]
    assert db.session.query(ApiToken).count() == 0


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_at_the_limit_the_count_and_a_wrong_password_are_said_together(client, auth, lang):
    user = make_user("founder", locale=lang)
    for n in range(api_tokens.MAX_TOKENS):
        api_tokens.create(user, f"t{n}", "read", 30)
    auth.login(user.email)

    page = _post(client, password="not the password")

    html = page.get_data(as_text=True)
    assert page.status_code == 422
    # said above the fields, as no field mends it; the Name field is not marked
    assert WORDS[lang]["too_many"] in _summary(html)
    assert set(_errors(html)) == {"password"}
    assert _summary_links(html) == ["password"]
    assert db.session.query(ApiToken).count() == api_tokens.MAX_TOKENS


def test_a_right_password_with_an_empty_name_makes_nothing(client, auth):
    """Guard: the password checked with a refused field makes no token."""
    auth.login(make_user("founder", locale="en").email)

    page = _post(client, name="")

    html = page.get_data(as_text=True)
    assert page.status_code == 422
    assert set(_errors(html)) == {"name"}
    assert db.session.query(ApiToken).count() == 0
    assert _wrong_tries() == 0
    assert _post(client).status_code == 201
