"""The security e-mails about a changed password or address: the account's address is told
when it happened (Oslo time), how to reset the password if it was not them, and what became
of the API tokens; a reset from "Forgot your password?" mailed nobody, so someone who got
into the inbox could take the account over unseen. The old address is told once the
address has moved, not only when the move was asked for."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from app.extensions import db
from app.models import User
from app.services import account_security, api_tokens
from app.services.errors import DomainError
from app.services.tokens import make_email_change_token, make_reset_token
from tests.app.api.helpers import bearer
from tests.factories import DEFAULT_PASSWORD, make_user, outbox_of

GOOD = "fjord sol batteri 2026"
WINTER = datetime(2026, 12, 28, 13, 30, tzinfo=UTC)  # 14:30 in Oslo
SUMMER = datetime(2026, 6, 15, 22, 5, tzinfo=UTC)  # 00:05 the next day in Oslo
WHEN = {("en", WINTER): "Dec 28, 2026, 14:30", ("nb", WINTER): "28. des. 2026, 14:30",
        ("en", SUMMER): "Jun 16, 2026, 00:05", ("nb", SUMMER): "16. juni 2026, 00:05"}
# 0: never had a token, and not told of tokens; "old": had one, revoked before the change
REVOKED = {
    "en": {0: None, "old": "None of your API tokens still worked, so none were revoked.",
           1: "Your API token was revoked, in case someone else made it.",
           2: "Your 2 API tokens were revoked, in case someone else made them."},
    "nb": {0: None,
           "old": "Ingen av API-nøklene dine virket fortsatt, så ingen ble trukket tilbake.",
           1: "API-nøkkelen din ble trukket tilbake, i tilfelle noen andre har laget den.",
           2: "De 2 API-nøklene dine ble trukket tilbake, i tilfelle noen andre har laget "
              "dem."},
}
KEPT = {
    "en": {0: None, "old": "A reset also revokes your API tokens, in case someone else made one.",
           1: "Your API token was not revoked and still works. A reset revokes it",
           2: "Your 2 API tokens were not revoked and still work. A reset revokes them all, in "
              "case someone else made one."},
    "nb": {0: None, "old": "En tilbakestilling trekker også tilbake API-nøklene dine",
           1: "API-nøkkelen din ble ikke trukket tilbake og virker fortsatt.",
           2: "De 2 API-nøklene dine ble ikke trukket tilbake og virker fortsatt. En "
              "tilbakestilling trekker dem alle tilbake, i tilfelle noen andre har laget en av "
              "dem."},
}


def _at(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr("app.services.account_security.utcnow", lambda: moment)


def _text(mail) -> str:
    return " ".join(mail.body.split())


def _tokens(user, n: int | str) -> list[str]:
    if n == "old":  # one made and revoked before: nothing left to revoke or keep
        old = api_tokens.create(user, "old script", "read", 30)
        api_tokens.revoke(user, old.token.id)
        return [old.plain]
    return [bearer(user)["Authorization"].split()[1] for _ in range(n)]


def _told_of_tokens(body: str, told: str | None) -> None:
    if told is None:
        assert "API" not in body, body  # API token / API-nøkkel: a thing they never had
    else:
        assert told in body


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize("tokens", [0, "old", 1, 2])
def test_a_reset_mails_when_and_which_tokens_were_revoked(app, client, monkeypatch, locale,
                                                          tokens):
    _at(monkeypatch, WINTER)
    user = make_user("founder", "kari@example.no", name="Kari", locale=locale,
                     last_login_at=WINTER)  # an account in use, which someone could take over
    plain = _tokens(user, tokens)
    done = client.post(f"/auth/reset/{make_reset_token(user)}",
                       data={"password": GOOD, "confirm": GOOD})
    assert done.status_code == 302
    (mail,) = outbox_of(app)
    assert mail.to == ["kari@example.no"]
    assert mail.subject == {"en": "Your Koble password was changed",
                            "nb": "Passordet til Koble-kontoen din er endret"}[locale]
    body = _text(mail)
    assert {"en": "The password of your Koble account was reset with a link from “Forgot your "
                  f"password?” on {WHEN['en', WINTER]}, and every session was logged out.",
            "nb": "Passordet til Koble-kontoen din ble tilbakestilt med en lenke fra «Glemt "
                  f"passordet?» {WHEN['nb', WINTER]}, og alle økter ble logget ut."}[locale] \
        in body
    _told_of_tokens(body, REVOKED[locale][tokens])
    assert "\n\n\n" not in mail.body  # no gap where a sentence was left out
    # the reset page, not a link that resets: the mail may be read days later
    assert "http://localhost/auth/reset " in body + " " and "/auth/reset/" not in body
    assert GOOD not in body and not any(p in body for p in plain)


@pytest.mark.parametrize("locale", ["nb", "en"])
@pytest.mark.parametrize("tokens", [0, "old", 1, 2])
def test_a_change_while_logged_in_mails_when_and_that_the_tokens_still_work(
        app, client, auth, monkeypatch, locale, tokens):
    _at(monkeypatch, SUMMER)
    user = make_user("investor", "ola@example.no", locale=locale)
    plain = _tokens(user, tokens)
    auth.login(user.email)
    done = client.post("/auth/password", data={
        "current_password": DEFAULT_PASSWORD, "new_password": GOOD, "confirm": GOOD})
    assert done.status_code == 303
    (mail,) = outbox_of(app)
    body = _text(mail)
    assert {"en": f"was changed on {WHEN['en', SUMMER]}, and every other session was logged out",
            "nb": f"ble endret {WHEN['nb', SUMMER]}, og alle andre økter ble logget ut"}[locale] \
        in body
    _told_of_tokens(body, KEPT[locale][tokens])
    assert "\n\n\n" not in mail.body  # no gap where a sentence was left out
    assert "/auth/reset" in body and "/auth/reset/" not in body
    assert GOOD not in body and DEFAULT_PASSWORD not in body
    assert not any(p in body for p in plain)


def test_choosing_the_first_password_from_an_invitation_mails_no_reset_notice(app, client,
                                                                              tmp_path):
    """A member's (and a staff member's) invitation links the reset page: choosing the first
    password there is no reset, and the newcomer is not told "your password was reset … if
    it was not you". A reset once the account has been used is told as above."""
    path = tmp_path / "members.csv"
    path.write_text("email;name;role;municipality;organisation\n"
                    "per@bedrift.no;Per;founder;Asker;Per AS\n", encoding="utf-8")
    assert app.test_cli_runner().invoke(args=["members", "import", str(path)]).exit_code == 0
    (invitation,) = outbox_of(app)
    link = re.search(r"https?://[^/\s]+(/auth/reset/\S+)", invitation.body).group(1)
    outbox_of(app).clear()

    done = client.post(link, data={"password": GOOD, "confirm": GOOD})
    assert done.status_code == 302
    assert outbox_of(app) == []

    assert client.post("/auth/login", data={"email": "per@bedrift.no",
                                            "password": GOOD}).status_code == 302
    client.post("/auth/logout")
    per = db.session.scalar(db.select(User).where(User.email == "per@bedrift.no"))
    client.post(f"/auth/reset/{make_reset_token(per)}",
                data={"password": GOOD + " x", "confirm": GOOD + " x"})
    (told,) = outbox_of(app)
    assert told.to == ["per@bedrift.no"] and "was reset with a link" in _text(told)


