"""What becomes of a person's API tokens when their password or address changes: a reset
from "Forgot your password?" revokes them (the account may have been in someone else's
hands, and a token made then would outlive the sessions); a password changed while logged
in, and a confirmed new address, keep them (the owner proved the password)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import AuditEvent
from app.services import account_security, api_tokens
from app.services.tokens import make_email_change_token, make_reset_token
from tests.app.api.helpers import bearer
from tests.factories import DEFAULT_PASSWORD, make_user, outbox_of

GOOD = "fjord sol batteri 2026"
RESET = {
    "en": {0: "Your password is changed. Log in with the new one.",
           1: "Your password is changed, and your API token is revoked in case someone else "
              "had it. Log in with the new password and make a new token under API tokens if "
              "you need one.",
           2: "Your password is changed, and your 2 API tokens are revoked in case someone "
              "else had them. Log in with the new password and make new tokens under API "
              "tokens if you need them."},
    "nb": {0: "Passordet er endret. Logg inn med det nye.",
           1: "Passordet er endret, og API-nøkkelen din er trukket tilbake i tilfelle noen "
              "andre hadde den. Logg inn med det nye passordet, og lag en ny nøkkel under "
              "API-nøkler om du trenger en.",
           2: "Passordet er endret, og de 2 API-nøklene dine er trukket tilbake i tilfelle "
              "noen andre hadde dem. Logg inn med det nye passordet, og lag nye nøkler under "
              "API-nøkler om du trenger dem."},
}
CHANGED = {
    "en": {0: "Your password is changed. Other sessions are logged out.",
           1: "Your password is changed. Other sessions are logged out. Your API token still "
              "works: revoke it under API tokens if you do not recognise it.",
           2: "Your password is changed. Other sessions are logged out. Your 2 API tokens "
              "still work: revoke any you do not recognise under API tokens."},
    "nb": {0: "Passordet er endret. Andre økter er logget ut.",
           1: "Passordet er endret. Andre økter er logget ut. API-nøkkelen din virker "
              "fortsatt: trekk den tilbake under API-nøkler hvis du ikke kjenner den igjen.",
           2: "Passordet er endret. Andre økter er logget ut. De 2 API-nøklene dine virker "
              "fortsatt: trekk tilbake dem du ikke kjenner igjen under API-nøkler."},
}


def _works(client, headers) -> bool:
    return client.get("/api/v1/me", headers=headers).status_code == 200


def _flash(client, path: str) -> str:
    return client.get(path).get_data(as_text=True)


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize("tokens", [0, 1, 2])
def test_a_reset_revokes_every_api_token_and_says_so(app, client, locale, tokens):
    user = make_user("founder", locale=locale)
    headers = [bearer(user) for _ in range(tokens)]
    expired = api_tokens.create(user, "old", "read", 1).token
    expired.expires_at -= timedelta(days=2)
    db.session.commit()
    assert all(_works(client, h) for h in headers)
    done = client.post(f"/auth/reset/{make_reset_token(user)}",
                       data={"password": GOOD, "confirm": GOOD})
    assert done.status_code == 302
    assert RESET[locale][tokens] in _flash(client, done.headers["Location"])
    assert not any(_works(client, h) for h in headers)
    revoked = db.session.scalars(select(AuditEvent.target).where(
        AuditEvent.action == "api_token_revoked", AuditEvent.actor_id == user.id)).all()
    assert len(revoked) == tokens  # the expired one is not counted, nor said
    fresh = bearer(user)
    assert _works(client, fresh)


def test_a_refused_reset_keeps_the_tokens(client):
    user = make_user("founder")
    headers = bearer(user)
    refused = client.post(f"/auth/reset/{make_reset_token(user)}",
                          data={"password": "short", "confirm": "short"})
    assert refused.status_code == 422
    assert _works(client, headers)


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize("tokens", [0, 1, 2])
def test_a_password_changed_while_logged_in_keeps_the_tokens_and_says_so(client, auth, locale,
                                                                         tokens):
    user = make_user("founder", locale=locale)
    headers = [bearer(user) for _ in range(tokens)]
    auth.login(user.email)
    done = client.post("/auth/password", data={
        "current_password": DEFAULT_PASSWORD, "new_password": GOOD, "confirm": GOOD})
    assert done.status_code == 303
    assert CHANGED[locale][tokens] in _flash(client, done.headers["Location"])
    assert all(_works(client, h) for h in headers)


def test_the_password_changed_mail_says_a_reset_revokes_the_tokens(app, client, auth):
    """To someone who has had a token (one revoked here); who never had one is not told of
    tokens at all (tests/app/test_password_changed_mail.py)."""
    user = make_user("founder", locale="en")
    old = api_tokens.create(user, "old script", "read", 30).token
    api_tokens.revoke(user, old.id)
    auth.login(user.email)
    client.post("/auth/password", data={
        "current_password": DEFAULT_PASSWORD, "new_password": GOOD, "confirm": GOOD})
    (mail,) = outbox_of(app)
    assert "A reset also revokes your API tokens, in case someone else made one." in mail.body


def test_a_confirmed_new_address_keeps_the_tokens(app, client):
    user = make_user("founder")
    headers = bearer(user)
    with app.test_request_context():
        account_security.confirm_change(make_email_change_token(user, "ny@example.no"))
    assert user.email == "ny@example.no"
    assert _works(client, headers)
