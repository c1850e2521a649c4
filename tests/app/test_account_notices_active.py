"""An administrator deactivated someone's account, or reactivated it, and the person was told
nothing: their session ended, and every login after said "Wrong e-mail or password." as if
they had mistyped. Now they get an e-mail in their language saying so and whom to contact
(their association by name, and the platform's address when CONTACT_EMAIL is set), and the
login page tells whoever gives the right password that the account is deactivated. A wrong
password still gets the answer an unknown address gets (the anti-enumeration tests in
tests/app/security/test_passwords_and_login.py). Through the admin's page and the command
line alike (account_access.set_active); a refusal or a change that changes nothing tells
nobody."""

from __future__ import annotations

import contextvars

import pytest

from app.extensions import db
from app.models import AuditEvent
from app.services import account_access
from app.services.errors import DomainError
from tests.app.admin_questions import confirm
from tests.app.page_text import fresh, main_text
from tests.app.security.principals import log_in
from tests.factories import (
    DEFAULT_PASSWORD,
    make_arena,
    make_invitation,
    make_pitch,
    make_user,
    outbox_of,
)

DEACTIVATED = {
    "en": ("Your Koble account is deactivated",
           "An administrator deactivated your Koble account on",
           "You were logged out everywhere and can no longer log in.",
           "If you have questions, contact your association, Asker Næringsforening."),
    "nb": ("Koble-kontoen din er deaktivert",
           "En administrator deaktiverte Koble-kontoen din",
           "Du ble logget ut overalt og kan ikke lenger logge inn.",
           "Har du spørsmål, kontakt foreningen din, Asker Næringsforening."),
}
REACTIVATED = {
    "en": ("Your Koble account is active again",
           "An administrator reactivated your Koble account on",
           "you can log in again with your e-mail address and password.",
           "What ended when the account was deactivated stays ended"),
    "nb": ("Koble-kontoen din er aktiv igjen",
           "En administrator aktiverte Koble-kontoen din igjen",
           "du kan logge inn igjen med e-postadressen og passordet ditt.",
           "Det som ble avsluttet da kontoen ble deaktivert, forblir avsluttet"),
}


def _text(mail) -> str:
    return " ".join(mail.body.split())


def _mails_to(app, user) -> list:
    return [mail for mail in outbox_of(app) if mail.to == [user.email]]


@pytest.fixture
def admin_client(app):
    admin = make_user("admin", "sjef@koble.no", name="Ada Admin", association=None, locale="en",
                      phone="+47 900 00 000")
    client = app.test_client()
    log_in(client, admin)
    return admin, client


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_deactivating_on_the_admins_page_mails_the_person(app, admin_client, locale):
    _admin, client = admin_client
    kari = make_user("founder", "kari@example.no", name="Kari", locale=locale)
    arena = make_arena(status="inviting", title="Høstarena")
    make_invitation(arena, kari, "accepted", pitch_id=make_pitch(kari).id)
    db.session.commit()
    assert confirm(client, kari.id, "deactivate").status_code == 303
    assert not fresh(kari).active
    (mail,) = _mails_to(app, kari)
    body = _text(mail)
    subject, *said = DEACTIVATED[locale]
    assert mail.subject == subject
    for part in said:
        assert part in body, (part, body)
    assert {"en": "Your part in an arena not yet held has ended",
            "nb": "Deltakelsen din på en arena som ikke er holdt ennå, er avsluttet"}[locale] \
        in body
    for theirs in ("Ada", "sjef@koble.no", "900 00 000"):
        assert theirs not in body


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_reactivating_mails_the_person(app, admin_client, locale):
    _admin, client = admin_client
    kari = make_user("founder", "kari@example.no", locale=locale, active=False)
    assert client.post(f"/admin/users/{kari.id}/reactivate").status_code == 303
    assert fresh(kari).active
    (mail,) = _mails_to(app, kari)
    body = _text(mail)
    subject, *said = REACTIVATED[locale]
    assert mail.subject == subject
    for part in said:
        assert part in body, (part, body)
    assert "/auth/login" in body