def test_a_refused_reset_mails_nobody(app, client):
    user = make_user("founder")
    refused = client.post(f"/auth/reset/{make_reset_token(user)}",
                          data={"password": "short", "confirm": "short"})
    assert refused.status_code == 422
    assert outbox_of(app) == []


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_the_old_address_is_told_once_the_address_has_moved(app, monkeypatch, locale):
    _at(monkeypatch, WINTER)
    user = make_user("founder", "kari@example.no", name="Kari", locale=locale)
    with app.test_request_context():
        account_security.confirm_change(make_email_change_token(user, "kari.ny@example.no"))
    (mail,) = outbox_of(app)
    assert mail.to == ["kari@example.no"]  # the new address asked for it: it needs no notice
    assert mail.subject == {"en": "Your Koble e-mail address was changed",
                            "nb": "E-postadressen til Koble-kontoen din er endret"}[locale]
    body = _text(mail)
    assert {"en": "was changed from kari@example.no to kari.ny@example.no on "
                  f"{WHEN['en', WINTER]}",
            "nb": "ble endret fra kari@example.no til kari.ny@example.no "
                  f"{WHEN['nb', WINTER]}"}[locale] in body
    # the word of the admin screens, whose button says Deactivate (nb Deaktiver)
    assert {"en": "contact your business association at once: Koble's administrators can "
                  "deactivate the account.",
            "nb": "kontakte næringsforeningen din med en gang: Kobles administratorer kan "
                  "deaktivere kontoen."}[locale] in body
    assert "/account/email/confirm/" not in body


def test_a_refused_address_change_tells_nobody(app):
    user = make_user("founder", "kari@example.no")
    make_user("investor", "tatt@example.no")
    token = make_email_change_token(user, "tatt@example.no")
    with app.test_request_context(), pytest.raises(DomainError):
        account_security.confirm_change(token)
    db.session.rollback()
    assert outbox_of(app) == []
