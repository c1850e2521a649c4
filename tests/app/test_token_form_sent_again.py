"""The API token form sent again makes no second key: reloading the page that showed a new
token (the browser sends the form again) or sending the form again after Back. Seen on the
demo: a reload after "Create token" made a second active token of the same name, whose key
nobody ever saw, and showed it as "Your new token"; the copied one was left beside it. The
same form now leads back to the token list with a message saying what happened and how to
get a key again; a new page's form makes a new token as before."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import ApiToken, AuditEvent
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_user

WORDS = {
    "en": ("This form made its token already, so no second one was made. Its key was shown "
           "only then: if you did not copy it, revoke the token and make a new one."),
    "nb": ("Dette skjemaet har allerede laget nøkkelen sin, så det ble ikke laget en til. "
           "Nøkkelen ble bare vist den gangen: har du ikke kopiert den, trekker du nøkkelen "
           "tilbake og lager en ny."),
}


def _once(page: str) -> str:
    """The form's one-time token ("" on a page without one)."""
    field = re.search(r'<input[^>]*name="once"[^>]*>', page)
    value = re.search(r'value="([^"]*)"', field.group(0)) if field else None
    return value.group(1) if value else ""


def _count(user) -> int:
    return db.session.scalar(select(func.count()).select_from(ApiToken)
                             .where(ApiToken.user_id == user.id))


def _form(once: str, name: str = "CRM sync") -> dict:
    return {"name": name, "scope": "read", "days": "30", "password": DEFAULT_PASSWORD,
            "once": once}


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_same_form_sent_again_makes_no_second_token(app, lang):
    user = make_user("investor", locale=lang)
    client = app.test_client()
    log_in(client, user)
    once = _once(client.get("/account/tokens").get_data(as_text=True))
    first = client.post("/account/tokens", data=_form(once))
    assert first.status_code == 201 and "kbl_" in first.get_data(as_text=True)
    again = client.post("/account/tokens", data=_form(once))  # a reload of that page
    assert again.status_code == 303 and again.headers["Location"].endswith("/account/tokens")
    assert _count(user) == 1
    page = " ".join(client.get("/account/tokens").get_data(as_text=True).split())
    assert WORDS[lang] in page
    assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "api_token_created")) == 1


def test_a_new_page_makes_a_new_token(app):
    """A guard: the page that shows a new token carries a fresh form, which makes another."""
    user = make_user("investor")
    client = app.test_client()
    log_in(client, user)
    once = _once(client.get("/account/tokens").get_data(as_text=True))
    shown = client.post("/account/tokens", data=_form(once)).get_data(as_text=True)
    fresh = _once(shown)
    assert fresh != once
    assert client.post("/account/tokens", data=_form(fresh, "backup")).status_code == 201
    assert _count(user) == 2


def test_a_refused_send_leaves_the_form_usable(app):
    """A guard: a wrong password makes nothing, and the same form then makes the token."""
    user = make_user("investor")
    client = app.test_client()
    log_in(client, user)
    once = _once(client.get("/account/tokens").get_data(as_text=True))
    wrong = client.post("/account/tokens", data={**_form(once), "password": "not it at all"})
    assert wrong.status_code == 422 and _count(user) == 0
    assert _once(wrong.get_data(as_text=True)) == once
    assert client.post("/account/tokens", data=_form(once)).status_code == 201
    assert _count(user) == 1


def test_another_persons_form_token_is_not_theirs(app):
    """A guard: a form token is the account's own; someone else's makes their own token."""
    one, other = make_user("investor"), make_user("founder")
    client = app.test_client()
    log_in(client, one)
    once = _once(client.get("/account/tokens").get_data(as_text=True))
    assert client.post("/account/tokens", data=_form(once)).status_code == 201
    client_b = app.test_client()
    log_in(client_b, other)
    assert client_b.post("/account/tokens", data=_form(once)).status_code == 201
    assert _count(other) == 1