class TestWithAContactAddress:
    @pytest.fixture
    def app_overrides(self) -> dict:
        return {"CONTACT_EMAIL": "hjelp@koble.no"}

    def test_the_mail_and_the_login_page_give_it(self, app):
        kari = make_user("founder", "kari@example.no", locale="en")
        account_access.set_active(kari, False)
        assert ("If you have questions, contact your association, Asker Næringsforening, or "
                "write to hjelp@koble.no.") in _text(_mails_to(app, kari)[0])
        page = app.test_client().post("/auth/login", data={
            "email": kari.email, "password": DEFAULT_PASSWORD}).get_data(as_text=True)
        assert ("Your account is deactivated, so you cannot log in. Contact your association, "
                "Asker Næringsforening, or write to hjelp@koble.no.") in main_text(page)

    def test_an_admin_without_an_association_is_given_the_address(self, app):
        make_user("admin", association=None)
        other = make_user("admin", "ola@koble.no", association=None, locale="nb")
        account_access.set_active(other, False)
        assert "Har du spørsmål, skriv til hjelp@koble.no." in _text(_mails_to(app, other)[0])


@pytest.mark.parametrize("locale", ["nb", "en"])
def test_the_login_page_tells_a_deactivated_account_whom_to_contact(app, locale):
    kari = make_user("founder", "kari@example.no", locale=locale, active=False)
    client = app.test_client()
    client.post("/language", data={"lang": locale})
    response = client.post("/auth/login", data={"email": kari.email,
                                                "password": DEFAULT_PASSWORD})
    text = main_text(response.get_data(as_text=True))
    assert response.status_code == 422
    assert {"en": "Your account is deactivated, so you cannot log in. Contact your "
                  "association, Asker Næringsforening.",
            "nb": "Kontoen din er deaktivert, så du kan ikke logge inn. Kontakt foreningen "
                  "din, Asker Næringsforening."}[locale] in text
    assert {"en": "Wrong e-mail or password.", "nb": "Feil e-post eller passord."}[locale] \
        not in text
    # a wrong password is not told that the account exists
    wrong = main_text(client.post("/auth/login", data={
        "email": kari.email, "password": "not the password 123"}).get_data(as_text=True))
    assert "deactivated" not in wrong and "deaktivert" not in wrong
    assert {"en": "Wrong e-mail or password.", "nb": "Feil e-post eller passord."}[locale] \
        in wrong
    assert db.session.query(AuditEvent).filter_by(action="login_failed").count() == 2


def test_the_command_line_tells_them_too(app):
    kari = make_user("founder", "kari@example.no", locale="nb")
    runner = app.test_cli_runner()
    for command, subject in (("deactivate", "Koble-kontoen din er deaktivert"),
                             ("activate", "Koble-kontoen din er aktiv igjen")):
        result = contextvars.Context().run(runner.invoke, args=[
            "users", command, kari.email])
        assert result.exit_code == 0, result.output
        db.session.expire_all()
        assert _mails_to(app, kari)[-1].subject == subject
    assert len(_mails_to(app, kari)) == 2


def test_no_change_and_a_refusal_tell_nobody(app, admin_client):
    admin, client = admin_client
    kari = make_user("founder", "kari@example.no", locale="en")
    account_access.set_active(kari, True)  # active already
    with pytest.raises(DomainError):
        account_access.set_active(admin, False, actor=admin)  # not oneself
    only = make_user("admin", "eneste@koble.no", association=None)
    admin.active = False  # `only` is the last active admin
    db.session.commit()
    with pytest.raises(DomainError):
        account_access.set_active(only, False)  # the last active admin
    assert outbox_of(app) == []
    account_access.set_active(kari, False)
    assert [mail.subject for mail in outbox_of(app)] == ["Your Koble account is deactivated"]


def test_a_stale_question_tells_nobody(app, admin_client):
    _admin, client = admin_client
    kari = make_user("founder", "kari@example.no", locale="en")
    response = client.post(f"/admin/users/{kari.id}/deactivate", data={"seen": "made up"})
    assert response.status_code == 303 and fresh(kari).active
    assert _mails_to(app, kari) == []
    assert confirm(client, kari.id, "deactivate").status_code == 303
    assert len(_mails_to(app, kari)) == 1
