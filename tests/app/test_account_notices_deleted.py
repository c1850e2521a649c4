"""An administrator deleted someone's account (on their request, by mail, or a staff member
who left) and the person was told nothing: the next login simply failed. Now the address
the account had gets an e-mail in the person's language saying that the account and what
it held are deleted, and whom to ask: sent once the deletion is saved, to the address taken
before erasure removed it (erasure.anonymise by_admin=True), through the admin's page and
the command line alike. Their own deletion says it on the page and mails nothing; a refused
deletion mails nobody."""

from __future__ import annotations

import contextvars

import pytest

from app.extensions import db
from app.services import account_access
from app.services.deleted_accounts import is_deleted
from app.services.errors import DomainError
from tests.app.admin_questions import confirm
from tests.app.page_text import fresh
from tests.app.security.principals import log_in
from tests.factories import DEFAULT_PASSWORD, make_pitch, make_user, outbox_of

SAID = {
    "en": ("Your Koble account is deleted",
           "Hello Kari Nord,",
           "An administrator deleted your Koble account on",
           "Your name, e-mail address, phone number and what you wrote (pitches, profile) are "
           "removed",
           "This is the last e-mail Koble sends to this address.",
           "If you have questions, contact your association, Asker Næringsforening."),
    "nb": ("Koble-kontoen din er slettet",
           "Hei Kari Nord,",
           "En administrator slettet Koble-kontoen din",
           "Navnet, e-postadressen, telefonnummeret og det du skrev (pitcher, profil), er "
           "fjernet",
           "Dette er den siste e-posten Koble sender til denne adressen.",
           "Har du spørsmål, kontakt foreningen din, Asker Næringsforening."),
}


@pytest.fixture
def app_overrides(tmp_path) -> dict:
    return {"ERASURE_LEDGER": str(tmp_path / "erasure-ledger.jsonl")}


def _text(mail) -> str:
    return " ".join(mail.body.split())


def _mails_to(app, address: str) -> list:
    return [mail for mail in outbox_of(app) if mail.to == [address]]


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_the_admins_deletion_mails_the_address_the_account_had(app, locale):
    admin = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None,
                      locale="en", phone="+47 900 00 000")
    kari = make_user("founder", "kari@example.no", name="Kari Nord", locale=locale)
    make_pitch(kari, title="Solkraft på låven")
    client = app.test_client()
    log_in(client, admin)
    assert confirm(client, kari.id, "delete").status_code == 303
    assert is_deleted(fresh(kari))
    (mail,) = _mails_to(app, "kari@example.no")
    body = _text(mail)
    subject, *said = SAID[locale]
    assert mail.subject == subject
    for part in said:
        assert part in body, (part, body)
    for theirs in ("Ada", "sjef@koble.no", "900 00 000", "Solkraft"):
        assert theirs not in body
    assert len(outbox_of(app)) == 1  # to nobody else, and once


def test_the_command_line_mails_it_too(app):
    make_user("founder", "kari@example.no", name="Kari Nord", locale="nb")
    result = contextvars.Context().run(app.test_cli_runner().invoke, args=[
        "users", "delete", "kari@example.no", "--yes"])
    assert result.exit_code == 0, result.output
    (mail,) = _mails_to(app, "kari@example.no")
    assert mail.subject == "Koble-kontoen din er slettet"


def test_their_own_deletion_mails_nothing(app):
    kari = make_user("founder", "kari@example.no", locale="en")
    client = app.test_client()
    log_in(client, kari)
    response = client.post("/account/delete", data={"password": DEFAULT_PASSWORD})
    assert response.status_code == 303 and is_deleted(fresh(kari))
    assert outbox_of(app) == []


def test_a_refused_deletion_mails_nobody_and_a_done_one_once(app):
    only = make_user("admin", "eneste@koble.no", association=None, locale="en")
    with pytest.raises(DomainError):
        account_access.delete_user(only)  # the last active admin
    assert outbox_of(app) == [] and not is_deleted(fresh(only))
    make_user("admin", "andre@koble.no", association=None)
    account_access.delete_user(fresh(only))
    with pytest.raises(DomainError):
        account_access.delete_user(fresh(only))  # already deleted
    db.session.expire_all()
    assert [mail.to for mail in outbox_of(app)] == [["eneste@koble.no"]]
    assert "If you have questions, contact Koble's administrators." in _text(outbox_of(app)[0])
